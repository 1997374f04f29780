using System.Globalization;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.Inspection;
using IronNotebooks.Imaging;

namespace IronNotebooks.RoiEditor;

/// <summary>
/// Which acquisitions an exam folder holds and of what kind: the one place the editor decides that. It reads
/// NIfTI folders (one series per file-name prefix, BIDS sidecars; kind multiEcho or singleEcho) and DICOM folders (every
/// series with magnitude images and echo times, via <see cref="ImageCatalog"/>, named with the kind the library's exam
/// model <see cref="Exams.Exam.Open"/> gives it).
/// </summary>
public sealed class EditorExam
{
    private EditorExam(string folder, IReadOnlyList<EditorAcquisition> acquisitions, IReadOnlyList<string> problems)
    {
        Folder = folder;
        Acquisitions = acquisitions;
        Problems = problems;
    }

    /// <summary>The exam folder (full path).</summary>
    public string Folder { get; }

    /// <summary>The acquisitions found, multi-echo first.</summary>
    public IReadOnlyList<EditorAcquisition> Acquisitions { get; }

    /// <summary>Why files or series could not be used (unreadable files, nothing readable at all); shown in the page and on the console.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The exam's DICOM frame of reference when all its series share one; null for NIfTI or mixed frames.</summary>
    public string? FrameOfReferenceUid =>
        Acquisitions.Select(a => a.FrameOfReferenceUid).Distinct().ToList() is [string only] ? only : null;

    /// <summary>Catalogues <paramref name="folder"/>. Never throws for bad content: what cannot be read is listed in <see cref="Problems"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static EditorExam Open(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full)) throw new DirectoryNotFoundException($"Exam folder '{folder}' does not exist.");
        var problems = new List<string>();
        var acquisitions = new List<EditorAcquisition>();
        bool nifti = Directory.EnumerateFiles(full).Any(p => p.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase));
        if (nifti) AddNifti(full, acquisitions, problems);
        else AddDicom(full, acquisitions, problems);
        if (acquisitions.Count == 0)
            problems.Insert(0, "Nothing readable in this exam folder: no DICOM series with magnitude images and echo times, and no NIfTI files with BIDS sidecars.");
        var ordered = acquisitions.OrderByDescending(a => a.EchoCount > 1).ToList();
        var renumbered = ordered.Select((a, i) => new EditorAcquisition($"a{i}", a.Label, a.Kind, a.EchoCount, () => a.Series, a.FrameOfReferenceUid)).ToList();
        return new EditorExam(full, renumbered, problems);
    }

    /// <summary>The acquisition with a given id.</summary>
    /// <exception cref="KeyNotFoundException">No such id.</exception>
    public EditorAcquisition Get(string id) => Acquisitions.FirstOrDefault(a => a.Id == id)
        ?? throw new KeyNotFoundException($"No acquisition '{id}'.");

    private static void AddNifti(string folder, List<EditorAcquisition> acquisitions, List<string> problems)
    {
        List<(string Key, List<string> Files)> groups;
        try { groups = NiftiGroups(folder); }
        catch (Exception e) when (e is ImagingException or IOException) { problems.Add(e.Message); return; }
        foreach (var (key, files) in groups)
        {
            try
            {
                var series = MultiEchoSeries.FromNiftiFolder(folder, groups.Count == 1 ? null : key);
                var kind = series.EchoTimesMs.Count > 1 ? "multiEcho" : "singleEcho";
                acquisitions.Add(new EditorAcquisition("", $"{series.Description} ({series.EchoTimesMs.Count} echoes, NIfTI)", kind, series.EchoTimesMs.Count, () => series, null));
            }
            catch (Exception e) when (e is ImagingException or IOException or FormatException)
            {
                problems.Add($"NIfTI series '{key}' ({files.Count} files) could not be read: {e.Message}");
            }
        }
    }

    // The NIfTI grouping of the library (one series per file-name prefix) is internal; the prefix is what
    // MultiEchoSeries.FromNiftiFolder selects by, so group the same way here: strip the _eN echo suffix.
    private static List<(string Key, List<string> Files)> NiftiGroups(string folder) =>
        [.. Directory.EnumerateFiles(folder)
            .Where(p => p.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase))
            .GroupBy(p => System.Text.RegularExpressions.Regex.Replace(Path.GetFileName(p), @"(_e\d+)?\.nii(\.gz)?$", "", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.ToList()))];

    private static void AddDicom(string folder, List<EditorAcquisition> acquisitions, List<string> problems)
    {
        DicomFolderScan scan;
        try { scan = DicomFolderScan.Scan(folder); }
        catch (Exception e) when (e is ImagingException or DicomException or IOException) { problems.Add(e.Message); return; }
        var catalog = ImageCatalog.FromScan(scan);
        foreach (var u in catalog.Failures.Take(20)) problems.Add($"Unreadable DICOM file {Path.GetRelativePath(folder, u.Path)}: {u.Reason}");
        if (catalog.Failures.Count > 20) problems.Add($"… and {catalog.Failures.Count - 20} more unreadable DICOM files.");
        if (catalog.Skipped.Count > 0 && !catalog.AllSeries.Any())
            problems.Add($"{catalog.Skipped.Count} file(s) are not DICOM (e.g. {Path.GetRelativePath(folder, catalog.Skipped[0].Path)}: {catalog.Skipped[0].Reason}).");
        var frames = scan.Objects
            .GroupBy(o => o.Header.GetStringOrDefault(DicomTags.SeriesInstanceUID, "") ?? "")
            .ToDictionary(g => g.Key, g => g.Select(o => o.Header.GetStringOrDefault(DicomTags.FrameOfReferenceUID)?.Trim()).FirstOrDefault(f => !string.IsNullOrEmpty(f)));
        // Kinds (multi-echo GRE, multi-echo SE, SIR sequence with the protocol steps it fills, in/opposed phase) come from
        // the library's exam model, so the picker names acquisitions as `dicom tree` and `exam measure` do.
        var kinds = new Dictionary<string, Exams.ExamAcquisition>(StringComparer.Ordinal);
        try
        {
            foreach (var a in Exams.Exam.Open(folder, loadRois: false).Acquisitions) kinds[a.Series.SeriesInstanceUid] = a;
        }
        catch (IronNotebooksException e) { problems.Add($"Acquisition kinds could not be identified: {e.Message}"); }
        foreach (var s in catalog.AllSeries.Where(s => s.MagnitudeEchoTimesMs.Count > 0).OrderBy(s => s.SeriesNumber ?? int.MaxValue))
        {
            int echoes = s.MagnitudeEchoTimesMs.Count;
            string te = echoes > 1
                ? $"{echoes} echoes {Number(s.MagnitudeEchoTimesMs[0])}–{Number(s.MagnitudeEchoTimesMs[^1])} ms"
                : $"TE {Number(s.MagnitudeEchoTimesMs[0])} ms";
            string tr = s.RepetitionTimeMs is double t ? $", TR {Number(t)} ms" : "";
            string flip = s.FlipAngleDeg is double f ? $", {Number(f)}°" : "";
            var known = kinds.GetValueOrDefault(s.SeriesInstanceUid);
            string steps = known is { SignalRatioSteps.Count: > 0 } ? $", {string.Join(" ", known.SignalRatioSteps)}" : "";
            var label = $"#{s.SeriesNumber?.ToString(CultureInfo.InvariantCulture) ?? "?"} {s.SeriesDescription ?? "(no description)"} ({te}{tr}{flip}{steps})";
            string kind = known is null ? (echoes > 1 ? "multiEcho" : "singleEcho")
                : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(known.Kind.ToString());
            var captured = s;
            acquisitions.Add(new EditorAcquisition("", label, kind, echoes,
                () => MultiEchoSeries.FromCatalog(captured), frames.GetValueOrDefault(s.SeriesInstanceUid)));
        }
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
