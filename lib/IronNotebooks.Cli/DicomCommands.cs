using System.CommandLine;
using System.Globalization;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.Inspection;
using IronNotebooks.Imaging;

namespace IronNotebooks.Cli;

/// <summary>The `ironnb dicom` verbs: thin wrappers over <see cref="DicomFileSummary"/> and <see cref="ImageCatalog"/>.</summary>
public static class DicomCommands
{
    /// <summary>Builds `dicom info` and `dicom tree`.</summary>
    public static Command Build(TextWriter output)
    {
        var dicom = new Command("dicom", "Inspect DICOM files and folders.");

        var fileArg = new Argument<FileInfo>("FILE") { Description = "A DICOM file (.dcm, .dcm.gz, or a bare dataset)." };
        var json = new Option<bool>("--json") { Description = "Print JSON (camelCase keys, numbers as numbers)." };
        var info = new Command("info", "Header facts and pixel statistics (stored and rescaled, over all frames) of one file.") { fileArg, json };
        info.SetAction(parse => Info(parse.GetValue(fileArg)!, parse.GetValue(json), output));
        dicom.Subcommands.Add(info);

        var dirArg = new Argument<DirectoryInfo>("DIR") { Description = "A folder, searched recursively." };
        var treeJson = new Option<bool>("--json") { Description = "Print JSON." };
        var tree = new Command("tree", "Studies → series → acquisitions (echo time, image type, slices) of a folder, with warnings and unreadable files.") { dirArg, treeJson };
        tree.SetAction(parse => Tree(parse.GetValue(dirArg)!, parse.GetValue(treeJson), output));
        dicom.Subcommands.Add(tree);
        dicom.Subcommands.Add(DicomDeidCommand.Build(output));
        return dicom;
    }

    private static int Info(FileInfo file, bool json, TextWriter output)
    {
        if (Directory.Exists(file.FullName)) throw new BadInputException($"'{file.FullName}' is a folder; `dicom info` reads one file (use `ironnb dicom tree` for a folder).", "FILE");
        if (!file.Exists) throw new FileNotFoundException($"File '{file.FullName}' does not exist.");
        // A FIFO or device reports 0 bytes and would block the read: refuse it with the empty files.
        if (file.Length == 0) throw new BadInputException($"Not a DICOM file: '{file.FullName}' is empty (0 bytes) or not a regular file.", "FILE");
        var summary = DicomFileSummary.From(DicomFile.Open(file.FullName));
        var report = DicomInfoReport.From(summary);
        if (json) output.WriteLine(CliJson.Serialize(report));
        else WriteInfoText(report, output);
        return summary.PixelError is null ? ExitCodes.Success : ExitCodes.BadInput;
    }

    private static int Tree(DirectoryInfo dir, bool json, TextWriter output)
    {
        if (!dir.Exists) throw new DirectoryNotFoundException($"Folder '{dir.FullName}' does not exist.");
        var exam = IronNotebooks.Exams.Exam.Open(dir.FullName, loadRois: false);
        var catalog = exam.Catalog;
        var kinds = exam.Acquisitions.ToDictionary(a => a.Series.SeriesInstanceUid);
        if (json)
        {
            output.WriteLine(CliJson.Serialize(new TreeReport(catalog.Root, catalog.Studies, catalog.Failures, catalog.Skipped,
                [.. exam.Acquisitions.Select(a => new SeriesKindReport(a.Series.SeriesInstanceUid, a.Series.SeriesNumber, a.Kind, a.Evidence, a.Ambiguities,
                    a.SignalRatioSteps, a.MissingEchoNumbers, [.. a.UnreadableFiles.Select(f => f.Path)]))])));
            return ExitCodes.Success;
        }
        foreach (var study in catalog.Studies)
        {
            output.WriteLine($"study {study.StudyInstanceUid} {study.StudyDate} {study.StudyDescription}");
            foreach (var s in study.Series)
            {
                output.WriteLine($"  series {s.SeriesNumber} {s.SeriesDescription} [{s.Modality} {s.Manufacturer}, TR {F(s.RepetitionTimeMs)} ms, flip {F(s.FlipAngleDeg)}°, {F(s.FieldStrengthT)} T] {s.Files} file(s), {s.Frames} frame(s), kind {Kind(kinds[s.SeriesInstanceUid].Kind)}");
                foreach (var x in kinds[s.SeriesInstanceUid].Ambiguities) output.WriteLine($"    ambiguous: {x}");
                foreach (var a in s.Acquisitions)
                    output.WriteLine($"    TE {F(a.EchoTimeMs)} ms  {a.Component,-9}  {a.SliceCount} slice(s), {a.Frames} frame(s), {a.Rows}×{a.Columns}  [{a.ImageType}]");
                foreach (var w in s.Warnings) output.WriteLine($"    warning: {w}");
            }
        }
        foreach (var f in catalog.Failures) output.WriteLine($"unreadable: {f.Path}: {f.Reason}");
        if (catalog.Skipped.Count > 0) output.WriteLine($"{catalog.Skipped.Count} non-DICOM file(s) skipped");
        return ExitCodes.Success;
    }

    /// <summary>JSON of `dicom tree`: the catalog (root, studies, failures, skipped) plus each series' kind and the evidence for it.</summary>
    public sealed record TreeReport(string Root, IReadOnlyList<CatalogStudy> Studies, IReadOnlyList<DicomFolderScan.FileProblem> Failures,
        IReadOnlyList<DicomFolderScan.FileProblem> Skipped, IReadOnlyList<SeriesKindReport> Kinds);

    /// <summary>One series' acquisition kind in `dicom tree --json`.</summary>
    public sealed record SeriesKindReport(string SeriesInstanceUid, int? SeriesNumber, IronNotebooks.Exams.ExamAcquisitionKind Kind, IReadOnlyList<string> Evidence,
        IReadOnlyList<string> Ambiguities, IReadOnlyList<string> SignalRatioSteps, IReadOnlyList<int> MissingEchoNumbers, IReadOnlyList<string> UnreadableFiles);

    private static string Kind(IronNotebooks.Exams.ExamAcquisitionKind k) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(k.ToString());

    private static void WriteInfoText(DicomInfoReport r, TextWriter o)
    {
        o.WriteLine($"file                {r.FilePath}");
        o.WriteLine($"transfer syntax     {r.TransferSyntaxUid} ({r.TransferSyntaxName})");
        o.WriteLine($"modality            {r.Modality}   manufacturer {r.Manufacturer}");
        o.WriteLine($"series              {r.SeriesInstanceUid}");
        o.WriteLine($"image               {r.Rows}×{r.Columns}, {r.Frames} frame(s), {r.BitsAllocated} bits allocated, {r.BitsStored} stored, representation {r.PixelRepresentation}, {r.PhotometricInterpretation}");
        o.WriteLine($"echo times (ms)     {string.Join(", ", r.EchoTimesMs.Distinct().Select(F))}");
        o.WriteLine($"TR / flip / field   {F(r.RepetitionTimeMs)} ms / {F(r.FlipAngleDeg)}° / {F(r.FieldStrengthT)} T");
        o.WriteLine($"stored values       min {F(r.StoredMin)}  max {F(r.StoredMax)}  mean {F(r.StoredMean)}");
        o.WriteLine($"after rescale       min {F(r.PixelMin)}  max {F(r.PixelMax)}  mean {F(r.PixelMean)}");
        if (r.PixelError is not null) o.WriteLine($"pixel data          {r.PixelError}");
        foreach (var d in r.Diagnostics) o.WriteLine($"note                {d}");
    }

    private static string F(double? v) => v is { } x ? x.ToString("G6", CultureInfo.InvariantCulture) : "–";
}
