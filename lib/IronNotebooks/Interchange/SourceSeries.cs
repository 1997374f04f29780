using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.Interchange;

/// <summary>
/// A DICOM series as the source of derived objects (Segmentation, Structured Report): its UIDs, one of its datasets
/// (patient, study, frame of reference to copy) and its planes with the SOP UIDs of the images at each.
/// </summary>
public sealed record SourceSeries
{
    /// <summary>The catalogued series.</summary>
    public required CatalogSeries Series { get; init; }

    /// <summary>Header of the series' first file (pixel data not read).</summary>
    public required DicomDataset FirstDataset { get; init; }

    /// <summary>Frame of Reference UID of the series.</summary>
    public required string FrameOfReferenceUid { get; init; }

    /// <summary>Planes along the normal.</summary>
    public required IReadOnlyList<SourcePlane> Planes { get; init; }

    /// <summary>
    /// Reads the planes of <paramref name="series"/>: frames of every acquisition (echoes, components) grouped by
    /// Image Position (Patient) to 0.01 mm, ordered along the normal; each file's header is read once for its SOP UIDs.
    /// </summary>
    /// <exception cref="InterchangeException">The series has no frame with a complete geometry, no Frame of Reference UID, or planes of different matrix or orientation.</exception>
    public static SourceSeries Of(CatalogSeries series)
    {
        Guard.NotNull(series);
        var frames = series.Acquisitions.SelectMany(a => a.FrameReferences.Select(f => (Frame: f, a.Rows, a.Columns))).ToList();
        string label = $"series {series.SeriesNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} ({series.SeriesInstanceUid})";
        if (frames.Count == 0) throw new InterchangeException($"{label} has no image frames.");
        var headers = frames.Select(f => f.Frame.Path).Distinct().ToDictionary(p => p, p => DicomFile.Open(p, new DicomReadOptions { ReadPixelData = false }).Dataset);
        var first = headers[frames[0].Frame.Path];
        var frameOfReference = first.GetStringOrDefault(DicomTags.FrameOfReferenceUID);
        if (string.IsNullOrEmpty(frameOfReference))
            throw new InterchangeException($"{label} has no Frame of Reference UID (0020,0052): derived objects could not be placed on it.", frames[0].Frame.Path);
        var planes = new List<(ImageGeometry Geometry, List<DicomSourceImage> Sources, List<string> Files)>();
        foreach (var (frame, rows, columns) in frames)
        {
            var geometry = frame.Geometry(rows, columns)
                ?? throw new InterchangeException($"frame {frame.FrameIndex + 1} of {label} lacks Image Position/Orientation (Patient) or Pixel Spacing.", frame.Path);
            var ds = headers[frame.Path];
            int frameCount = ds.GetIntOrDefault(DicomTags.NumberOfFrames, 1);
            var source = new DicomSourceImage(ds.GetString(DicomTags.SOPClassUID), ds.GetString(DicomTags.SOPInstanceUID), frameCount > 1 ? frame.FrameIndex + 1 : null);
            var plane = planes.FirstOrDefault(p => (p.Geometry.OriginMm - geometry.OriginMm).Length < 0.01);
            if (plane.Geometry is null) planes.Add((geometry, [source], [frame.Path]));
            else
            {
                if (!plane.Geometry.SamePlaneAs(geometry))
                    throw new InterchangeException($"{label} has images of different matrix, spacing or orientation at the same position ({frame.Path}): one segmentation grid cannot cover them.", frame.Path);
                if (!plane.Sources.Contains(source)) plane.Sources.Add(source);
                if (!plane.Files.Contains(frame.Path)) plane.Files.Add(frame.Path);
            }
        }
        var g0 = planes[0].Geometry;
        var odd = planes.FirstOrDefault(p => p.Geometry.Rows != g0.Rows || p.Geometry.Columns != g0.Columns || (p.Geometry.RowDirection - g0.RowDirection).Length > 1e-4
            || (p.Geometry.ColumnDirection - g0.ColumnDirection).Length > 1e-4 || Math.Abs(p.Geometry.RowSpacingMm - g0.RowSpacingMm) > 1e-4 || Math.Abs(p.Geometry.ColumnSpacingMm - g0.ColumnSpacingMm) > 1e-4);
        if (odd.Geometry is not null)
            throw new InterchangeException($"{label} mixes planes of different matrix, spacing or orientation ({odd.Files[0]}): choose a series with one grid.", odd.Files[0]);
        return new SourceSeries
        {
            Series = series,
            FirstDataset = first,
            FrameOfReferenceUid = frameOfReference,
            Planes = [.. planes.OrderBy(p => p.Geometry.SliceLocationMm).Select((p, i) => new SourcePlane { Index = i, Geometry = p.Geometry, SourceImages = p.Sources, Files = p.Files })],
        };
    }

    /// <summary>
    /// The series an ROI set belongs to in <paramref name="catalog"/>: the one with <paramref name="seriesNumber"/> when
    /// given; else the series holding the set's reference image; else the first multi-echo magnitude series (the one
    /// R2* is measured on); else the only series.
    /// </summary>
    /// <exception cref="InterchangeException">No series matches, or several could and none is preferred; the message lists them.</exception>
    public static SourceSeries Choose(ImageCatalog catalog, RoiSet? set, string examFolder, int? seriesNumber)
    {
        Guard.NotNull(catalog);
        var all = catalog.AllSeries.ToList();
        string list = string.Join(", ", all.Select(s => $"{s.SeriesNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} '{s.SeriesDescription}'"));
        if (all.Count == 0) throw new InterchangeException("the exam has no DICOM image series.", examFolder);
        if (seriesNumber is { } n)
            return Of(all.FirstOrDefault(s => s.SeriesNumber == n) ?? throw new InterchangeException($"the exam has no series number {n}; its series: {list}.", examFolder));
        if (set?.ReferenceImage is { Length: > 0 } reference)
        {
            string full = Path.GetFullPath(Path.IsPathRooted(reference) ? reference : Path.Combine(examFolder, reference));
            var holding = all.FirstOrDefault(s => s.Acquisitions.SelectMany(a => a.FrameReferences).Any(f => string.Equals(Path.GetFullPath(f.Path), full, StringComparison.Ordinal)));
            if (holding is not null) return Of(holding);
        }
        var multiEcho = all.FirstOrDefault(s => s.MagnitudeEchoTimesMs.Count > 1);
        if (multiEcho is not null) return Of(multiEcho);
        if (all.Count == 1) return Of(all[0]);
        throw new InterchangeException($"the exam has {all.Count} series and none is multi-echo nor holds the ROI set's reference image: choose one with --series ({list}).", examFolder);
    }

    /// <summary>Every series of <paramref name="catalog"/> that can be a source (complete geometry, a frame of reference), for matching imported objects; the others are listed in <paramref name="skipped"/>.</summary>
    public static IReadOnlyList<SourceSeries> AllOf(ImageCatalog catalog, List<string> skipped)
    {
        Guard.NotNull(catalog);
        Guard.NotNull(skipped);
        var result = new List<SourceSeries>();
        foreach (var s in catalog.AllSeries)
        {
            try { result.Add(Of(s)); }
            catch (InterchangeException e) { skipped.Add($"series {s.SeriesNumber} not usable for matching: {e.Reason}"); }
        }
        return result;
    }

    /// <summary>The plane <paramref name="origin"/> belongs to (within half a slice thickness, and within half a pixel in-plane), or null.</summary>
    public SourcePlane? PlaneAt(Vector3Mm origin)
    {
        foreach (var p in Planes)
        {
            var (x, y, d) = p.Geometry.PatientToPixel(origin);
            double half = double.IsFinite(p.Geometry.SliceThicknessMm) ? Math.Max(p.Geometry.SliceThicknessMm / 2, 0.5) : 0.5;
            if (Math.Abs(d) <= half && Math.Abs(x) < 0.5 && Math.Abs(y) < 0.5) return p;
        }
        return null;
    }
}
