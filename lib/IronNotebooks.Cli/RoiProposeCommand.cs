using System.CommandLine;
using System.Globalization;
using IronNotebooks.Imaging;
using IronNotebooks.Plotting;
using IronNotebooks.Roi;
using IronNotebooks.RoiProposals;

namespace IronNotebooks.Cli;

/// <summary>`ironnb roi propose EXAM [--out rois.json] [--png overlay.png] [--json]`: thin client of <see cref="RoiProposer"/>.</summary>
public static class RoiProposeCommand
{
    /// <summary>JSON of one proposed ROI.</summary>
    public sealed record ProposedEntry(string Name, string Role, string Shape, double? CenterX, double? CenterY, double? Radius, int? Pixels, double Confidence, IReadOnlyList<string> Reasons);

    /// <summary>JSON of one ROI not found.</summary>
    public sealed record NotFoundEntry(string Name, string Role, string Reason);

    /// <summary>JSON of `roi propose`.</summary>
    public sealed record ProposalReport(string Source, int SliceIndex, double SliceLocationMm, bool LiverFound, double NoiseSigma, double? ParenchymaMedianR2StarPerSecond,
        int ValidLiverDiscPositions, IReadOnlyList<ProposedEntry> Rois, IReadOnlyList<NotFoundEntry> NotFound, string? Out, string? Png, IReadOnlyList<string> Warnings);

    /// <summary>Builds the verb.</summary>
    public static Command Build(TextWriter output)
    {
        var exam = new Argument<DirectoryInfo>("EXAM") { Description = "Exam folder: DICOM (a multi-echo GRE series, or the SIR sequences) or NIfTI with BIDS sidecars." };
        var outFile = new Option<FileInfo?>("--out") { Description = "Write the proposed ROI set (ironnotebooks/roi-set JSON) here, atomically; never inside EXAM." };
        var png = new Option<FileInfo?>("--png") { Description = "Write the first echo of the chosen slice with the proposed ROIs as a PNG (never inside EXAM)." };
        var json = new Option<bool>("--json") { Description = "Print JSON: slice, every ROI with confidence and reasons, and the ROIs not found with the reason." };
        var cmd = new Command("propose", "Propose liver (three 16 mm discs + parenchyma mask), paraspinal muscle and air ROIs automatically, each with a confidence and reasons.")
            { exam, outFile, png, json };
        cmd.SetAction(p => Run(p.GetValue(exam)!, p.GetValue(outFile), p.GetValue(png), p.GetValue(json), output));
        return cmd;
    }

    private static int Run(DirectoryInfo exam, FileInfo? outFile, FileInfo? png, bool json, TextWriter output)
    {
        if (!exam.Exists) throw new BadInputException($"Exam folder '{exam.FullName}' does not exist.");
        foreach (var f in new[] { outFile, png })
            if (f is not null && IsInside(f.FullName, exam.FullName))
                throw new BadInputException($"'{f.FullName}' is inside the exam folder '{exam.FullName}': outputs are never written into input folders.");
        MultiEchoSeries series;
        try { series = ProposalInput.Load(exam.FullName); }
        catch (ImagingException e) { throw new BadInputException(e.Message); }
        var proposal = RoiProposer.Propose(series);
        // A reference image inside the exam is stored relative to it, so the ROI file stays valid when the exam folder moves.
        if (proposal.RoiSet.ReferenceImage is { } reference && Path.IsPathRooted(reference) && IsInside(reference, exam.FullName))
            proposal = proposal with { RoiSet = proposal.RoiSet with { ReferenceImage = Path.GetRelativePath(exam.FullName, reference) } };
        if (outFile is not null) WriteAtomically(outFile.FullName, System.Text.Encoding.UTF8.GetBytes(proposal.RoiSet.ToJson()));
        if (png is not null)
            WriteAtomically(png.FullName, RoiOverlayImage.ToPng(series.Slices[proposal.SliceIndex].Echoes[0], proposal.Proposed.Select(r => r.Roi), scale: 2));
        var slice = series.Slices[proposal.SliceIndex];
        var report = new ProposalReport(series.Source, proposal.SliceIndex, slice.SliceLocationMm, proposal.LiverFound, proposal.NoiseSigma,
            proposal.ParenchymaMedianR2StarPerSecond, proposal.ValidLiverDiscCentres.Count,
            [.. proposal.Proposed.Select(Entry), .. proposal.RoiSet.Rois.OfType<MaskRoi>().Select(m => new ProposedEntry(m.Name, Role(m.Role), "mask", null, null, null, m.PixelIndices.Count, double.NaN, ["edge-eroded parenchyma without signal or R2* outliers"]))],
            [.. proposal.NotFound.Select(n => new NotFoundEntry(n.Name, Role(n.Role), n.Reason))], outFile?.FullName, png?.FullName, [.. proposal.Warnings, .. series.Warnings]);
        if (json)
        {
            output.WriteLine(CliJson.Serialize(report with { Rois = [.. report.Rois.Select(r => double.IsNaN(r.Confidence) ? r with { Confidence = 1 } : r)] }));
            return ExitCodes.Success;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{series.Source}: slice {proposal.SliceIndex} ({slice.SliceLocationMm:0.##} mm), noise σ {proposal.NoiseSigma:G3}, liver {(proposal.LiverFound ? "found" : "NOT FOUND")}"));
        foreach (var r in proposal.Proposed)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Roi.Name,-14} confidence {r.Confidence:0.00}  {string.Join("; ", r.Reasons)}"));
        foreach (var n in proposal.NotFound) output.WriteLine($"  {n.Name,-14} not found: {n.Reason}");
        if (outFile is not null) output.WriteLine($"ROI set → {outFile.FullName}");
        if (png is not null) output.WriteLine($"overlay → {png.FullName}");
        foreach (var w in report.Warnings) output.WriteLine($"warning: {w}");
        return ExitCodes.Success;
    }

    private static ProposedEntry Entry(ProposedRoi r) => r.Roi is CircleRoi c
        ? new ProposedEntry(c.Name, Role(c.Role), "circle", c.Center.X, c.Center.Y, c.Radius, null, r.Confidence, r.Reasons)
        : new ProposedEntry(r.Roi.Name, Role(r.Roi.Role), r.Roi.GetType().Name, null, null, null, null, r.Confidence, r.Reasons);

    private static string Role(RoiRole role) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(role.ToString());

    private static bool IsInside(string path, string folder)
    {
        string f = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(f, StringComparison.Ordinal);
    }

    /// <summary>Temp file in the target folder, then rename: a reader never sees a half-written file.</summary>
    private static void WriteAtomically(string path, byte[] bytes)
    {
        string dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(dir)) throw new BadInputException($"Output folder '{dir}' does not exist.");
        string temp = Path.Combine(dir, "." + Path.GetFileName(path) + "." + Environment.ProcessId + ".tmp");
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
