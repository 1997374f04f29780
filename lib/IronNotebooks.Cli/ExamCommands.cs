using System.CommandLine;
using IronNotebooks.Exams;

namespace IronNotebooks.Cli;

/// <summary>The `ironnb exam measure` verb: a thin client of <see cref="ExamMeasurement"/>.</summary>
public static class ExamCommands
{
    /// <summary>Builds `exam`.</summary>
    public static Command Build(TextWriter output)
    {
        var exam = new Command("exam", "One exam folder: every applicable method as rows.");
        var dir = new Argument<DirectoryInfo>("EXAM") { Description = "The exam folder (DICOM files, searched recursively; rois.json used when present)." };
        var rois = new Option<FileInfo?>("--rois") { Description = "ROI set JSON (schema ironnotebooks/roi-set) instead of the folder's rois.json." };
        var methods = new Option<string?>("--methods") { Description = "Comma-separated methods: r2star, r2, sir, fatwater (default all; fatwater runs on chemical-shift series)." };
        var models = new Option<string?>("--models") { Description = "Comma-separated R2* decay models (default rician,secondmoment with an air ROI, else arlo)." };
        var calibrations = new Option<string?>("--calibrations") { Description = "Comma-separated R2* calibrations (default every one valid at the exam's field)." };
        var json = new Option<bool>("--json") { Description = "Print JSON: exam, folder, rows[] (exam, method, model, calibration, fieldStrengthT, status, licUmolPerGram, licMgPerGram, ratePerSecond, fatFractionPercent, licLowerBoundUmolPerGram, methodSwitch, warnings, error, series, files, echoTimesMs, durationMs), acquisitions, warnings." };
        var measure = new Command("measure", "Measure every applicable method on one exam (R2* × models × calibrations, R2, SIR); failures are rows, never skipped.")
            { dir, rois, methods, models, calibrations, json };
        measure.SetAction(p => Measure(p.GetValue(dir)!, p.GetValue(rois), p.GetValue(methods), p.GetValue(models), p.GetValue(calibrations), p.GetValue(json), output));
        exam.Subcommands.Add(measure);
        return exam;
    }

    /// <summary>Options from the comma-separated --methods / --models / --calibrations values (shared with `cohort run`).</summary>
    internal static ExamMeasurementOptions Options(string? methods, string? models, string? calibrations)
    {
        static IReadOnlyList<string>? List(string? v) => v is null ? null : [.. v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        var options = ExamMeasurementOptions.Default;
        if (List(methods) is { } m)
        {
            var bad = m.Where(x => x is not ("r2star" or "r2" or "sir" or "fatwater")).ToList();
            if (bad.Count > 0) throw new BadInputException($"--methods: unknown {string.Join(", ", bad)}; known: r2star, r2, sir, fatwater.");
            options = options with { Methods = m };
        }
        if (List(models) is { } d)
        {
            foreach (var x in d)
                if (!Relaxometry.DecayModels.All.Any(k => k.Name == x))
                    throw new BadInputException($"--models: unknown '{x}'; known: {string.Join(", ", Relaxometry.DecayModels.All.Select(k => k.Name))}.");
            options = options with { R2StarModels = d };
        }
        if (List(calibrations) is { } c)
        {
            foreach (var x in c)
                if (!Calibration.RelaxometryCalibrations.All.Any(k => k.Name == x && k.Quantity == Calibration.RelaxationQuantity.R2Star))
                    throw new BadInputException($"--calibrations: unknown R2* calibration '{x}'; known: {string.Join(", ", Calibration.RelaxometryCalibrations.All.Where(k => k.Quantity == Calibration.RelaxationQuantity.R2Star).Select(k => k.Name))}.");
            options = options with { R2StarCalibrations = c };
        }
        return options;
    }

    private static int Measure(DirectoryInfo dir, FileInfo? rois, string? methods, string? models, string? calibrations, bool json, TextWriter output)
    {
        var options = Options(methods, models, calibrations);
        if (rois is not null && !rois.Exists) throw new BadInputException($"--rois: file '{rois.FullName}' does not exist.");
        var result = ExamMeasurement.Measure(dir.FullName, rois?.FullName, options);
        if (json)
        {
            output.WriteLine(CliJson.Serialize(result));
            return ExitCodes.Success;
        }
        output.WriteLine($"exam {result.Exam} ({result.Folder}): {string.Join("; ", result.Acquisitions)}");
        foreach (var w in result.Warnings) output.WriteLine($"warning: {w}");
        foreach (var r in result.Rows)
        {
            string value = r.LicUmolPerGram is double u ? FormattableString.Invariant($"{u:0.0} µmol/g ({r.LicMgPerGram:0.00} mg/g)")
                : r.LicLowerBoundUmolPerGram is double lb ? FormattableString.Invariant($"> {lb:0} µmol/g") : "–";
            string rate = (r.RatePerSecond is double s ? FormattableString.Invariant($", rate {s:0.0} s⁻¹") : "")
                + (r.FatFractionPercent is double ff ? FormattableString.Invariant($", PDFF {ff:0.0} %") : "");
            if (r.LicCiLowUmolPerGram is double lo) value += r.LicCiHighUmolPerGram is double hi
                ? FormattableString.Invariant($", 95 % CI {lo:0.0}–{hi:0.0}") : FormattableString.Invariant($", 95 % CI ≥ {lo:0.0} (open above)");
            output.WriteLine($"{r.Key,-44} {ExamMeasurementCsv.StatusName(r.Status),-22} {value}{rate}");
            if (r.MethodSwitch is not null) output.WriteLine($"    method switch: {r.MethodSwitch}");
            if (r.Error is not null) output.WriteLine($"    error: {r.Error}");
        }
        return ExitCodes.Success;
    }
}
