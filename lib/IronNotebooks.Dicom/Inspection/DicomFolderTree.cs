using System.Collections.Concurrent;
using System.Globalization;
using IronNotebooks.Dicom.Imaging;
using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Dicom.Inspection;

/// <summary>
/// The DICOM objects of a folder (searched recursively), grouped study → series → acquisition. An acquisition here is
/// the set of frames in a series that share echo time and image type (magnitude, phase, …). Files that are not DICOM
/// are listed as skipped; DICOM files that cannot be read are listed as failures with the reason, and the scan goes on.
/// </summary>
/// <param name="Root">The folder scanned.</param>
/// <param name="Studies">Studies by Study Instance UID.</param>
/// <param name="Failures">Files that looked like DICOM but could not be read.</param>
/// <param name="Skipped">Files that are not DICOM (no preamble and no readable dataset).</param>
public sealed record DicomFolderTree(string Root, IReadOnlyList<DicomFolderTree.Study> Studies,
    IReadOnlyList<DicomFolderTree.FileProblem> Failures, IReadOnlyList<DicomFolderTree.FileProblem> Skipped)
{
    /// <summary>A study.</summary>
    public sealed record Study(string StudyInstanceUid, string? StudyDate, string? StudyDescription, IReadOnlyList<Series> Series);

    /// <summary>A series and its acquisitions, with warnings about its consistency.</summary>
    public sealed record Series(string SeriesInstanceUid, int? SeriesNumber, string? SeriesDescription, string? Modality,
        string? Manufacturer, int Files, int Frames, IReadOnlyList<Acquisition> Acquisitions, IReadOnlyList<string> Warnings);

    /// <summary>Frames of a series that share echo time and image type.</summary>
    /// <param name="EchoTimeMs">Echo time in ms, or null when the frames have none.</param>
    /// <param name="ImageType">Image type / frame type values joined with backslash.</param>
    /// <param name="Files">Files that contribute frames.</param>
    /// <param name="Frames">Frames.</param>
    /// <param name="SliceCount">Distinct image positions (to 0.01 mm); frames without a position count as one slice each.</param>
    /// <param name="Rows">Rows (of the first frame).</param>
    /// <param name="Columns">Columns (of the first frame).</param>
    public sealed record Acquisition(double? EchoTimeMs, string ImageType, int Files, int Frames, int SliceCount, int Rows, int Columns);

    /// <summary>A file that could not be used, and why.</summary>
    public sealed record FileProblem(string Path, string Reason);

    private sealed record Scanned(string Path, DicomDataset Dataset, IReadOnlyList<DicomFrameInfo> Frames);

    /// <summary>Scans <paramref name="folder"/> recursively.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static DicomFolderTree Scan(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Folder '{folder}' does not exist.");
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var scanned = new ConcurrentBag<Scanned>();
        var failures = new ConcurrentBag<FileProblem>();
        var skipped = new ConcurrentBag<FileProblem>();
        var headersOnly = DicomReadOptions.Default with { ReadPixelData = false };
        Parallel.ForEach(files, path =>
        {
            try
            {
                var file = DicomFile.Open(path, headersOnly);
                if (!file.HasPreamble && file.FileMetaInformation.Count == 0 && !file.Dataset.Contains(DicomTags.SOPClassUID))
                {
                    skipped.Add(new FileProblem(path, "not DICOM (no preamble, no meta information, no SOP Class UID)"));
                    return;
                }
                // Pixels are not read here, so bound Number of Frames by the file size (a frame takes at least one
                // byte, a fragment eight) rather than trust a corrupt header with a huge allocation.
                int frames = file.Dataset.GetIntOrDefault(DicomTags.NumberOfFrames, 1);
                if (frames < 1 || frames > new FileInfo(path).Length)
                {
                    failures.Add(new FileProblem(path, $"Number of Frames {frames} is impossible for a file of {new FileInfo(path).Length} bytes"));
                    return;
                }
                scanned.Add(new Scanned(path, file.Dataset, DicomFrameInfoReader.Read(file.Dataset, frames)));
            }
            catch (DicomException e)
            {
                if (LooksLikeDicom(path)) failures.Add(new FileProblem(path, e.Message));
                else skipped.Add(new FileProblem(path, "not DICOM"));
            }
            catch (IOException e)
            {
                failures.Add(new FileProblem(path, e.Message));
            }
        });

        var studies = scanned
            .GroupBy(s => s.Dataset.GetStringOrDefault(DicomTags.StudyInstanceUID, "(no Study Instance UID)")!)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Study(g.Key, g.First().Dataset.GetStringOrDefault(DicomTags.StudyDate),
                g.First().Dataset.GetStringOrDefault(DicomTags.StudyDescription), BuildSeries(g)))
            .ToList();
        return new DicomFolderTree(folder, studies,
            [.. failures.OrderBy(f => f.Path, StringComparer.Ordinal)], [.. skipped.OrderBy(f => f.Path, StringComparer.Ordinal)]);
    }

    private static List<Series> BuildSeries(IEnumerable<Scanned> studyFiles) => studyFiles
        .GroupBy(s => s.Dataset.GetStringOrDefault(DicomTags.SeriesInstanceUID, "(no Series Instance UID)")!)
        .Select(g =>
        {
            var first = g.First().Dataset;
            var warnings = new List<string>();
            var duplicateInstances = g.Select(s => s.Dataset.GetStringOrDefault(DicomTags.InstanceNumber))
                .Where(n => n is not null).GroupBy(n => n).Count(x => x.Count() > 1);
            if (duplicateInstances > 0)
                warnings.Add($"{duplicateInstances} instance number(s) used by more than one file; order by echo and position, not instance number");
            var sizes = g.Select(s => (s.Dataset.GetIntOrDefault(DicomTags.Rows, 0), s.Dataset.GetIntOrDefault(DicomTags.Columns, 0))).Distinct().Count();
            if (sizes > 1) warnings.Add($"{sizes} different image sizes in one series");

            var frames = g.SelectMany(s => s.Frames.Select(f => (File: s, Frame: f))).ToList();
            var acquisitions = frames
                .GroupBy(x => (Te: x.Frame.EchoTimeMs is { } te ? Math.Round(te, 3) : (double?)null, Type: string.Join('\\', x.Frame.ImageType)))
                .OrderBy(a => a.Key.Te ?? double.MaxValue).ThenBy(a => a.Key.Type, StringComparer.Ordinal)
                .Select(a => new Acquisition(a.Key.Te, a.Key.Type, a.Select(x => x.File.Path).Distinct().Count(), a.Count(),
                    a.Select(x => x.Frame.ImagePositionPatientMm is { Count: 3 } p
                        ? string.Join(',', p.Select(v => Math.Round(v, 2).ToString(CultureInfo.InvariantCulture)))
                        : $"{x.File.Path}#{x.Frame.FrameIndex}").Distinct().Count(),
                    a.First().File.Dataset.GetIntOrDefault(DicomTags.Rows, 0), a.First().File.Dataset.GetIntOrDefault(DicomTags.Columns, 0)))
                .ToList();
            return new Series(g.Key, first.TryGetInt(DicomTags.SeriesNumber, out var n) ? n : null,
                first.GetStringOrDefault(DicomTags.SeriesDescription), first.GetStringOrDefault(DicomTags.Modality),
                first.GetStringOrDefault(DicomTags.Manufacturer), g.Count(), frames.Count, acquisitions, warnings);
        })
        .OrderBy(s => s.SeriesNumber ?? int.MaxValue).ThenBy(s => s.SeriesInstanceUid, StringComparer.Ordinal)
        .ToList();

    private static bool LooksLikeDicom(string path)
    {
        // Judged on the bytes, not the name: a preamble, gzip, or a first element of group 0002/0008 in either byte order.
        Span<byte> head = stackalloc byte[132];
        using var s = File.OpenRead(path);
        int n = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (n >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') return true;
        if (n >= 2 && head[0] == 0x1F && head[1] == 0x8B) return path.EndsWith(".dcm.gz", StringComparison.OrdinalIgnoreCase);
        return n >= 4 && ((head[0] is 0x02 or 0x08 && head[1] == 0) || (head[0] == 0 && head[1] is 0x02 or 0x08));
    }
}
