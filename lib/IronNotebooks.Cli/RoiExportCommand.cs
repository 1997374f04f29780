using System.CommandLine;
using System.Globalization;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Imaging;
using IronNotebooks.Interchange;
using IronNotebooks.Roi;

namespace IronNotebooks.Cli;

/// <summary>
/// `ironnb roi export EXAM --rois FILE --out DIR [--series N] [--algorithm-type …] [--algorithm-name …] [--json]`:
/// writes the ROI set as DICOM objects into DIR, one per exporter of <see cref="Exporters"/> (today the Segmentation
/// DIR/rois-seg.dcm). Exporters run in order and see what earlier ones wrote, so a report can reference the SEG.
/// </summary>
public static class RoiExportCommand
{
    /// <summary>What an exporter is given: the set, the series it lies on, the output folder and the objects already written.</summary>
    public sealed record Context(RoiSet Set, string RoisPath, SourceSeries Source, string ExamFolder, string OutFolder,
        SegmentationExportOptions Options, IReadOnlyList<Written> Earlier)
    {
        /// <summary>Decay model of the report's R2* map (--model), or null for the default.</summary>
        public string? Model { get; init; }

        /// <summary>R2* calibration of the report's LIC (--calibration), or null for the registry's first at the series' field.</summary>
        public string? Calibration { get; init; }
    }

    /// <summary>One object written: its kind, file, SOP UIDs and dataset (for later exporters to reference), and a JSON summary.</summary>
    public sealed record Written(string Kind, string Path, string SopClassUid, string SopInstanceUid, [property: System.Text.Json.Serialization.JsonIgnore] DicomDataset Dataset,
        IReadOnlyList<SegmentEntry> Segments, int Frames, IReadOnlyList<string> Notes);

    /// <summary>JSON of one exported ROI: its segment, role, the planes (0-based along the normal) holding its frames, and its pixels.</summary>
    public sealed record SegmentEntry(string Roi, int SegmentNumber, string Role, IReadOnlyList<int> Planes, int Pixels);

    /// <summary>An exporter: a name, the file it writes in DIR, and how.</summary>
    public sealed record Exporter(string Kind, string FileName, Func<Context, string, Written?> Export);

    /// <summary>The exporters `roi export` runs, in order (a Structured Report exporter goes after the SEG it references).</summary>
    public static List<Exporter> Exporters { get; } = [new("seg", "rois-seg.dcm", ExportSegmentation), new("sr", "rois-sr.dcm", ExportMeasurementReport)];

    /// <summary>JSON of `roi export`.</summary>
    public sealed record ExportReport(string Exam, string Rois, string SeriesInstanceUid, int? SeriesNumber, string FrameOfReferenceUid, string Out,
        IReadOnlyList<Written> Outputs);

    /// <summary>Builds the verb.</summary>
    public static Command Build(TextWriter output)
    {
        var exam = new Argument<DirectoryInfo>("EXAM") { Description = "Exam folder of DICOM files the ROIs were placed on." };
        var rois = new Option<FileInfo>("--rois") { Description = "ROI set (ironnotebooks/roi-set JSON).", Required = true };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Folder to write rois-seg.dcm into (created if missing; never inside EXAM). Files are written atomically.", Required = true };
        var series = new Option<int?>("--series") { Description = "Series number of the images the ROIs lie on (default: the series of the set's reference image, else the multi-echo series)." };
        var algorithmType = new Option<string?>("--algorithm-type") { Description = "Segment Algorithm Type: manual | semiautomatic | automatic (default: automatic for `roi propose` output, else manual)." };
        var algorithmName = new Option<string?>("--algorithm-name") { Description = "Segment Algorithm Name (required with semiautomatic or automatic)." };
        var json = new Option<bool>("--json") { Description = "Print JSON: the series used and, per file written, its UIDs and every ROI's segment, planes and pixels." };
        var model = new Option<string?>("--model") { Description = "Decay model of the R2* map the report's ROI statistics come from (default: arlo for ≥ 3 echoes, loglinear for 2)." };
        var calibration = new Option<string?>("--calibration") { Description = "R2* calibration of the report's LIC (default: the registry's first R2* calibration at the series' field)." };
        var cmd = new Command("export", "Write an ROI set as a DICOM Segmentation (one binary segment per ROI, coded by role) and a TID 1500 Structured Report of each ROI's R2* and LIC, referencing the exam's images and the SEG.")
            { exam, rois, outDir, series, algorithmType, algorithmName, model, calibration, json };
        cmd.SetAction(p => Run(p.GetValue(exam)!, p.GetValue(rois)!, p.GetValue(outDir)!, p.GetValue(series), p.GetValue(algorithmType), p.GetValue(algorithmName), p.GetValue(json), output,
            p.GetValue(model), p.GetValue(calibration)));
        return cmd;
    }

    private static int Run(DirectoryInfo exam, FileInfo roisFile, DirectoryInfo outDir, int? seriesNumber, string? algorithmType, string? algorithmName, bool json, TextWriter output,
        string? model = null, string? calibration = null)
    {
        if (!exam.Exists) throw new BadInputException($"Exam folder '{exam.FullName}' does not exist.");
        if (!roisFile.Exists) throw new BadInputException($"--rois: file '{roisFile.FullName}' does not exist.", "--rois");
        AtomicOutput.RefuseInsideInputs(outDir.FullName, [exam.FullName], "--out");
        RoiSet set;
        try { set = RoiSet.Load(roisFile.FullName); }
        catch (FormatException e) { throw new BadInputException($"--rois '{roisFile.FullName}': {e.Message}", "--rois"); }
        SegmentAlgorithmType? type = algorithmType?.Trim().ToLowerInvariant() switch
        {
            null => null,
            "manual" => SegmentAlgorithmType.Manual,
            "semiautomatic" => SegmentAlgorithmType.Semiautomatic,
            "automatic" => SegmentAlgorithmType.Automatic,
            _ => throw new BadInputException($"--algorithm-type '{algorithmType}' is not manual, semiautomatic or automatic.", "--algorithm-type"),
        };
        var options = SegmentationExportOptions.Default with { AlgorithmType = type, AlgorithmName = algorithmName };
        var source = SourceSeries.Choose(ImageCatalog.Scan(exam.FullName), set, exam.FullName, seriesNumber);
        Directory.CreateDirectory(outDir.FullName);
        var written = new List<Written>();
        foreach (var exporter in Exporters)
            if (exporter.Export(new Context(set, roisFile.FullName, source, exam.FullName, outDir.FullName, options, written) { Model = model, Calibration = calibration },
                Path.Combine(outDir.FullName, exporter.FileName)) is { } w)   // null: the exporter does not apply (said on stderr)
                written.Add(w);
        var report = new ExportReport(exam.FullName, roisFile.FullName, source.Series.SeriesInstanceUid, source.Series.SeriesNumber, source.FrameOfReferenceUid, outDir.FullName, written);
        if (json)
        {
            output.WriteLine(CliJson.Serialize(report));
            return ExitCodes.Success;
        }
        output.WriteLine($"{set.Rois.Count} ROI(s) of {roisFile.Name} on series {source.Series.SeriesNumber} '{source.Series.SeriesDescription}' ({source.Planes.Count} planes):");
        foreach (var w in written)
        {
            output.WriteLine($"  {w.Kind} → {w.Path} ({w.Frames} frame(s), SOP Instance UID {w.SopInstanceUid})");
            foreach (var s in w.Segments)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    segment {s.SegmentNumber} '{s.Roi}' ({s.Role}): {s.Pixels} pixels on plane(s) {string.Join(", ", s.Planes)}"));
            foreach (var n in w.Notes) output.WriteLine($"  note: {n}");
        }
        return ExitCodes.Success;
    }

    private static Written ExportSegmentation(Context c, string path)
    {
        var result = SegmentationExport.FromRoiSet(c.Set, c.Source, c.ExamFolder, c.Options);
        var ds = SegmentationWriter.Create(result.Content);
        AtomicOutput.WriteFile(path, stream => DicomWriter.Write(stream, ds), "--out");
        return new Written("seg", path, SegmentationWriter.SopClassUid, ds.GetString(DicomTags.SOPInstanceUID), ds,
            [.. result.Segments.Select(s => new SegmentEntry(s.Roi, s.SegmentNumber, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(c.Set[s.Roi].Role.ToString()), s.PlaneIndices, s.Pixels))],
            result.Content.Frames.Count, result.Notes);
    }

    /// <summary>The TID 1500 report of the set's R2* and LIC per ROI, referencing the SEG written before it (masks by segment frame).</summary>
    private static Written? ExportMeasurementReport(Context c, string path)
    {
        var measured = MeasurementReportExport.MeasurableSeries(c.Source, ImageCatalog.Scan(c.ExamFolder), out var why);
        if (measured is null)
        {
            Console.Error.WriteLine($"note: {Path.GetFileName(path)} not written: {why}");
            return null;
        }
        var seg = c.Earlier.FirstOrDefault(w => w.Kind == "seg") is { } written ? SegmentationReader.Read(written.Path) : null;
        var result = MeasurementReportExport.Build(c.Set, c.Source, measured, c.ExamFolder, c.Model, c.Calibration, seg);
        var ds = MeasurementReportWriter.Create(result.Content);
        AtomicOutput.WriteFile(path, stream => DicomWriter.Write(stream, ds), "--out");
        var notes = result.Notes.Concat(result.Content.Entries.Select(e =>
            FormattableString.Invariant($"{e.Roi.Name}: R2* {e.Values.R2StarMeanPerSecond:0.##} ± {e.Values.R2StarSdPerSecond:0.##} s⁻¹ ({result.Model}, {e.Values.PixelCount} px)")
            + (e.Values.LicMgPerGram is { } lic ? FormattableString.Invariant($", LIC {lic:0.##} mg/g ({e.Values.Calibration})")
                : result.Calibration is null ? "" : $", no LIC: outside the validity range of {result.Calibration}")));
        return new Written("sr", path, Dicom.StructuredReporting.SrDocumentWriter.EnhancedSrSopClassUid, ds.GetString(DicomTags.SOPInstanceUID), ds, [], 0, [.. notes]);
    }
}
