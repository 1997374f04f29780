using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using IronNotebooks.Calibration;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;
using Spectre.Console;

namespace IronNotebooks.Cli;

/// <summary>The `ironnb fit`, `ironnb map` and `ironnb lic r2star | r2` verbs.</summary>
public static class RelaxometryCommands
{
    /// <summary>JSON shape of `fit` (architecture contract plus status and provenance). R2* and T2* are null when the fit gave
    /// no usable value or the decay is beyond the measurable range (<see cref="Outcome"/>, <see cref="BeyondMeasurableRange"/>).</summary>
    public sealed record FitReport(double? R2StarPerSecond, double? T2StarMs, double? S0, double? Offset, double? Rmse, int EchoesUsed, int? Pixels,
        string Model, string Status, string ExitReason, int Iterations, double? R2StarStandardErrorPerSecond, double? NoiseSigma,
        string? NoiseSource, IReadOnlyList<double> EchoTimesMs, IReadOnlyList<double> Signal, string Source, int? Slice, string? Roi, IReadOnlyList<string> Warnings)
    {
        /// <summary>"estimated", "noValue" or "beyondMeasurableRange".</summary>
        public string Outcome { get; init; } = "estimated";

        /// <summary>The beyond-measurable-range reason (with the field when known), or null.</summary>
        public string? BeyondMeasurableRange { get; init; }

        /// <summary>Field strength of the scan, tesla, from --field or the series; null when unknown.</summary>
        public double? FieldT { get; init; }

        /// <summary>Echoes at or above 2·σ, or null without a noise level.</summary>
        public int? EchoesAboveNoise { get; init; }
    }

    /// <summary>JSON shape of `lic r2star` / `lic r2`.</summary>
    public sealed record LicReport(double? LicMgPerGram, double? LicUmolPerGram, string Quantity, double? InputRatePerSecond, double? RateUsedPerSecond,
        string Calibration, string CalibrationTitle, string Formula, string Citation, double Field, double CalibrationField, string ValidityRange,
        string Status, string StatusNote, string? FieldScaling, string? Grade, IReadOnlyList<string> Warnings)
    {
        /// <summary>"estimated", "noValue" or "beyondMeasurableRange" (<see cref="LicOutcome"/>).</summary>
        public string Outcome { get; init; } = "estimated";

        /// <summary>The beyond-measurable-range reason with the field, or null.</summary>
        public string? BeyondMeasurableRange { get; init; }
    }

    /// <summary>JSON shape of `map` (the map itself goes to the CSV file).</summary>
    public sealed record MapReport(string Model, string Out, int Slices, int Columns, int Rows, long FittedPixels, long MaskedPixels, long FailedPixels,
        double? MedianR2StarPerSecond, IReadOnlyList<double> EchoTimesMs, string Source, IReadOnlyList<string> Warnings)
    {
        /// <summary>Pixels beyond the measurable range (T2* below the first echo, too few echoes above noise); empty in the map.</summary>
        public long BeyondMeasurableRangePixels { get; init; }

        /// <summary>Field strength of the series, tesla, or null when the files do not say.</summary>
        public double? FieldT { get; init; }
    }

    /// <summary>Builds `fit`, `map` and `lic`.</summary>
    public static IEnumerable<Command> Build(TextWriter output) => [BuildFit(output), BuildMap(output), BuildLic(output)];

    private static Command BuildMap(TextWriter output)
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "A folder of DICOM files or of NIfTI files with BIDS JSON sidecars." };
        var series = new Option<string?>("--series") { Description = "DICOM series number or NIfTI file-name prefix when the folder holds several series." };
        var model = new Option<string>("--model") { Description = "Decay model: " + string.Join(" | ", DecayModels.All.Select(m => m.Name)) + " (default arlo), or fatwater (CC-R2* and PDFF).", DefaultValueFactory = _ => "arlo" };
        var noise = new Option<double?>("--noise") { Description = "Noise σ in signal units (needed by truncation and rician)." };
        var mask = new Option<double>("--mask") { Description = "Skip pixels whose first-echo signal is below this (default 0).", DefaultValueFactory = _ => 0 };
        var noiseRoi = new Option<string?>("--noise-roi") { Description = "Background ROI in air on echo 1 of slice 0 (same syntax as roi stats --roi): σ = mean / √(π/2), instead of --noise." };
        var outFile = new Option<string>("--out")
        {
            Description = "FILE.csv: one row per pixel (slice,x,y,r2StarPerSecond,t2StarMs,s0,status); any other path: a folder of DICOM MR "
                + "files, one per slice, R2* stored in 0.1 s⁻¹ steps (Rescale Slope 0.1; 0 where no usable fit).",
            Required = true,
        };
        var coils = new Option<int>("--coils") { Description = "Receiver coils L (root-sum-of-squares) for the secondmoment model's noise power 2Lσ² (default 1).", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print a JSON summary instead of text." };
        var field = new Option<double?>("--field") { Description = "Field strength, tesla (--model fatwater: sets the fat frequencies; default from the series)." };
        var spectrum = new Option<string?>("--spectrum") { Description = "Fat spectrum for --model fatwater: " + string.Join(" | ", IronNotebooks.FatWater.FatSpectra.All.Select(s => s.Name)) + " (default hamilton2011)." };
        var map = new Command("map", "Pixel-wise R2*/T2* map of every slice, written as CSV or DICOM (all cores, progress shown on a terminal); --model fatwater writes CC-R2* and PDFF maps.")
            { dir, series, model, noise, noiseRoi, coils, mask, outFile, json, field, spectrum };
        map.SetAction(p => FatWaterCommands.IsFatWater(p.GetValue(model)!)
            ? MapFatWater(p.GetValue(dir)!, p.GetValue(series), p.GetValue(field), p.GetValue(spectrum), p.GetValue(noise), p.GetValue(coils), p.GetValue(mask), p.GetValue(outFile)!, p.GetValue(json), output)
            : Map(p.GetValue(dir)!, p.GetValue(series), p.GetValue(model)!, p.GetValue(noise), p.GetValue(noiseRoi), p.GetValue(coils), p.GetValue(mask),
            p.GetValue(outFile)!, p.GetValue(json), output));
        return map;
    }

    private static int Map(DirectoryInfo dir, string? series, string modelName, double? noise, string? noiseRoiSpec, int coils, double maskThreshold,
        string outPath, bool json, TextWriter output)
    {
        if (coils is < 1 or > 128) throw new BadInputException($"--coils {coils} is outside 1…128.");
        if (!dir.Exists) throw new DirectoryNotFoundException($"Folder '{dir.FullName}' does not exist.");
        var model = Wrap(() => DecayModels.Get(modelName));
        var loaded = MultiEchoFolder.Load(dir.FullName, series);
        var warnings = new List<string>(loaded.Warnings);
        if (noiseRoiSpec is not null)
        {
            if (noise is not null) throw new BadInputException("Give --noise or --noise-roi, not both.");
            (noise, var source) = NoiseFromRoi(loaded.Slices[0], noiseRoiSpec, warnings);
            warnings.Add("noise: " + source);
        }
        var options = R2StarMapOptions.Default with { Fit = DecayFitOptions.Default with { NoiseSigma = noise, CoilCount = coils }, MaskThreshold = maskThreshold };
        var result = Wrap(() => MapWithProgress(loaded, model, options, showProgress: !json && !Console.IsErrorRedirected));
        bool csv = outPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        if (csv) WriteCsv(result, outPath);
        else warnings.AddRange(R2StarMapDicom.Write(result, loaded, outPath));
        var outFile = new FileInfo(outPath);
        var usable = result.Slices.SelectMany(s => s.R2StarPerSecond).Where(v => !float.IsNaN(v)).Select(v => (double)v).Order().ToList();
        var report = new MapReport(result.Model, outFile.FullName, result.Slices.Count, result.Slices.Count > 0 ? result.Slices[0].Columns : 0,
            result.Slices.Count > 0 ? result.Slices[0].Rows : 0, result.FittedPixels, result.MaskedPixels, result.FailedPixels,
            usable.Count > 0 ? usable[usable.Count / 2] : null, result.EchoTimesMs, result.Source, warnings)
            { BeyondMeasurableRangePixels = result.BeyondMeasurableRangePixels, FieldT = loaded.FieldStrengthT };
        if (result.BeyondMeasurableRangePixels > 0)
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Beyond measurable range{(loaded.FieldStrengthT is double f ? $" at {f:0.##} T" : "")}: {result.BeyondMeasurableRangePixels} pixel(s) have T2* shorter than the first echo ({result.EchoTimesMs[0]:G4} ms){(noise is null ? "" : " or fewer than 3 echoes above 2·σ")}; they are left empty rather than given a number. Severe overload needs a first echo ≤ 1–2 ms or an R2 (spin-echo) method."));
        if (json)
        {
            output.WriteLine(CliJson.Serialize(report));
            return ExitCodes.Success;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Model}: {report.FittedPixels} pixels fitted, {report.MaskedPixels} masked, {report.FailedPixels} without a usable fit; median R2* {report.MedianR2StarPerSecond:0.#} s⁻¹ → {report.Out}"));
        foreach (var w in warnings) output.WriteLine($"warning: {w}");
        return ExitCodes.Success;
    }

    private static R2StarMapResult MapWithProgress(MultiEchoSeries series, DecayModel model, R2StarMapOptions options, bool showProgress)
    {
        if (!showProgress) return R2StarMap.Compute(series, model, options);
        // A progress bar on stderr for people at a terminal; scripts (redirected stderr, --json) get none.
        R2StarMapResult? result = null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress().Start(context =>
        {
            var task = context.AddTask($"{model.Name} map, {series.Slices.Count} slice(s)", maxValue: 1.0);
            result = R2StarMap.Compute(series, model, options, new Progress<double>(v => task.Value = v));
            task.Value = 1.0;
        });
        return result!;
    }

    private static void WriteCsv(R2StarMapResult result, string path)
    {
        using var w = new StreamWriter(path);
        w.WriteLine("slice,x,y,r2StarPerSecond,t2StarMs,s0,status");
        foreach (var s in result.Slices)
            for (int y = 0; y < s.Rows; y++)
                for (int x = 0; x < s.Columns; x++)
                {
                    int i = y * s.Columns + x;
                    double r = s.R2StarPerSecond[i];
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{s.SliceIndex},{x},{y},{(double.IsNaN(r) ? "" : r.ToString("R", CultureInfo.InvariantCulture))},{(double.IsNaN(r) ? "" : (1000 / r).ToString("R", CultureInfo.InvariantCulture))},{(float.IsNaN(s.S0[i]) ? "" : s.S0[i].ToString("R", CultureInfo.InvariantCulture))},{s.Status[i]}"));
                }
    }

    private static Command BuildFit(TextWriter output)
    {
        var dir = new Argument<DirectoryInfo?>("DIR") { Description = "A folder of DICOM files or of NIfTI files with BIDS JSON sidecars (omit with --te/--signal).", Arity = ArgumentArity.ZeroOrOne };
        var roi = new Option<string?>("--roi") { Description = "ROI in pixel coordinates, as for `roi stats`: circle:CX,CY,R | ellipse:… | rect:… | polygon:…" };
        var slice = new Option<int>("--slice") { Description = "Zero-based slice index (default 0).", DefaultValueFactory = _ => 0 };
        var series = new Option<string?>("--series") { Description = "DICOM series number or NIfTI file-name prefix when the folder holds several series." };
        var model = new Option<string>("--model") { Description = "Decay model: " + string.Join(" | ", DecayModels.All.Select(m => m.Name)) + " (default mono: offset is known to overestimate R2*, truncation and rician need a noise level), or fatwater (CC-R2*, PDFF; needs --field).", DefaultValueFactory = _ => "mono" };
        var noise = new Option<double?>("--noise") { Description = "Noise σ in signal units (needed by truncation and rician)." };
        var noiseRoi = new Option<string?>("--noise-roi") { Description = "Background ROI in air (same syntax as --roi) on the first echo: σ = mean / √(π/2) (Rayleigh), instead of --noise." };
        var te = new Option<string?>("--te") { Description = "Echo times in ms, comma-separated (values read off a workstation; use with --signal)." };
        var signal = new Option<string?>("--signal") { Description = "Signal per echo, comma-separated, same count as --te." };
        var coils = new Option<int>("--coils") { Description = "Receiver coils L combined by root-sum-of-squares, for the secondmoment model's noise power 2Lσ² (default 1).", DefaultValueFactory = _ => 1 };
        var field = new Option<double?>("--field") { Description = "Field strength, tesla, for the beyond-measurable-range wording (default: from the series, if it says)." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var spectrum = new Option<string?>("--spectrum") { Description = "Fat spectrum for --model fatwater: " + string.Join(" | ", IronNotebooks.FatWater.FatSpectra.All.Select(s => s.Name)) + " (default hamilton2011)." };
        var fit = new Command("fit", "Fit a multi-echo decay: the ROI mean of one slice, or values given with --te and --signal; --model fatwater fits water, fat and CC-R2*.") { dir, roi, slice, series, model, noise, noiseRoi, coils, field, te, signal, json, spectrum };
        fit.SetAction(p => FatWaterCommands.IsFatWater(p.GetValue(model)!)
            ? FitFatWater(p.GetValue(dir), p.GetValue(roi), p.GetValue(slice), p.GetValue(series), p.GetValue(noise), p.GetValue(noiseRoi), p.GetValue(coils), p.GetValue(field),
                p.GetValue(spectrum), p.GetValue(te), p.GetValue(signal), p.GetValue(json), output)
            : Fit(p.GetValue(dir), p.GetValue(roi), p.GetValue(slice), p.GetValue(series), p.GetValue(model)!, p.GetValue(noise),
            p.GetValue(noiseRoi), p.GetValue(coils), p.GetValue(field), p.GetValue(te), p.GetValue(signal), p.GetValue(json), output));
        return fit;
    }

    private static Command BuildLic(TextWriter output)
    {
        var lic = new Command("lic", "Liver iron concentration from relaxometry or signal-intensity ratios.");
        foreach (var quantity in new[] { RelaxationQuantity.R2Star, RelaxationQuantity.R2 })
        {
            string verb = quantity == RelaxationQuantity.R2Star ? "r2star" : "r2";
            var names = RelaxometryCalibrations.All.Where(c => c.Quantity == quantity).Select(c => c.Name).ToList();
            var value = new Option<double>("--value") { Description = $"{(quantity == RelaxationQuantity.R2Star ? "R2*" : "R2")} in s⁻¹.", Required = true };
            var field = new Option<double>("--field") { Description = "Field strength of the scan, tesla (1.5, 3, …).", Required = true };
            var calibration = new Option<string>("--calibration") { Description = "Calibration: " + string.Join(" | ", names), Required = true };
            var scale = new Option<string?>("--scale") { Description = "Explicit field-strength conversion to the calibration's field: " + string.Join(" | ", FieldStrengthScalings.All.Select(s => s.Name)) };
            var firstTe = new Option<double?>("--first-te") { Description = "First echo time of the fit, ms: a T2 or T2* shorter than it is beyond the measurable range (no LIC)." };
            var aboveNoise = new Option<int?>("--echoes-above-noise") { Description = $"Echoes of the fit at or above 2·σ: fewer than {MeasurableRange.EchoesAboveNoiseNeeded} is beyond the measurable range (no LIC)." };
            var json = new Option<bool>("--json") { Description = "Print JSON." };
            var cmd = new Command(verb, $"LIC from {verb} through a named calibration, with its validity range, status and warnings.") { value, field, calibration, scale, firstTe, aboveNoise, json };
            cmd.SetAction(p => Lic(quantity, p.GetValue(value), p.GetValue(field), p.GetValue(calibration)!, p.GetValue(scale), p.GetValue(firstTe),
                p.GetValue(aboveNoise), p.GetValue(json), output));
            lic.Subcommands.Add(cmd);
        }
        foreach (var sir in SignalRatioCommands.Build(output)) lic.Subcommands.Add(sir);
        return lic;
    }

    private static int Fit(DirectoryInfo? dir, string? roiSpec, int sliceIndex, string? series, string modelName, double? noise, string? noiseRoiSpec,
        int coils, double? field, string? teText, string? signalText, bool json, TextWriter output)
    {
        var model = Wrap(() => DecayModels.Get(modelName));
        if (coils is < 1 or > 128) throw new BadInputException($"--coils {coils} is outside 1…128.");
        if (field is double fv && !(fv >= 0.1 && fv <= 11.7)) throw new BadInputException($"--field {fv} is outside 0.1…11.7 T.");
        var options = DecayFitOptions.Default with { NoiseSigma = noise, CoilCount = coils };
        FitReport report;
        if (teText is not null || signalText is not null)
        {
            if (dir is not null || roiSpec is not null || noiseRoiSpec is not null) throw new BadInputException("Give either DIR with --roi, or --te with --signal, not both.");
            if (teText is null || signalText is null) throw new BadInputException("--te and --signal go together.");
            var te = ParseList(teText, "--te");
            var s = ParseList(signalText, "--signal");
            var r = Wrap(() => DecayFit.Fit(te, s, model, options));
            report = ToReport(r, null, te, s, "values given on the command line", null, null, noise is null ? null : "--noise", field);
        }
        else
        {
            if (dir is null || roiSpec is null) throw new BadInputException("Give DIR and --roi, or --te and --signal.");
            if (!dir.Exists) throw new DirectoryNotFoundException($"Folder '{dir.FullName}' does not exist.");
            var shape = RoiCommands.ParseSpec(roiSpec);
            var loaded = MultiEchoFolder.Load(dir.FullName, series);
            if (sliceIndex < 0 || sliceIndex >= loaded.Slices.Count)
                throw new BadInputException($"--slice {sliceIndex} is outside 0…{loaded.Slices.Count - 1} ({loaded.Slices.Count} slices in '{loaded.Description}').");
            string? noiseSource = noise is null ? null : "--noise";
            var extra = new List<string>();
            if (noiseRoiSpec is not null)
            {
                if (noise is not null) throw new BadInputException("Give --noise or --noise-roi, not both.");
                (var sigma, noiseSource) = NoiseFromRoi(loaded.Slices[sliceIndex], noiseRoiSpec, extra);
                options = options with { NoiseSigma = sigma };
            }
            var r = Wrap(() => RoiDecayFit.Fit(loaded, sliceIndex, shape, model, options));
            report = ToReport(r.Fit, r.PixelCount, loaded.EchoTimesMs, r.Echoes.Select(e => e.Mean).ToList(), loaded.Description, sliceIndex, roiSpec, noiseSource,
                field ?? loaded.FieldStrengthT);
            report = report with { Warnings = [.. report.Warnings, .. extra, .. loaded.Warnings] };
        }
        if (json)
        {
            output.WriteLine(CliJson.Serialize(report));
            return ExitCodes.Success;
        }
        output.WriteLine(report.R2StarPerSecond is null
            ? $"{report.Model}: no R2* ({(report.BeyondMeasurableRange is null ? report.Status : "beyond measurable range")}), {report.EchoesUsed} echoes"
            : string.Create(CultureInfo.InvariantCulture,
                $"{report.Model}: R2* = {report.R2StarPerSecond:0.##} s⁻¹ (T2* = {report.T2StarMs:0.###} ms), S0 = {report.S0:0.##}, RMSE = {report.Rmse:0.###}, {report.EchoesUsed} echoes, {report.Status}"));
        foreach (var w in report.Warnings) output.WriteLine($"warning: {w}");
        return ExitCodes.Success;
    }

    private static int FitFatWater(DirectoryInfo? dir, string? roiSpec, int sliceIndex, string? series, double? noise, string? noiseRoiSpec, int coils,
        double? field, string? spectrum, string? teText, string? signalText, bool json, TextWriter output)
    {
        if (coils is < 1 or > 128) throw new BadInputException($"--coils {coils} is outside 1…128.");
        FatWaterCommands.FatWaterFitReport report;
        if (teText is not null || signalText is not null)
        {
            if (dir is not null || roiSpec is not null || noiseRoiSpec is not null) throw new BadInputException("Give either DIR with --roi, or --te with --signal, not both.");
            if (teText is null || signalText is null) throw new BadInputException("--te and --signal go together.");
            var options = FatWaterCommands.Options(field, null, spectrum, noise, coils);
            report = FatWaterCommands.Fit(null, 0, null, null, ParseList(teText, "--te"), ParseList(signalText, "--signal"), options);
        }
        else
        {
            if (dir is null || roiSpec is null) throw new BadInputException("Give DIR and --roi, or --te and --signal.");
            if (!dir.Exists) throw new DirectoryNotFoundException($"Folder '{dir.FullName}' does not exist.");
            var shape = RoiCommands.ParseSpec(roiSpec);
            var loaded = MultiEchoFolder.Load(dir.FullName, series);
            if (sliceIndex < 0 || sliceIndex >= loaded.Slices.Count)
                throw new BadInputException($"--slice {sliceIndex} is outside 0…{loaded.Slices.Count - 1} ({loaded.Slices.Count} slices in '{loaded.Description}').");
            var extra = new List<string>();
            if (noiseRoiSpec is not null)
            {
                if (noise is not null) throw new BadInputException("Give --noise or --noise-roi, not both.");
                (noise, var source) = NoiseFromRoi(loaded.Slices[sliceIndex], noiseRoiSpec, extra);
                extra.Add("noise: " + source);
            }
            var options = FatWaterCommands.Options(field, loaded.FieldStrengthT, spectrum, noise, coils);
            report = FatWaterCommands.Fit(loaded, sliceIndex, shape, roiSpec, null, null, options);
            report = report with { Warnings = [.. report.Warnings, .. extra] };
        }
        if (json) output.WriteLine(CliJson.Serialize(report));
        else FatWaterCommands.PrintFit(report, output);
        return ExitCodes.Success;
    }

    private static int MapFatWater(DirectoryInfo dir, string? series, double? field, string? spectrum, double? noise, int coils, double maskThreshold, string outPath,
        bool json, TextWriter output)
    {
        if (coils is < 1 or > 128) throw new BadInputException($"--coils {coils} is outside 1…128.");
        if (!dir.Exists) throw new DirectoryNotFoundException($"Folder '{dir.FullName}' does not exist.");
        var loaded = MultiEchoFolder.Load(dir.FullName, series);
        var options = FatWaterCommands.Options(field, loaded.FieldStrengthT, spectrum, noise, coils);
        var report = FatWaterCommands.Map(loaded, options, maskThreshold, outPath, loaded.Warnings);
        if (json) output.WriteLine(CliJson.Serialize(report));
        else
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fatwater: {report.FittedPixels} pixels fitted, {report.MaskedPixels} masked, {report.FailedPixels} without a usable fit; median CC-R2* {report.MedianR2StarPerSecond:0.#} s⁻¹, median PDFF {report.MedianFatFractionPercent:0.#} % → {report.Out}"));
            foreach (var w in report.Warnings) output.WriteLine($"warning: {w}");
        }
        return ExitCodes.Success;
    }

    private static FitReport ToReport(DecayFitResult r, int? pixels, IReadOnlyList<double> te, IReadOnlyList<double> s, string source, int? slice, string? roi,
        string? noiseSource, double? fieldT)
    {
        double? Opt(double v) => double.IsFinite(v) ? v : null;
        // The same rule and wording as LIC conversion, with the field when known (domain.md §3).
        string? beyond = r.IsBeyondMeasurableRange
            ? MeasurableRange.Check(double.IsNaN(r.R2StarPerSecond) ? double.PositiveInfinity : r.R2StarPerSecond, r.FirstEchoTimeMs, r.EchoesAboveNoise, te.Count, fieldT)
              ?? r.BeyondMeasurableRange
            : null;
        bool number = beyond is null && r.Status is not (DecayFitStatus.Failed or DecayFitStatus.TooFewEchoes);
        return new FitReport(number ? Opt(r.R2StarPerSecond) : null, number ? Opt(r.T2StarMs) : null, Opt(r.S0), r.Offset, Opt(r.Rmse), r.EchoesUsed, pixels,
            r.Model, r.Status.ToString(), r.ExitReason, r.Iterations, number ? r.R2StarStandardErrorPerSecond : null, r.NoiseSigma, noiseSource, te, s, source,
            slice, roi, beyond is null ? r.Warnings : [beyond, .. r.Warnings])
        {
            Outcome = beyond is not null ? "beyondMeasurableRange" : number ? "estimated" : "noValue",
            BeyondMeasurableRange = beyond,
            FieldT = fieldT,
            EchoesAboveNoise = r.EchoesAboveNoise,
        };
    }

    private static int Lic(RelaxationQuantity quantity, double value, double field, string calibrationName, string? scaleName, double? firstTe,
        int? echoesAboveNoise, bool json, TextWriter output)
    {
        var calibration = Wrap(() => RelaxometryCalibrations.Get(calibrationName));
        if (calibration.Quantity != quantity)
            throw new BadInputException($"{calibration.Name} is an {calibration.Quantity} calibration; use `ironnb lic {(calibration.Quantity == RelaxationQuantity.R2 ? "r2" : "r2star")}`.");
        var scaling = scaleName is null ? null : Wrap(() => FieldStrengthScalings.Get(scaleName));
        var e = Wrap(() => firstTe is null && echoesAboveNoise is null
            ? LicConversion.FromRate(value, field, calibration, scaling)
            : LicConversion.FromRate(value, field, calibration, firstTe, echoesAboveNoise, scaling));
        string? grade = e.Lic is { } l ? LicClasses.Guideline.Classify(l.MgPerGram).Label : null;
        double? Opt(double v) => double.IsFinite(v) ? v : null;
        var report = new LicReport(e.Lic?.MgPerGram, e.Lic?.UmolPerGram, e.Quantity.ToString(), Opt(e.InputRatePerSecond), Opt(e.RateUsedPerSecond),
            e.Calibration, e.CalibrationTitle, e.Formula, e.Citation, e.MeasuredFieldT, e.CalibrationFieldT, e.ValidityRange, e.Status.ToString(),
            e.StatusNote, e.FieldScaling, grade, e.Warnings)
        {
            Outcome = JsonNamingPolicy.CamelCase.ConvertName(e.Outcome.ToString()),
            BeyondMeasurableRange = e.BeyondMeasurableRange,
        };
        if (json)
        {
            output.WriteLine(CliJson.Serialize(report));
            return ExitCodes.Success;
        }
        output.WriteLine(e.Lic is { } lic
            ? $"LIC = {lic} ({grade}) by {e.CalibrationTitle} (evidence {e.StatusNote}), validity {e.ValidityRange}"
            : e.Outcome == LicOutcome.BeyondMeasurableRange ? $"No LIC: {e.BeyondMeasurableRange}" : $"No LIC: {e.CalibrationTitle} gives no value for this input.");
        foreach (var w in e.Warnings.Where(w => w != e.BeyondMeasurableRange)) output.WriteLine($"warning: {w}");
        return ExitCodes.Success;
    }

    private static T Wrap<T>(Func<T> f)
    {
        try
        {
            return f();
        }
        catch (ArgumentException e)
        {
            throw new BadInputException(e.Message);
        }
    }

    /// <summary>σ from a background ROI on the first echo of a slice (Rayleigh), with a warning when the air is not pure noise.</summary>
    private static (double Sigma, string Source) NoiseFromRoi(MultiEchoSlice slice, string spec, List<string> warnings)
    {
        var background = RoiCommands.ParseSpec(spec) with { Role = IronNotebooks.Roi.RoiRole.Background };
        var stats = IronNotebooks.Roi.RoiMeasurement.Measure(slice.Echoes[0], background);
        if (stats.PixelCount < 20) throw new BadInputException($"--noise-roi '{spec}' holds {stats.PixelCount} pixels; use at least 20 pixels of air.");
        var estimate = Wrap(() => IronNotebooks.Roi.NoiseEstimate.FromBackground(stats));
        if (Math.Abs(estimate.RatioSdToMean / IronNotebooks.Roi.NoiseEstimate.RayleighSdToMean - 1) > 0.2)
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Background SD/mean is {estimate.RatioSdToMean:0.###}, not the Rayleigh 0.523: the air ROI is not pure single-coil noise (ghosts, parallel imaging, multi-coil); σ is uncertain."));
        return (estimate.SigmaFromMean, string.Create(CultureInfo.InvariantCulture,
            $"background ROI {spec} on echo 1 of slice {slice.Index}: σ = mean/√(π/2) = {estimate.SigmaFromMean:G4} (σ from SD {estimate.SigmaFromSd:G4}, SD/mean {estimate.RatioSdToMean:0.###}, {estimate.PixelCount} px)"));
    }

    private static double[] ParseList(string text, string option) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v =>
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
                : throw new BadInputException($"{option}: '{v}' is not a number.")).ToArray();
}
