using System.Globalization;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.Inspection;

namespace IronNotebooks.Imaging;

/// <summary>
/// A folder of DICOM files (searched recursively) as studies → series → acquisitions. Series are grouped by Series
/// Instance UID; inside a series, frames are grouped by echo time (to 0.001 ms), image component (magnitude, phase,
/// real, imaginary: <see cref="ImageComponentClassifier"/>) and matrix size, so one echo per series, several echoes in
/// one series, enhanced multi-frame objects and classic files all land in the same shape. Instance numbers are
/// never used for ordering (vendors reuse them across echoes); slices are ordered by position along the plane normal.
/// </summary>
/// <param name="Root">The folder.</param>
/// <param name="Studies">Studies, ordered by UID.</param>
/// <param name="Failures">DICOM files that could not be read (the scan went on).</param>
/// <param name="Skipped">Files that are not DICOM.</param>
public sealed record ImageCatalog(string Root, IReadOnlyList<CatalogStudy> Studies,
    IReadOnlyList<DicomFolderScan.FileProblem> Failures, IReadOnlyList<DicomFolderScan.FileProblem> Skipped)
{
    /// <summary>Every series of every study.</summary>
    public IEnumerable<CatalogSeries> AllSeries => Studies.SelectMany(s => s.Series);

    /// <summary>Scans a folder and groups what it finds.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static ImageCatalog Scan(string folder) => FromScan(DicomFolderScan.Scan(folder));

    /// <summary>Groups an existing scan.</summary>
    public static ImageCatalog FromScan(DicomFolderScan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var studies = scan.Objects
            .GroupBy(o => o.Header.GetStringOrDefault(DicomTags.StudyInstanceUID, "(no Study Instance UID)")!)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First().Header;
                return new CatalogStudy(g.Key, first.GetStringOrDefault(DicomTags.StudyDate), first.GetStringOrDefault(DicomTags.StudyDescription),
                    first.GetStringOrDefault(DicomTags.PatientID), [.. BuildSeries(g).Select(s => WithUnreadable(s, scan.Failures))]);
            })
            .ToList();
        return new ImageCatalog(scan.Root, studies, scan.Failures, scan.Skipped);
    }

    /// <summary>An unreadable file cannot say which series it belonged to: it is charged to every series with files in its folder.</summary>
    private static CatalogSeries WithUnreadable(CatalogSeries series, IReadOnlyList<DicomFolderScan.FileProblem> failures)
    {
        if (failures.Count == 0) return series;
        var folders = series.Acquisitions.SelectMany(a => a.FrameReferences).Select(f => Path.GetDirectoryName(f.Path)).ToHashSet(StringComparer.Ordinal);
        var mine = failures.Where(f => folders.Contains(Path.GetDirectoryName(f.Path))).ToList();
        return mine.Count == 0 ? series : series with { UnreadableFiles = mine };
    }

    private static List<CatalogSeries> BuildSeries(IEnumerable<DicomFolderScan.ScannedObject> objects) => objects
        .GroupBy(o => o.Header.GetStringOrDefault(DicomTags.SeriesInstanceUID, "(no Series Instance UID)")!)
        .Select(g => BuildOneSeries(g.Key, [.. g]))
        .OrderBy(s => s.SeriesNumber ?? int.MaxValue).ThenBy(s => s.SeriesInstanceUid, StringComparer.Ordinal)
        .ToList();

    private static CatalogSeries BuildOneSeries(string uid, IReadOnlyList<DicomFolderScan.ScannedObject> objects)
    {
        var first = objects[0].Header;
        var warnings = new List<string>();
        var frames = objects.SelectMany(o => o.Frames.Select(f => new FrameReference(o.Path, f.FrameIndex, f,
            ImageComponentClassifier.Classify(o.Header, f), o.Header.TryGetInt(DicomTags.InstanceNumber, out var n) ? n : null))).ToList();

        int reused = objects.Where(o => o.Header.Contains(DicomTags.InstanceNumber))
            .GroupBy(o => o.Header.GetStringOrDefault(DicomTags.InstanceNumber)).Count(x => x.Count() > 1);
        if (reused > 0) warnings.Add($"{reused} instance number(s) used by more than one file; frames are ordered by echo and position instead");
        if (frames.Any(f => f.Component == ImageComponent.Unknown))
            warnings.Add($"{frames.Count(f => f.Component == ImageComponent.Unknown)} frame(s) of unknown image component (not magnitude/phase/real/imaginary by any known rule)");
        if (frames.Any(f => f.Info.ImageType.Contains("MOSAIC")))
            warnings.Add("Siemens mosaic images: slices are tiled inside each image and are not unpacked here");

        var sizes = objects.ToDictionary(o => o.Path, o => (Rows: o.Header.GetIntOrDefault(DicomTags.Rows, 0), Columns: o.Header.GetIntOrDefault(DicomTags.Columns, 0)));
        var acquisitions = frames
            .GroupBy(f => (Te: f.Info.EchoTimeMs is { } te ? Math.Round(te, 3) : (double?)null, f.Component, sizes[f.Path].Rows, sizes[f.Path].Columns))
            .OrderBy(a => a.Key.Te ?? double.MaxValue).ThenBy(a => a.Key.Component)
            .Select(a =>
            {
                var ordered = a.OrderBy(f => SliceKey(f) ?? double.MaxValue).ThenBy(f => f.Path, StringComparer.Ordinal).ThenBy(f => f.FrameIndex).ToList();
                int slices = ordered.Select(f => SliceKey(f)?.ToString(CultureInfo.InvariantCulture) ?? $"{f.Path}#{f.FrameIndex}").Distinct().Count();
                if (slices < ordered.Count && ordered.All(f => SliceKey(f) is not null))
                    warnings.Add($"TE {a.Key.Te} ms {a.Key.Component}: {ordered.Count} frames on {slices} slice positions (repeated or duplicated frames)");
                return new CatalogAcquisition(a.Key.Te, a.Key.Component, string.Join('\\', ordered[0].Info.ImageType),
                    ordered.Select(f => f.Path).Distinct().Count(), ordered.Count, slices, a.Key.Rows, a.Key.Columns, ordered);
            })
            .ToList();
        if (acquisitions.Select(a => (a.Rows, a.Columns)).Distinct().Count() > 1) warnings.Add("more than one image size in one series");

        var magnitudeFiles = frames.Where(f => f.Component == ImageComponent.Magnitude).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var echoNumbers = objects.Where(o => o.Frames.Count == 1 && magnitudeFiles.Contains(o.Path)
                && o.Header.TryGetInt(DicomTags.EchoNumbers, out _))
            .Select(o => o.Header.GetInt(DicomTags.EchoNumbers)).Distinct().Order().ToList();
        return new CatalogSeries(uid, first.TryGetInt(DicomTags.SeriesNumber, out var number) ? number : null,
            first.GetStringOrDefault(DicomTags.SeriesDescription), first.GetStringOrDefault(DicomTags.Modality),
            first.GetStringOrDefault(DicomTags.Manufacturer), frames[0].Info.RepetitionTimeMs, frames[0].Info.FlipAngleDeg,
            first.TryGetDouble(DicomTags.MagneticFieldStrength, out var field) ? field : null,
            objects.Count, frames.Count, acquisitions, warnings) { MagnitudeEchoNumbers = echoNumbers };
    }

    /// <summary>Slice position along the plane normal (mm, to 0.01), or null without geometry.</summary>
    internal static double? SliceKey(FrameReference f) =>
        f.Info.ImagePositionPatientMm is { Count: 3 } p && f.Info.ImageOrientationPatient is { Count: 6 } o
            ? Math.Round(Vector3Mm.From(p).Dot(Vector3Mm.From(o).Cross(Vector3Mm.From(o, 3)).Normalized()), 2)
            : null;

}
