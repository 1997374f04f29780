using System.CommandLine;
using System.Globalization;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Imaging;
using IronNotebooks.Interchange;
using IronNotebooks.Roi;

namespace IronNotebooks.Cli;

/// <summary>
/// `ironnb roi import FILE.dcm [--exam EXAM] --out rois.json [--json]`: reads a DICOM object holding ROIs into an ROI
/// set, through the importer of <see cref="Importers"/> registered for its SOP Class UID (today the Segmentation).
/// </summary>
public static class RoiImportCommand
{
    /// <summary>What an importer gets: the file, the exam's series (null without --exam) and the exam folder.</summary>
    public sealed record Context(string Path, DicomFile File, IReadOnlyList<SourceSeries>? Exam, string? ExamFolder);

    /// <summary>What an importer returns: the set and how its geometry was matched.</summary>
    public sealed record Imported(RoiSet Set, string Matching, string? SeriesInstanceUid, IReadOnlyList<string> Notes);

    /// <summary>An importer: the SOP Class UIDs it reads, a short kind, and how.</summary>
    public sealed record Importer(IReadOnlyList<string> SopClassUids, string Kind, Func<Context, Imported> Import);

    /// <summary>The importers `roi import` chooses from by SOP Class UID.</summary>
    public static List<Importer> Importers { get; } =
    [
        new([SegmentationWriter.SopClassUid], "seg", c =>
        {
            var r = SegmentationImport.ToRoiSet(SegmentationReader.Read(c.File, c.Path), c.Exam, c.ExamFolder);
            return new Imported(r.Set, r.Matching, r.SeriesInstanceUid, r.Notes);
        }),
        new([Dicom.StructuredReporting.SrDocumentWriter.EnhancedSrSopClassUid, Dicom.StructuredReporting.SrDocumentWriter.ComprehensiveSrSopClassUid,
            Dicom.StructuredReporting.SrDocumentWriter.Comprehensive3DSrSopClassUid], "sr", ImportMeasurementReport),
    ];

    /// <summary>A TID 1500 report: ROIs from its image regions placed on the exam's images (--exam), masks from a SEG it
    /// references found beside the SR; each ROI's measurements in the notes.</summary>
    private static Imported ImportMeasurementReport(Context c)
    {
        var segs = new List<SegmentationObject>();
        foreach (var f in Directory.EnumerateFiles(Path.GetDirectoryName(Path.GetFullPath(c.Path))!, "*.dcm"))
        {
            if (string.Equals(Path.GetFullPath(f), Path.GetFullPath(c.Path), StringComparison.Ordinal)) continue;
            var header = DicomFile.Open(f, new DicomReadOptions { ReadPixelData = false }).Dataset;
            if (header.GetStringOrDefault(DicomTags.SOPClassUID) == SegmentationWriter.SopClassUid) segs.Add(SegmentationReader.Read(f));
        }
        var r = MeasurementReportReader.Read(c.File.Dataset, new MeasurementReportReadOptions
        {
            ResolveImage = c.Exam is null ? null : MeasurementReportReadOptions.ImagesOf(c.Exam),
            ResolveSegment = MeasurementReportReadOptions.SegmentsOf(segs),
        });
        var series = r.Entries.Select(e => e.Image.SeriesInstanceUid).Where(s => s.Length > 0).Distinct().ToList();
        var notes = r.Notes.Concat(r.Entries.Select(e => $"{e.Roi.Name}: " + string.Join(", ", e.Measurements.Select(m =>
            FormattableString.Invariant($"{m.Concept.Meaning}{(m.Derivation is { } d ? $" ({d.Meaning})" : "")} {m.Value:0.###} {m.Units.Value}")))));
        return new Imported(r.Rois, c.Exam is null ? "none (no --exam)" : "SOP Instance UID", series.Count == 1 ? series[0] : null, [.. notes]);
    }

    /// <summary>JSON of one imported ROI: its shape (circle, ellipse, polygon, rectangle or mask); grid and pixel count for masks
    /// only (a shape is rasterised on the image it is measured on).</summary>
    public sealed record RoiEntry(string Name, string Role, string Shape, int? Rows, int? Columns, int? Pixels, IReadOnlyList<double>? PlaneOriginMm);

    /// <summary>JSON of `roi import`.</summary>
    public sealed record ImportReport(string Input, string Kind, string SopClassUid, string Out, string Matching, string? SeriesInstanceUid, string? FrameOfReferenceUid,
        IReadOnlyList<RoiEntry> Rois, IReadOnlyList<string> Notes);

    /// <summary>Builds the verb.</summary>
    public static Command Build(TextWriter output)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A DICOM Segmentation or TID 1500 Structured Report (from IronNotebooks or another tool); an SR's SEG is looked for beside it." };
        var exam = new Option<DirectoryInfo?>("--exam") { Description = "Exam folder the ROIs belong to: frames are matched to its images (by SOP Instance UID, else position) and a file of another exam is refused." };
        var outFile = new Option<FileInfo>("--out") { Description = "ROI set to write (ironnotebooks/roi-set JSON), atomically; never inside EXAM.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print JSON: how frames were matched, and every ROI with its role, pixels and plane." };
        var cmd = new Command("import", "Read the ROIs of a DICOM Segmentation (one mask per segment per plane, roles from the segment codes) or of a TID 1500 Structured Report (image regions, or its SEG's segments; roles from the finding codes) into an ROI set.") { file, exam, outFile, json };
        cmd.SetAction(p => Run(p.GetValue(file)!, p.GetValue(exam), p.GetValue(outFile)!, p.GetValue(json), output));
        return cmd;
    }

    private static int Run(FileInfo file, DirectoryInfo? exam, FileInfo outFile, bool json, TextWriter output)
    {
        if (!file.Exists) throw new BadInputException($"File '{file.FullName}' does not exist.");
        if (exam is not null)
        {
            if (!exam.Exists) throw new BadInputException($"--exam: folder '{exam.FullName}' does not exist.", "--exam");
            AtomicOutput.RefuseInsideInputs(outFile.FullName, [exam.FullName], "--out");
        }
        AtomicOutput.RefuseInsideInputs(outFile.FullName, [file.FullName], "--out");
        var dicom = DicomFile.Open(file.FullName);
        string sopClass = dicom.Dataset.GetStringOrDefault(DicomTags.SOPClassUID) ?? "";
        var importer = Importers.FirstOrDefault(i => i.SopClassUids.Contains(sopClass))
            ?? throw new BadInputException($"'{file.FullName}' has SOP Class UID '{sopClass}': roi import reads {string.Join(", ", Importers.Select(i => $"{i.Kind} ({string.Join(", ", i.SopClassUids)})"))}.");
        var notes = new List<string>();
        var series = exam is null ? null : SourceSeries.AllOf(ImageCatalog.Scan(exam.FullName), notes);
        var imported = importer.Import(new Context(file.FullName, dicom, series, exam?.FullName));
        notes.InsertRange(0, imported.Notes);
        AtomicOutput.WriteFile(outFile.FullName, s => s.Write(System.Text.Encoding.UTF8.GetBytes(imported.Set.ToJson())), "--out");
        var report = new ImportReport(file.FullName, importer.Kind, sopClass, outFile.FullName, imported.Matching, imported.SeriesInstanceUid, imported.Set.FrameOfReferenceUid,
            [.. imported.Set.Rois.Select(r => r is MaskRoi m
                ? new RoiEntry(m.Name, Role(m.Role), ShapeName(m), m.Rows, m.Columns, m.PixelIndices.Count, m.PlaneOriginMm is { } o ? [o.X, o.Y, o.Z] : null)
                : new RoiEntry(r.Name, Role(r.Role), ShapeName(r), null, null, null, null))],
            notes);
        if (json)
        {
            output.WriteLine(CliJson.Serialize(report));
            return ExitCodes.Success;
        }
        output.WriteLine($"{report.Rois.Count} ROI(s) from {importer.Kind} '{file.Name}'{(imported.SeriesInstanceUid is null ? " (no exam: planes as the file gives them)" : $", matched to series {imported.SeriesInstanceUid} by {imported.Matching}")} → {outFile.FullName}");
        foreach (var r in report.Rois)
            output.WriteLine(r.Pixels is int n
                ? string.Create(CultureInfo.InvariantCulture, $"  {r.Name} ({r.Role}): mask, {n} pixels of {r.Columns}×{r.Rows}")
                : $"  {r.Name} ({r.Role}): {r.Shape}");
        foreach (var n in notes) output.WriteLine($"note: {n}");
        return ExitCodes.Success;
    }

    private static string Role(RoiRole role) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(role.ToString());

    private static string ShapeName(RoiShape roi) => roi.GetType().Name is var n && n.EndsWith("Roi", StringComparison.Ordinal) ? n[..^3].ToLowerInvariant() : roi.GetType().Name;
}
