using System.Globalization;
using System.Text.RegularExpressions;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.Interchange;

/// <summary>How a set of ROIs becomes a Segmentation: who made the ROIs, and the series' name.</summary>
public sealed record SegmentationExportOptions
{
    /// <summary>Segment Algorithm Type for every segment; null to infer it (<see cref="SegmentationExport.InferAlgorithm"/>).</summary>
    public SegmentAlgorithmType? AlgorithmType { get; init; }

    /// <summary>Segment Algorithm Name, required for a non-manual type; null to infer it with the type.</summary>
    public string? AlgorithmName { get; init; }

    /// <summary>Series Description of the segmentation.</summary>
    public string SeriesDescription { get; init; } = "IronNotebooks ROIs";

    /// <summary>Series Number of the segmentation.</summary>
    public int SeriesNumber { get; init; } = 901;

    /// <summary>Defaults: inferred algorithm, series 901 "IronNotebooks ROIs".</summary>
    public static SegmentationExportOptions Default { get; } = new();
}

/// <summary>One ROI as exported: its segment and the planes where it has pixels.</summary>
/// <param name="Roi">ROI name (= Segment Label).</param>
/// <param name="SegmentNumber">Segment Number.</param>
/// <param name="PlaneIndices">Planes of the source series (0-based, along the normal) holding its frames.</param>
/// <param name="Pixels">Pixels over all its frames.</param>
public sealed record ExportedSegment(string Roi, int SegmentNumber, IReadOnlyList<int> PlaneIndices, int Pixels);

/// <summary>A Segmentation made from an ROI set, with what was done to place each ROI.</summary>
public sealed record SegmentationExportResult
{
    /// <summary>What the writer needs.</summary>
    public required SegmentationContent Content { get; init; }

    /// <summary>One row per ROI, in segment order.</summary>
    public required IReadOnlyList<ExportedSegment> Segments { get; init; }

    /// <summary>How ROIs were placed (reference plane used, plane 0 assumed, …).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}

/// <summary>
/// ROI set → DICOM Segmentation content (docs/methods.md §6.4): one segment per ROI (Segment Label = ROI name, codes
/// from <see cref="RoiRoleCodes"/>), frames only on the planes where the ROI has pixels, each pixel decided by
/// <see cref="RoiRasterizer"/> exactly as measurements decide it. Which plane an ROI belongs to: a mask read from a
/// Segmentation says so itself (<see cref="MaskRoi.PlaneOriginMm"/>); a patient-space shape lies on every plane within
/// half a slice thickness of all its points; a pixel-space shape or mask lies on the set's reference image (a file of
/// the series, or "… slice N" as `roi propose` writes it), else on plane 0 of the series (said in the notes).
/// </summary>
public static partial class SegmentationExport
{
    /// <summary>Algorithm name written for sets made by `roi propose` (their description starts with "Proposed by IronNotebooks RoiProposer").</summary>
    public const string ProposerAlgorithmName = "IronNotebooks RoiProposer";

    /// <summary>
    /// The algorithm type a set was made with: AUTOMATIC with the proposer named when its description says
    /// `roi propose` made it, MANUAL otherwise (drawn in the ROI editor or by hand).
    /// </summary>
    public static (SegmentAlgorithmType Type, string? Name) InferAlgorithm(RoiSet set) =>
        Guard.NotNull(set).Description.StartsWith("Proposed by " + ProposerAlgorithmName, StringComparison.Ordinal)
            ? (SegmentAlgorithmType.Automatic, ProposerAlgorithmName)
            : (SegmentAlgorithmType.Manual, null);

    /// <summary>Builds the Segmentation content of <paramref name="set"/> on <paramref name="source"/>.</summary>
    /// <param name="set">The ROIs.</param>
    /// <param name="source">The series they were placed on.</param>
    /// <param name="examFolder">Folder a relative reference image is resolved against.</param>
    /// <param name="options">Algorithm and series naming.</param>
    /// <exception cref="InterchangeException">The set has no ROI, was placed on another frame of reference, or an ROI lies on no plane of the series.</exception>
    /// <exception cref="RoiException">An ROI cannot be rasterised on its plane (outside the image, empty).</exception>
    public static SegmentationExportResult FromRoiSet(RoiSet set, SourceSeries source, string examFolder, SegmentationExportOptions? options = null)
    {
        Guard.NotNull(set);
        Guard.NotNull(source);
        options ??= SegmentationExportOptions.Default;
        if (set.Rois.Count == 0) throw new InterchangeException("the ROI set has no ROI to export.");
        if (set.FrameOfReferenceUid is { Length: > 0 } fr && fr != source.FrameOfReferenceUid)
            throw new InterchangeException($"the ROI set was placed on Frame of Reference {fr}, but series {source.Series.SeriesNumber} is on {source.FrameOfReferenceUid}: it belongs to another exam or position.");
        var (inferredType, inferredName) = InferAlgorithm(set);
        var algorithmType = options.AlgorithmType ?? inferredType;
        var algorithmName = options.AlgorithmName ?? (options.AlgorithmType is null ? inferredName : null);
        if (algorithmType != SegmentAlgorithmType.Manual && string.IsNullOrWhiteSpace(algorithmName))
            throw new InterchangeException($"a {algorithmType} segmentation needs the algorithm's name (--algorithm-name).");

        var notes = new List<string>();
        var reference = ReferencePlane(set, source, examFolder, notes);
        var segments = new List<SegmentationSegment>();
        var frames = new List<SegmentationFrame>();
        var exported = new List<ExportedSegment>();
        foreach (var roi in set.Rois)
        {
            if (roi.Name.Length > 64) throw new InterchangeException("the ROI name is longer than the 64 characters a Segment Label holds; rename it.", roi: roi.Name);
            int number = segments.Count + 1;
            var codes = RoiRoleCodes.For(roi.Role);
            segments.Add(new SegmentationSegment
            {
                Number = number, Label = roi.Name, Category = codes.Category, Type = codes.Type, TypeModifier = codes.TypeModifier,
                AlgorithmType = algorithmType, AlgorithmName = algorithmType == SegmentAlgorithmType.Manual ? null : algorithmName,
            });
            var planes = PlanesOf(roi, source, reference, notes);
            int pixels = 0;
            foreach (var plane in planes)
            {
                var mask = RoiRasterizer.Rasterize(roi, plane.Geometry);
                pixels += mask.PixelIndices.Count;
                var o = plane.Geometry.OriginMm;
                frames.Add(new SegmentationFrame { SegmentNumber = number, PixelIndices = mask.PixelIndices, ImagePositionPatientMm = [o.X, o.Y, o.Z], SourceImages = plane.SourceImages });
            }
            exported.Add(new ExportedSegment(roi.Name, number, [.. planes.Select(p => p.Index)], pixels));
        }
        var g = source.Planes[0].Geometry;
        return new SegmentationExportResult
        {
            Content = new SegmentationContent
            {
                Geometry = g.ToDerivedImageGeometry(), Segments = segments, Frames = frames, Source = source.FirstDataset, SourceSeriesInstanceUid = source.Series.SeriesInstanceUid,
                SeriesDescription = options.SeriesDescription, SeriesNumber = options.SeriesNumber,
                ContentLabel = "ROIS", ContentDescription = Clip(set.Description),
            },
            Segments = exported,
            Notes = notes,
        };
    }

    /// <summary>The plane the set's pixel ROIs were drawn on: its reference image when that is a file of the series, or "… slice N".</summary>
    internal static SourcePlane? ReferencePlane(RoiSet set, SourceSeries source, string examFolder, List<string> notes)
    {
        if (set.ReferenceImage is not { Length: > 0 } reference) return null;
        string full = Path.GetFullPath(Path.IsPathRooted(reference) ? reference : Path.Combine(examFolder, reference));
        if (source.Planes.FirstOrDefault(p => p.Files.Any(f => string.Equals(Path.GetFullPath(f), full, StringComparison.Ordinal))) is { } byFile)
            return byFile;
        if (SliceSuffix().Match(reference) is { Success: true } m && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            if (index >= source.Planes.Count)
                throw new InterchangeException($"the ROI set's reference image '{reference}' names slice {index}, but the series has {source.Planes.Count} plane(s).");
            notes.Add($"pixel ROIs placed on plane {index} named by the set's reference image '{reference}'");
            return source.Planes[index];
        }
        notes.Add($"reference image '{reference}' of the ROI set is not a file of series {source.Series.SeriesNumber}: pixel ROIs are placed on plane 0");
        return null;
    }

    private static IReadOnlyList<SourcePlane> PlanesOf(RoiShape roi, SourceSeries source, SourcePlane? reference, List<string> notes)
    {
        if (roi is MaskRoi { PlaneOriginMm: { } origin })
            return [source.PlaneAt(new Vector3Mm(origin.X, origin.Y, origin.Z))
                ?? throw new InterchangeException(string.Create(CultureInfo.InvariantCulture,
                    $"the mask belongs to the plane at ({origin.X:0.###}, {origin.Y:0.###}, {origin.Z:0.###}) mm, which is not a plane of series {source.Series.SeriesNumber}."), roi: roi.Name)];
        if (roi.Space == RoiSpace.Pixel)
        {
            if (reference is not null) return [reference];
            if (source.Planes.Count > 1) notes.Add($"ROI '{roi.Name}' is in pixel space without a reference image: placed on plane 0 of {source.Planes.Count}");
            return [source.Planes[0]];
        }
        var points = PatientPoints(roi);
        var planes = source.Planes.Where(p =>
        {
            double half = double.IsFinite(p.Geometry.SliceThicknessMm) ? Math.Max(p.Geometry.SliceThicknessMm / 2, 0.5) : 0.5;
            return points.All(v => Math.Abs(p.Geometry.PatientToPixel(v).DistanceMm) <= half);
        }).ToList();
        if (planes.Count == 0)
            throw new InterchangeException(string.Create(CultureInfo.InvariantCulture,
                $"the ROI lies on no plane of series {source.Series.SeriesNumber} (its points are {points.Min(v => Nearest(source, v)):0.##} mm or more from the nearest plane)."), roi: roi.Name);
        return planes;
    }

    private static double Nearest(SourceSeries source, Vector3Mm v) => source.Planes.Min(p => Math.Abs(p.Geometry.PatientToPixel(v).DistanceMm));

    /// <summary>The points that define a patient-space shape (centre, corners, vertices).</summary>
    private static IReadOnlyList<Vector3Mm> PatientPoints(RoiShape roi)
    {
        static Vector3Mm V(RoiPoint p) => new(p.X, p.Y, p.Z);
        return roi switch
        {
            CircleRoi c => [V(c.Center)],
            EllipseRoi e => [V(e.Center)],
            RectangleRoi r => [V(r.Corner0), V(r.Corner1)],
            PolygonRoi p => [.. p.Vertices.Select(V)],
            _ => throw new ArgumentException($"ROI shape {roi.GetType().Name} has no patient-space points.", nameof(roi)),
        };
    }

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64];

    [GeneratedRegex(@"\bslice (\d+)$")]
    private static partial Regex SliceSuffix();
}
