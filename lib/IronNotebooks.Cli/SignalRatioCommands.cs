using System.CommandLine;
using System.Globalization;
using IronNotebooks.Dicom;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using IronNotebooks.SignalRatio;

namespace IronNotebooks.Cli;

/// <summary>The `ironnb lic sir` and `ironnb lic sir-phantom` verbs (signal-intensity-ratio methods).</summary>
public static class SignalRatioCommands
{
    /// <summary>One published decision in JSON.</summary>
    public sealed record DecisionReport(string Rule, string Outcome, string Meaning, string Citation, string AppliedTo);

    /// <summary>One ratio in JSON.</summary>
    public sealed record RatioReport(string Sequence, double Ratio, double? LiverMean, double? MuscleMean, int LiverRois, int MuscleRois, string Source);

    /// <summary>One protocol finding in JSON.</summary>
    public sealed record FindingReport(SirFindingSeverity Severity, string? Sequence, string Parameter, string Message);

    /// <summary>JSON shape of `lic sir`.</summary>
    public sealed record SirReport(double? LicUmolPerGram, double? LicMgPerGram, string Method, SirMethodStatus Status, string StatusNote, string Protocol,
        double FieldStrengthT, string Formula, string Citation, bool AboveRange, double? LicLowerBoundUmolPerGram, double? LicLowerBoundMgPerGram,
        double? LiverR2StarPerSecond, string? R2StarCalibration, string? Grade, IReadOnlyList<DecisionReport> Decisions, IReadOnlyList<RatioReport> Ratios,
        string? PhantomCalibration, IReadOnlyList<FindingReport> ProtocolFindings, IReadOnlyList<string> Warnings)
    {
        /// <summary>When the estimate is not from the protocol asked for (or identified), what and why; null when no switch happened.</summary>
        public string? MethodSwitch { get; init; }
    }

    /// <summary>Builds `sir` and `sir-phantom` (added under `lic` by <see cref="RelaxometryCommands"/>).</summary>
    public static IEnumerable<Command> Build(TextWriter output) => [BuildSir(output), BuildPhantom(output)];

    private static string ProtocolNames => string.Join(" | ", SirProtocols.All.Select(p => p.Name));

    private static Command BuildSir(TextWriter output)
    {
        var dir = new Argument<DirectoryInfo?>("DIR") { Description = "A DICOM folder holding the protocol's single-echo series (use with --rois); omit when giving --ratio or --liver/--muscle.", Arity = ArgumentArity.ZeroOrOne };
        var protocol = new Option<string?>("--protocol")
        {
            Description = $"SIR protocol: {ProtocolNames}. The two-sequence model is alustiza2004 (sequences IW and T2). With DIR it may be omitted: the protocol the exam satisfies is used.",
        };
        var ratio = new Option<string[]>("--ratio") { Description = "L/M of one sequence, SEQ=VALUE (repeat per sequence), e.g. --ratio IW=0.95 --ratio T2=0.47; under rennes-1.5T, Lille=V adds the add-on sequence.", AllowMultipleArgumentsPerToken = false };
        var liver = new Option<string[]>("--liver") { Description = "Raw liver ROI means of one sequence, SEQ=M1,M2,M3 (three per the Rennes layout); pairs with --muscle." };
        var muscle = new Option<string[]>("--muscle") { Description = "Raw paraspinal muscle ROI means of one sequence, SEQ=M1,M2 (left and right)." };
        var rois = new Option<FileInfo?>("--rois") { Description = "ROI set JSON (schema ironnotebooks/roi-set, roles liver / muscleLeftParaspinal / muscleRightParaspinal), measured on every sequence of DIR." };
        var slice = new Option<int>("--slice") { Description = "Zero-based slice index in the first sequence; the other sequences use the slice at the same position (default 0).", DefaultValueFactory = _ => 0 };
        var calibrationFile = new Option<FileInfo?>("--calibration-file") { Description = "Per-scanner phantom correction (from `ironnb lic sir-phantom`), applied to the ratios first." };
        var constants = new Option<FileInfo?>("--constants") { Description = "Model constants file (schema ironnotebooks/sir-model-constants), e.g. the official worksheet's, replacing the reconstruction." };
        var r2Cal = new Option<string?>("--r2star-calibration") { Description = "R2* calibration of the reconstruction (default wood2005 up to 1.5 T, hernando-3t at 3 T)." };
        var muscleR2 = new Option<double?>("--muscle-r2star") { Description = "Muscle R2* assumed by the reconstruction, s⁻¹ (default 30)." };
        var floor = new Option<double?>("--noise-floor") { Description = "L/M below which a sequence is treated as noise and dropped (default 0.05)." };
        var json = new Option<bool>("--json") { Description = "Print JSON: licUmolPerGram, licMgPerGram, method, status (published | reconstruction | userConstants), decisions, ratios, warnings." };
        var cmd = new Command("sir", "LIC from liver/muscle signal-intensity ratios (Rennes, two-sequence model, Lille add-on), with published decisions and provenance.")
            { dir, protocol, ratio, liver, muscle, rois, slice, calibrationFile, constants, r2Cal, muscleR2, floor, json };
        cmd.SetAction(p => Sir(p.GetValue(dir), p.GetValue(protocol), p.GetValue(ratio) ?? [], p.GetValue(liver) ?? [], p.GetValue(muscle) ?? [], p.GetValue(rois),
            p.GetValue(slice), p.GetValue(calibrationFile), p.GetValue(constants), p.GetValue(r2Cal), p.GetValue(muscleR2), p.GetValue(floor), p.GetValue(json), output));
        return cmd;
    }

    private static int Sir(DirectoryInfo? dir, string? protocolName, string[] ratioArgs, string[] liverArgs, string[] muscleArgs, FileInfo? roisFile, int sliceIndex,
        FileInfo? calibrationFile, FileInfo? constantsFile, string? r2Cal, double? muscleR2, double? floor, bool json, TextWriter output)
    {
        var recon = SirReconstructionOptions.Default;
        if (muscleR2 is double m) recon = recon with { MuscleR2StarPerSecond = m };
        if (floor is double f)
        {
            if (!(f > 0 && f < 1)) throw new BadInputException($"--noise-floor {f} must be between 0 and 1 (an L/M value).");
            recon = recon with { MinimumUsableRatio = f };
        }
        if (r2Cal is not null) recon = recon with { R2StarCalibration = r2Cal };
        var options = new SirLicOptions(recon,
            constantsFile is null ? null : Wrap(() => SirModelConstants.Load(Existing(constantsFile, "--constants"))),
            calibrationFile is null ? null : Wrap(() => PhantomCalibration.Load(Existing(calibrationFile, "--calibration-file"))));

        List<LiverMuscleRatio> ratios;
        IReadOnlyList<SirFinding> findings = [];
        string? methodSwitch = null;
        SirProtocol protocol;
        if (dir is not null)
        {
            if (ratioArgs.Length > 0 || liverArgs.Length > 0 || muscleArgs.Length > 0) throw new BadInputException("Give DIR with --rois, or --ratio / --liver + --muscle, not both.");
            if (roisFile is null) throw new BadInputException("DIR needs --rois FILE (an ROI set with liver and paraspinal muscle ROIs).");
            if (!dir.Exists) throw new DirectoryNotFoundException($"Folder '{dir.FullName}' does not exist.");
            var exam = IronNotebooks.Exams.Exam.Open(dir.FullName, Existing(roisFile, "--rois"));
            var measured = Wrap(() => IronNotebooks.Exams.SirExamRatios.Measure(exam, protocolName, sliceIndex));
            (protocol, ratios, findings, methodSwitch) = (measured.Protocol, [.. measured.Ratios], measured.Findings, measured.MethodSwitch);
            options = options with { FieldStrengthT = measured.FieldStrengthT };
        }
        else
        {
            if (roisFile is not null) throw new BadInputException("--rois needs a DICOM folder DIR.");
            if (protocolName is null) throw new BadInputException($"--protocol is required without DIR: {ProtocolNames}.");
            protocol = Wrap(() => SirProtocols.Get(protocolName));
            ratios = Wrap(() => FromArguments(ratioArgs, liverArgs, muscleArgs));
            if (ratios.Count == 0) throw new BadInputException($"Give --ratio SEQ=VALUE for each sequence of {protocol.Name} ({string.Join(", ", protocol.SequenceLabels)}), or --liver/--muscle ROI means.");
        }
        var e = Wrap(() => SirLic.Estimate(protocol.Name, ratios, options));
        // A switch made while choosing the protocol and one made by the published rule are both stated, never silent.
        string? switched = string.Join(" ", new[] { methodSwitch, e.MethodSwitch }.Where(x => x is not null));
        if (switched.Length > 0) e = e with { MethodSwitch = switched, Warnings = methodSwitch is null ? e.Warnings : ["method switch: " + methodSwitch, .. e.Warnings] };
        var report = ToReport(e, findings);
        if (json)
        {
            output.WriteLine(CliJson.Serialize(report));
            return ExitCodes.Success;
        }
        output.WriteLine($"{e.Method} [{Status(e.Status)}], protocol {e.Protocol}");
        if (e.MethodSwitch is not null) output.WriteLine($"method switch: {e.MethodSwitch}");
        output.WriteLine(string.Join("  ", e.Ratios.Select(r => r.ToString())));
        output.WriteLine(e.Lic is { } lic ? $"LIC = {lic} ({report.Grade})"
            : e.AboveRange ? $"LIC above the measurable range{(e.LicLowerBound is { } lb ? string.Create(CultureInfo.InvariantCulture, $" (> {lb.UmolPerGram:0} µmol/g)") : "")}"
            : "No LIC.");
        output.WriteLine($"formula: {e.Formula}");
        foreach (var d in e.Decisions) output.WriteLine($"decision: {d}");
        foreach (var finding in findings) output.WriteLine(finding.ToString());
        foreach (var w in e.Warnings) output.WriteLine($"warning: {w}");
        return ExitCodes.Success;
    }

    private static string Status(SirMethodStatus s) => s switch
    {
        SirMethodStatus.Published => "published",
        SirMethodStatus.Reconstruction => "RECONSTRUCTION, not the official method",
        _ => "user constants",
    };

    private static SirReport ToReport(SirEstimate e, IReadOnlyList<SirFinding> findings) =>
        new(e.Lic?.UmolPerGram, e.Lic?.MgPerGram, e.Method, e.Status, e.StatusNote, e.Protocol, e.FieldStrengthT, e.Formula, e.Citation, e.AboveRange,
            e.LicLowerBound?.UmolPerGram, e.LicLowerBound?.MgPerGram, e.LiverR2StarPerSecond, e.R2StarConversion?.Calibration,
            e.Lic is { } l ? IronNotebooks.Calibration.LicClasses.Guideline.Classify(l.MgPerGram).Label : null,
            [.. e.Decisions.Select(d => new DecisionReport(d.Rule, d.Outcome, d.Meaning, d.Citation, d.AppliedTo))],
            [.. e.Ratios.Select(r => new RatioReport(r.Sequence, r.Ratio, r.LiverMean, r.MuscleMean, r.LiverRoiCount, r.MuscleRoiCount, r.Source))],
            e.PhantomCalibration, [.. findings.Select(f => new FindingReport(f.Severity, f.Sequence, f.Parameter, f.Message))], e.Warnings)
        { MethodSwitch = e.MethodSwitch };

    /// <summary>Ratios from --ratio SEQ=V and --liver/--muscle SEQ=M1,M2,… (raw ROI means, averaged per the documented rule).</summary>
    private static List<LiverMuscleRatio> FromArguments(string[] ratioArgs, string[] liverArgs, string[] muscleArgs)
    {
        var list = ratioArgs.Select(a =>
        {
            var (seq, values) = Split(a, "--ratio");
            if (values.Length != 1) throw new BadInputException($"--ratio '{a}' takes one value: SEQ=VALUE.");
            return LiverMuscleRatio.FromRatio(seq, values[0]);
        }).ToList();
        var livers = liverArgs.Select(a => Split(a, "--liver")).ToList();
        var muscles = muscleArgs.Select(a => Split(a, "--muscle")).ToList();
        foreach (var (seq, values) in livers)
        {
            var match = muscles.Where(x => string.Equals(x.Sequence, seq, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count != 1) throw new BadInputException($"--liver {seq}=… needs exactly one --muscle {seq}=… (found {match.Count}).");
            list.Add(LiverMuscleRatio.FromRoiMeans(seq, values, match[0].Values));
        }
        var orphan = muscles.FirstOrDefault(x => !livers.Any(l => string.Equals(l.Sequence, x.Sequence, StringComparison.OrdinalIgnoreCase)));
        if (orphan.Sequence is not null) throw new BadInputException($"--muscle {orphan.Sequence}=… has no --liver {orphan.Sequence}=….");
        return list;
    }

    private static (string Sequence, double[] Values) Split(string arg, string option)
    {
        int eq = arg.LastIndexOf('=');
        if (eq <= 0 || eq == arg.Length - 1) throw new BadInputException($"{option} '{arg}' must be SEQ=VALUE(S), e.g. T2=0.47.");
        var values = arg[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries).Select(v =>
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
                : throw new BadInputException($"{option} '{arg}': '{v}' is not a number.")).ToArray();
        return (arg[..eq].Trim(), values);
    }

    private static Command BuildPhantom(TextWriter output)
    {
        var protocol = new Option<string>("--protocol") { Description = $"SIR protocol the phantom calibrates: {ProtocolNames}.", Required = true };
        var scanner = new Option<string>("--scanner") { Description = "Scanner id (site, model, serial): the correction belongs to this scanner.", Required = true };
        var date = new Option<string?>("--date") { Description = "Date of the phantom session, YYYY-MM-DD (default today, UTC)." };
        var measured = new Option<string[]>("--measured") { Description = "Measured vial/water ratio, SEQ=VALUE (repeat per sequence; several vials of one sequence: SEQ=V1,V2).", Required = true };
        var reference = new Option<string>("--reference") { Description = "Reference values: " + string.Join(" | ", PhantomReference.All.Select(p => p.Name)) + " (default sedia), or 'custom' with --reference-ratio.", DefaultValueFactory = _ => "sedia" };
        var refRatio = new Option<string[]>("--reference-ratio") { Description = "Custom reference ratio, SEQ=VALUE (one per --measured value, in the same order)." };
        var maxCorr = new Option<double?>("--max-correction") { Description = "Largest |factor − 1| accepted before the verdict is 'change the protocol' (default: no limit)." };
        var outFile = new Option<FileInfo>("--out") { Description = "Where to write the calibration JSON (use with `lic sir --calibration-file`).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the calibration JSON." };
        var cmd = new Command("sir-phantom", "Derive a per-scanner SIR correction (or a change-the-protocol verdict) from phantom vial ratios and save it.")
            { protocol, scanner, date, measured, reference, refRatio, maxCorr, outFile, json };
        cmd.SetAction(p => Phantom(p.GetValue(protocol)!, p.GetValue(scanner)!, p.GetValue(date), p.GetValue(measured) ?? [], p.GetValue(reference)!,
            p.GetValue(refRatio) ?? [], p.GetValue(maxCorr), p.GetValue(outFile)!, p.GetValue(json), output));
        return cmd;
    }

    private static int Phantom(string protocolName, string scanner, string? dateText, string[] measuredArgs, string referenceName, string[] refArgs,
        double? maxCorrection, FileInfo outFile, bool json, TextWriter output)
    {
        var protocol = Wrap(() => SirProtocols.Get(protocolName));
        var date = DateOnly.FromDateTime(DateTime.UtcNow);
        if (dateText is not null && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            throw new BadInputException($"--date '{dateText}' must be YYYY-MM-DD.");
        var measurements = new List<PhantomVialMeasurement>();
        string referenceLabel;
        if (string.Equals(referenceName, "custom", StringComparison.OrdinalIgnoreCase))
        {
            var refs = refArgs.Select(a => Split(a, "--reference-ratio")).ToList();
            foreach (var (seq, values) in measuredArgs.Select(a => Split(a, "--measured")))
            {
                var r = refs.Where(x => string.Equals(x.Sequence, seq, StringComparison.OrdinalIgnoreCase)).SelectMany(x => x.Values).ToList();
                if (r.Count != values.Length) throw new BadInputException($"--measured {seq} has {values.Length} value(s) but --reference-ratio {seq} has {r.Count}.");
                measurements.AddRange(values.Select((v, i) => new PhantomVialMeasurement($"{seq} vial {i + 1}", seq, v, r[i])));
            }
            referenceLabel = "custom reference ratios";
        }
        else
        {
            if (refArgs.Length > 0) throw new BadInputException("--reference-ratio goes with --reference custom.");
            var set = Wrap(() => PhantomReference.Get(referenceName));
            if (!string.Equals(set.Protocol, protocol.Name, StringComparison.OrdinalIgnoreCase))
                throw new BadInputException($"The {set.Name} phantom calibrates {set.Protocol}, not {protocol.Name}; use --reference custom with --reference-ratio.");
            foreach (var (seq, values) in measuredArgs.Select(a => Split(a, "--measured")))
            {
                var vial = set.ForSequence(seq) ?? throw new BadInputException($"The {set.Name} phantom has no vial for sequence '{seq}'; its sequences: {string.Join(", ", set.Vials.Select(v => v.Sequence))}.");
                measurements.AddRange(values.Select(v => new PhantomVialMeasurement(vial.Vial, vial.Sequence, v, vial.ReferenceRatio)));
            }
            referenceLabel = $"{set.Name}: {set.Citation}";
        }
        var calibration = Wrap(() => PhantomCalibration.Derive(scanner, date, protocol.Name, measurements, referenceLabel, maximumCorrectionFraction: maxCorrection));
        calibration.Save(outFile.FullName);
        if (json)
        {
            output.WriteLine(calibration.ToJson());
            return ExitCodes.Success;
        }
        output.WriteLine($"{calibration.Label}, {calibration.Protocol}: verdict {calibration.Verdict} → {outFile.FullName}");
        foreach (var kv in calibration.Factors) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kv.Key}: × {kv.Value:0.####}"));
        foreach (var n in calibration.Notes) output.WriteLine($"note: {n}");
        return ExitCodes.Success;
    }

    private static string Existing(FileInfo file, string option) =>
        file.Exists ? file.FullName : throw new BadInputException($"{option}: file '{file.FullName}' does not exist.");

    // Library errors (IronNotebooksException, argument exceptions) are mapped to exit codes in one place: CliErrors.
    private static T Wrap<T>(Func<T> f) => f();
}
