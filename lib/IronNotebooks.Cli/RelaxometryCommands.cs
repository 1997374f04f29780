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
        string Model, DecayFitStatus Status, string ExitReason, int Iterations, double? R2StarStandardErrorPerSecond, double? NoiseSigma,
        string? NoiseSource, IReadOnlyList<double> EchoTimesMs, IReadOnlyList<double> Signal, string Source, int? Slice, string? Roi, IReadOnlyList<string> Warnings)
    {
        /// <summary>Estimated, NoValue or BeyondMeasurableRange (the <see cref="LicOutcome"/> spellings).</summary>
        public LicOutcome Outcome { get; init; } = LicOutcome.Estimated;

        /// <summary>The beyond-measurable-range reason (with the field when known), or null.</summary>
        public string? BeyondMeasurableRange { get; init; }

        /// <summary>Field strength of the scan, tesla, from --field or the series; null when unknown.</summary>
        public double? FieldStrengthT { get; init; }

        /// <summary>Position of the measured slice along the plane normal, mm (null for values given on the command line).</summary>
        public double? SliceLocationMm { get; init; }

        /// <summary>Where the slice came from: the first echo's file and frame (DICOM) or file and voxel index k (NIfTI).</summary>
        public string? SliceSource { get; init; }

        /// <summary>Echoes at or above 2·σ, or null without a noise level.</summary>
        public int? EchoesAboveNoise { get; init; }
    }

    /// <summary>JSON shape of `lic r2star` / `lic r2`.</summary>
    public sealed record LicReport(double? LicMgPerGram, double? LicUmolPerGram, string Quantity, double? InputRatePerSecond, double? RateUsedPerSecond,
        string Calibration, string CalibrationTitle, string Formula, string Citation, double FieldStrengthT, double CalibrationFieldStrengthT, string ValidityRange,
        EvidenceStatus Status, string StatusNote, string? FieldScaling, string? Grade, IReadOnlyList<string> Warnings)
    {
        /// <summary>Estimated, NoValue or BeyondMeasurableRange (<see cref="LicOutcome"/>).</summary>
        public LicOutcome Outcome { get; init; } = LicOutcome.Estimated;

        /// <summary>The beyond-measurable-range reason with the field, or null.</summary>
        public string? BeyondMeasurableRange { get; init; }

        /// <summary>Lower end of the 95 % interval, µmol/g (null without --se).</summary>
        public double? LicCiLowUmolPerGram { get; init; }

        /// <summary>Upper end of the 95 % interval, µmol/g (null without --se).</summary>
        public double? LicCiHighUmolPerGram { get; init; }

        /// <summary>P(LIC above 3, 7, 15 mg/g) (empty without --se).</summary>
        public IReadOnlyList<ThresholdProbability> ProbabilityAbove { get; init; } = [];

        /// <summary>Each uncertainty component: fit, spatial, calibration (included or why not).</summary>
        public IReadOnlyList<UncertaintyComponent> UncertaintyComponents { get; init; } = [];
    }

    /// <summary>JSON shape of `map` (the map itself goes to the CSV file).</summary>
    public sealed record MapReport(string Model, string Out, int Slices, int Columns, int Rows, long FittedPixels, long MaskedPixels, long FailedPixels,
        double? MedianR2StarPerSecond, IReadOnlyList<double> EchoTimesMs, string Source, IReadOnlyList<string> Warnings)
    {
        /// <summary>Pixels beyond the measurable range (T2* below the first echo, too few echoes above noise); empty in the map.</summary>
        public long BeyondMeasurableRangePixels { get; init; }

        /// <summary>Field strength of the series, tesla, or null when the files do not say.</summary>
        public double? FieldStrengthT { get; init; }

        /// <summary>The LIC Parametric Map written beside the R2* one (--format parametric-map --calibration); absent otherwise.</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public string? LicOut { get; init; }

        /// <summary>Source index of each mapped slice (DICOM position order, NIfTI voxel index k), as in the CSV's slice column.</summary>
        public IReadOnlyList<int> SliceIndices { get; init; } = [];

        /// <summary>Position of each mapped slice along the plane normal, mm.</summary>
        public IReadOnlyList<double> SliceLocationsMm { get; init; } = [];

        /// <summary>Slice positions left out because echoes are missing there, with the missing echo times and the files that hold the rest.</summary>
        public IReadOnlyList<MultiEchoSeries.IncompleteSlice> IncompleteSlices { get; init; } = [];
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
            Description = "FILE.csv: one row per pixel (" + R2StarMapWriter.CsvHeader + "; slice = source slice index); any other path: a new folder of DICOM MR "
                + "files, one per slice at its own position, R2* stored in 0.1 s⁻¹ steps (Rescale Slope 0.1; 0 where no usable fit). Written atomically, never inside the input folder; "
                + "an existing folder is replaced only when it holds an earlier ironnb R2* map.",
            Required = true,
        };
        var coils = new Option<int>("--coils") { Description = "Receiver coils L (root-sum-of-squares) for the secondmoment model's noise power 2Lσ² (default 1).", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print a JSON summary instead of text." };
        var field = new Option<double?>("--field") { Description = "Field strength, tesla (--model fatwater: sets the fat frequencies; default from the series)." };
        var spectrum = new Option<string?>("--spectrum") { Description = "Fat spectrum for --model fatwater: " + string.Join(" | ", IronNotebooks.FatWater.FatSpectra.All.Select(s => s.Name)) + " (default hamilton2011)." };
        var format = new Option<string>("--format")
        {
            Description = "auto (CSV for a .csv path, else a folder of classic MR images) | csv | mr | parametric-map: one DICOM Parametric Map file "
                + "(float32 R2* in 1/s with Real World Value Mapping, referencing the source images) for quantitative tools; the MR folder stays for viewers.",
            DefaultValueFactory = _ => "auto",
        };
        var calibration = new Option<string?>("--calibration") { Description = "With --format parametric-map: also write the LIC map (mg/g, NaN outside the calibration's range) as FILE-lic.dcm through this R2* calibration." };
        var magnitudeOnly = new Option<bool>("--magnitude-only") { Description = "--model fatwater: fit the magnitude images even when phase images of the acquisition exist (default: complex fit with the regularised field map when they do)." };
        var map = new Command("map", "Pixel-wise R2*/T2* map of every slice, written as CSV or DICOM (all cores, progress shown on a terminal); --model fatwater writes CC-R2* and PDFF maps.")
            { dir, series, model, noise, noiseRoi, coils, mask, outFile, json, field, spectrum, format, calibration, magnitudeOnly };
        map.SetAction(p => FatWaterCommands.IsFatWater(p.GetValue(model)!)
            ? (p.GetValue(format) != "auto" || p.GetValue(calibration) is not null
                ? throw new BadInputException("--format and --calibration apply to R2* maps; --model fatwater writes its own CSV or DICOM maps.", "--format")
                : MapFatWater(p.GetValue(dir)!, p.GetValue(series), p.GetValue(field), p.GetValue(spectrum), p.GetValue(noise), p.GetValue(coils), p.GetValue(mask), p.GetValue(outFile)!, p.GetValue(json), output,
                    p.GetValue(magnitudeOnly)))
            : Map(p.GetValue(dir)!, p.GetValue(series), p.GetValue(model)!, p.GetValue(noise), p.GetValue(noiseRoi), p.GetValue(coils), p.GetValue(mask),
            p.GetValue(outFile)!, p.GetValue(json), output, p.GetValue(format)!, p.GetValue(calibration)));
        return map;
    }

    private static int Map(DirectoryInfo dir, string? series, string modelName, double? noise, string? noiseRoiSpec, int coils, double maskThreshold,
        string outPath, bool json, TextWriter output, string format = "auto", string? calibrationName = null)
    {
        if (coils is < 1 or > 128) throw new BadInputException($"--coils {coils} is outside 1…128.");
        if (!dir.Exists) throw new DirectoryNotFoundException($"Folder '{dir.FullName}' does not exist.");
        var model = Wrap(() => DecayModels.Get(modelName));
        var loaded = MultiEchoFolder.Load(dir.FullName, series);
        var calibration = MapOutputFormat.Check(format, outPath, calibrationName,
            Directory.EnumerateFiles(dir.FullName).Any(p => p.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase)));
        var warnings = new List<string>(loaded.Warnings);
        if (noiseRoiSpec is not null)
        {
            if (noise is not null) throw new BadInputException("Give --noise or --noise-roi, not both.");
            (noise, var source) = NoiseFromRoi(loaded.Slices[0], noiseRoiSpec, warnings);
            warnings.Add("noise: " + source);
        }
        var options = R2StarMapOptions.Default with { Fit = DecayFitOptions.Default with { NoiseSigma = noise, CoilCount = coils }, MaskThreshold = maskThreshold };
        // Refuse an output inside the input before spending minutes on the map.
        AtomicOutput.RefuseInsideInputs(outPath, R2StarMapWriter.InputFolders(loaded), "--out");
        var result = Wrap(() => MapWithProgress(loaded, model, options, showProgress: !json && !Console.IsErrorRedirected));
        string? licOut = null;
        if (format == "parametric-map") licOut = MapOutputFormat.WriteParametricMaps(result, loaded, dir.FullName, series, outPath, calibration);
        else warnings.AddRange(R2StarMapWriter.Write(result, loaded, outPath, "--out"));
        var outFile = new FileInfo(outPath);
        var usable = result.Slices.SelectMany(s => s.R2StarPerSecond).Where(v => !float.IsNaN(v)).Select(v => (double)v).Order().ToList();
        var report = new MapReport(result.Model, outFile.FullName, result.Slices.Count, result.Slices.Count > 0 ? result.Slices[0].Columns : 0,
            result.Slices.Count > 0 ? result.Slices[0].Rows : 0, result.FittedPixels, result.MaskedPixels, result.FailedPixels,
            usable.Count > 0 ? usable[usable.Count / 2] : null, result.EchoTimesMs, result.Source, warnings)
            {
                BeyondMeasurableRangePixels = result.BeyondMeasurableRangePixels,
                FieldStrengthT = loaded.FieldStrengthT,
                SliceIndices = [.. result.Slices.Select(x => x.SliceIndex)],
                SliceLocationsMm = [.. loaded.Slices.Select(x => Math.Round(x.SliceLocationMm, 3))],
                IncompleteSlices = loaded.IncompleteSlices,
                LicOut = licOut,
            };
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
        if (licOut is not null) output.WriteLine($"LIC map ({calibration!.Name}) → {licOut}");
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
        var rois = new Option<FileInfo?>("--rois") { Description = "ROI set JSON (schema ironnotebooks/roi-set): every ROI except background ones is fitted on --slice; a background ROI gives σ unless --noise/--noise-roi is given. JSON: fits[] (one fit report per ROI) and the mean R2* of the liver ROIs." };
        var spectrum = new Option<string?>("--spectrum") { Description = "Fat spectrum for --model fatwater: " + string.Join(" | ", IronNotebooks.FatWater.FatSpectra.All.Select(s => s.Name)) + " (default hamilton2011)." };
        var magnitudeOnly = new Option<bool>("--magnitude-only") { Description = "--model fatwater: fit the magnitude images even when phase images of the acquisition exist (default: complex fit with the regularised field map when they do)." };
        var fit = new Command("fit", "Fit a multi-echo decay: the ROI mean of one slice, every ROI of a set, or values given with --te and --signal; --model fatwater fits water, fat and CC-R2*.") { dir, roi, rois, slice, series, model, noise, noiseRoi, coils, field, te, signal, json, spectrum, magnitudeOnly };
        fit.SetAction(p => FatWaterCommands.IsFatWater(p.GetValue(model)!)
            ? FitFatWater(p.GetValue(dir), p.GetValue(roi), p.GetValue(slice), p.GetValue(series), p.GetValue(noise), p.GetValue(noiseRoi), p.GetValue(coils), p.GetValue(field),
                p.GetValue(spectrum), p.GetValue(te), p.GetValue(signal), p.GetValue(json), output, p.GetValue(magnitudeOnly))
            : p.GetValue(rois) is { } set
            ? FitRois(p.GetValue(dir), set, p.GetValue(roi), p.GetValue(slice), p.GetValue(series), p.GetValue(model)!, p.GetValue(noise), p.GetValue(noiseRoi),
                p.GetValue(coils), p.GetValue(field), p.GetValue(te) is not null || p.GetValue(signal) is not null, p.GetValue(json), output)
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
            var se = new Option<double?>("--se") { Description = "Standard error of the rate from the fit, s⁻¹: adds the 95 % interval and P(LIC > 3, 7, 15 mg/g)." };
            var spatialSd = new Option<double?>("--spatial-sd") { Description = "SD of the rate over ROI placements, s⁻¹ (with --se)." };
            var cmd = new Command(verb, $"LIC from {verb} through a named calibration, with its validity range, status and warnings.") { value, field, calibration, scale, firstTe, aboveNoise, json, se, spatialSd };
            cmd.SetAction(p => Lic(quantity, p.GetValue(value), p.GetValue(field), p.GetValue(calibration)!, p.GetValue(scale), p.GetValue(firstTe),
                p.GetValue(aboveNoise), p.GetValue(json), output, p.GetValue(se), p.GetValue(spatialSd)));
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
        if (field is double fv) PlausibleRange.FieldStrengthT(fv, "--field");
        var options = DecayFitOptions.Default with { NoiseSigma = noise, CoilCount = coils };
        FitReport report;
        if (teText is not null || signalText is not null)
        {
            if (dir is not null || roiSpec is not null || noiseRoiSpec is not null) throw new BadInputException("Give either DIR with --roi, or --te with --signal, not both.");
            if (teText is null || signalText is null) throw new BadInputException("--te and --signal go together.");
            var te = ParseList(teText, "--te");
            var s = ParseList(signalText, "--signal");
            PlausibleRange.EchoTimesMs(te, "--te");
            if (te.Length != s.Length) throw new BadInputException($"--te has {te.Length} values but --signal has {s.Length}; give one signal per echo.", "--signal");
            var r = Wrap(() => DecayFit.Fit(te, s, model, options));
            report = ToReport(r, null, te, s, "values given on the command line", null, null, noise is null ? null : "--noise", field);
        }
        else
        {
            if (dir is null || roiSpec is null) throw new BadInputException("Give DIR and --roi, or --te and --signal.");
            if (!dir.Exists) throw new DirectoryNotFoundException($"Folder '{dir.FullName}' does not exist.");
            var shape = RoiCommands.ParseSpec(roiSpec);
            var loaded = MultiEchoFolder.Load(dir.FullName, series);
            if (sliceIndex < 0 || sliceIndex >= loaded.SliceCount)
                throw new BadInputException($"--slice {sliceIndex} is outside 0…{loaded.SliceCount - 1} ({loaded.SliceCount} slices in '{loaded.Description}').", "--slice");
            var chosen = loaded.SliceAt(sliceIndex);
            int listPosition = loaded.Slices.ToList().IndexOf(chosen);
            string? noiseSource = noise is null ? null : "--noise";
            var extra = new List<string>();
            if (noiseRoiSpec is not null)
            {
                if (noise is not null) throw new BadInputException("Give --noise or --noise-roi, not both.");
                (var sigma, noiseSource) = NoiseFromRoi(chosen, noiseRoiSpec, extra);
                options = options with { NoiseSigma = sigma };
            }
            var r = Wrap(() => RoiDecayFit.Fit(loaded, listPosition, shape, model, options));
            report = ToReport(r.Fit, r.PixelCount, loaded.EchoTimesMs, r.Echoes.Select(e => e.Mean).ToList(), loaded.Description, sliceIndex, roiSpec, noiseSource,
                field ?? loaded.FieldStrengthT);
            report = report with
            {
                Warnings = [.. report.Warnings, .. extra, .. loaded.Warnings],
                SliceLocationMm = Math.Round(chosen.SliceLocationMm, 3),
                SliceSource = chosen.Echoes[0].Source,
            };
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

    /// <summary>JSON of `fit --rois`: one fit report per ROI, and the mean R2* of the liver ROIs whose fit gave a number.</summary>
    public sealed record RoiSetFitReport(string RoiSet, IReadOnlyList<FitReport> Fits, double? LiverMeanR2StarPerSecond, int LiverRois, IReadOnlyList<string> Warnings);

    private static int FitRois(DirectoryInfo? dir, FileInfo roisFile, string? roiSpec, int sliceIndex, string? series, string modelName, double? noise, string? noiseRoiSpec,
        int coils, double? field, bool values, bool json, TextWriter output)
    {
        if (roiSpec is not null || values) throw new BadInputException("--rois measures a folder: give DIR with --rois, without --roi, --te or --signal.");
        if (dir is null) throw new BadInputException("--rois needs DIR (a folder of DICOM or NIfTI files).");
        if (!dir.Exists) throw new DirectoryNotFoundException($"Folder '{dir.FullName}' does not exist.");
        if (!roisFile.Exists) throw new BadInputException($"--rois: file '{roisFile.FullName}' does not exist.");
        var model = Wrap(() => DecayModels.Get(modelName));
        if (coils is < 1 or > 128) throw new BadInputException($"--coils {coils} is outside 1…128.");
        if (field is double fv && !(fv >= 0.1 && fv <= 11.7)) throw new BadInputException($"--field {fv} is outside 0.1…11.7 T.");
        IronNotebooks.Roi.RoiSet set;
        try { set = IronNotebooks.Roi.RoiSet.Load(roisFile.FullName); }
        catch (Exception e) when (e is FormatException or JsonException) { throw new BadInputException($"--rois '{roisFile.FullName}': {e.Message}"); }
        var loaded = MultiEchoFolder.Load(dir.FullName, series);
        if (sliceIndex < 0 || sliceIndex >= loaded.Slices.Count)
            throw new BadInputException($"--slice {sliceIndex} is outside 0…{loaded.Slices.Count - 1} ({loaded.Slices.Count} slices in '{loaded.Description}').");
        var warnings = new List<string>(loaded.Warnings);
        string? noiseSource = noise is null ? null : "--noise";
        if (noiseRoiSpec is not null)
        {
            if (noise is not null) throw new BadInputException("Give --noise or --noise-roi, not both.");
            (noise, noiseSource) = NoiseFromRoi(loaded.Slices[sliceIndex], noiseRoiSpec, warnings);
        }
        else if (noise is null && set.Rois.FirstOrDefault(r => r.Role == IronNotebooks.Roi.RoiRole.Background) is { } air)
        {
            var n = IronNotebooks.Roi.BackgroundNoise.Measure(loaded.Slices[sliceIndex].Echoes[0], air, $"echo 1 of slice {sliceIndex}");
            (noise, noiseSource) = (n.SigmaSignal, n.Source);
            if (n.Warning is not null) warnings.Add(n.Warning);
        }
        var options = DecayFitOptions.Default with { NoiseSigma = noise, CoilCount = coils };
        var fits = set.Rois.Where(r => r.Role != IronNotebooks.Roi.RoiRole.Background).Select(r =>
        {
            var f = Wrap(() => RoiDecayFit.Fit(loaded, sliceIndex, r, model, options));
            return (Role: r.Role, Report: ToReport(f.Fit, f.PixelCount, loaded.EchoTimesMs, f.Echoes.Select(e => e.Mean).ToList(), loaded.Description, sliceIndex, r.Name,
                noiseSource, field ?? loaded.FieldStrengthT));
        }).ToList();
        var measuredLivers = IronNotebooks.Roi.RoiSelection.MeasuredLivers(set.Rois).Select(r => r.Name).ToHashSet();
        var liver = fits.Where(f => measuredLivers.Contains(f.Report.Roi ?? "")).ToList();
        double? mean = liver.Count > 0 && liver.All(f => f.Report.R2StarPerSecond is not null) ? liver.Average(f => f.Report.R2StarPerSecond!.Value) : null;
        if (liver.Count > 0 && mean is null) warnings.Add("no liver mean: at least one liver ROI fit gave no R2* (see its outcome)");
        var report = new RoiSetFitReport(roisFile.FullName, [.. fits.Select(f => f.Report)], mean, liver.Count, warnings);
        if (json)
        {
            output.WriteLine(CliJson.Serialize(report));
            return ExitCodes.Success;
        }
        foreach (var f in report.Fits)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{f.Roi}: {(f.R2StarPerSecond is double r ? $"R2* = {r:0.##} s⁻¹" : $"no R2* ({f.Outcome})")}, {f.EchoesUsed} echoes, {f.Status}"));
        if (mean is double m) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"liver mean ({liver.Count} ROIs): R2* = {m:0.##} s⁻¹"));
        foreach (var w in warnings) output.WriteLine($"warning: {w}");
        return ExitCodes.Success;
    }

    private static int FitFatWater(DirectoryInfo? dir, string? roiSpec, int sliceIndex, string? series, double? noise, string? noiseRoiSpec, int coils,
        double? field, string? spectrum, string? teText, string? signalText, bool json, TextWriter output, bool magnitudeOnly)
    {
        if (coils is < 1 or > 128) throw new BadInputException($"--coils {coils} is outside 1…128.");
        FatWaterCommands.FatWaterFitReport report;
        if (teText is not null || signalText is not null)
        {
            if (dir is not null || roiSpec is not null || noiseRoiSpec is not null) throw new BadInputException("Give either DIR with --roi, or --te with --signal, not both.");
            if (teText is null || signalText is null) throw new BadInputException("--te and --signal go together.");
            var options = FatWaterCommands.Options(field, null, spectrum, noise, coils);
            report = FatWaterCommands.Fit(null, "", 0, null, null, ParseList(teText, "--te"), ParseList(signalText, "--signal"), options);
        }
        else
        {
            if (dir is null || roiSpec is null) throw new BadInputException("Give DIR and --roi, or --te and --signal.");
            if (!dir.Exists) throw new DirectoryNotFoundException($"Folder '{dir.FullName}' does not exist.");
            var shape = RoiCommands.ParseSpec(roiSpec);
            var (chemicalShift, reason) = MultiEchoFolder.LoadChemicalShift(dir.FullName, series, magnitudeOnly);
            var loaded = chemicalShift.Magnitude;
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
            report = FatWaterCommands.Fit(chemicalShift, reason, sliceIndex, shape, roiSpec, null, null, options);
            report = report with { Warnings = [.. report.Warnings, .. extra] };
        }
        if (json) output.WriteLine(CliJson.Serialize(report));
        else FatWaterCommands.PrintFit(report, output);
        return ExitCodes.Success;
    }

    private static int MapFatWater(DirectoryInfo dir, string? series, double? field, string? spectrum, double? noise, int coils, double maskThreshold, string outPath,
        bool json, TextWriter output, bool magnitudeOnly)
    {
        if (coils is < 1 or > 128) throw new BadInputException($"--coils {coils} is outside 1…128.");
        if (!dir.Exists) throw new DirectoryNotFoundException($"Folder '{dir.FullName}' does not exist.");
        var (chemicalShift, reason) = MultiEchoFolder.LoadChemicalShift(dir.FullName, series, magnitudeOnly);
        var loaded = chemicalShift.Magnitude;
        var options = FatWaterCommands.Options(field, loaded.FieldStrengthT, spectrum, noise, coils);
        var report = FatWaterCommands.Map(chemicalShift, reason, options, maskThreshold, outPath, loaded.Warnings);
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
        // The same rule and wording as LIC conversion, with the field when known (docs/methods.md §3).
        string? beyond = r.IsBeyondMeasurableRange
            ? MeasurableRange.Check(double.IsNaN(r.R2StarPerSecond) ? double.PositiveInfinity : r.R2StarPerSecond, r.FirstEchoTimeMs, r.EchoesAboveNoise, te.Count, fieldT)
              ?? r.BeyondMeasurableRange
            : null;
        bool number = beyond is null && r.Status is not (DecayFitStatus.Failed or DecayFitStatus.TooFewEchoes);
        return new FitReport(number ? Opt(r.R2StarPerSecond) : null, number ? Opt(r.T2StarMs) : null, Opt(r.S0), r.Offset, Opt(r.Rmse), r.EchoesUsed, pixels,
            r.Model, r.Status, r.ExitReason, r.Iterations, number ? r.R2StarStandardErrorPerSecond : null, r.NoiseSigma, noiseSource, te, s, source,
            slice, roi, beyond is null ? r.Warnings : [beyond, .. r.Warnings])
        {
            Outcome = beyond is not null ? LicOutcome.BeyondMeasurableRange : number ? LicOutcome.Estimated : LicOutcome.NoValue,
            BeyondMeasurableRange = beyond,
            FieldStrengthT = fieldT,
            EchoesAboveNoise = r.EchoesAboveNoise,
        };
    }

    private static int Lic(RelaxationQuantity quantity, double value, double field, string calibrationName, string? scaleName, double? firstTe,
        int? echoesAboveNoise, bool json, TextWriter output, double? se = null, double? spatialSd = null)
    {
        if (se is double sev && !(sev >= 0 && double.IsFinite(sev))) throw new BadInputException($"--se {sev} must be a finite number ≥ 0.");
        if (spatialSd is double sd && !(sd >= 0 && double.IsFinite(sd))) throw new BadInputException($"--spatial-sd {sd} must be a finite number ≥ 0.");
        if (spatialSd is not null && se is null) throw new BadInputException("--spatial-sd needs --se (the fit's standard error).");
        var calibration = Wrap(() => RelaxometryCalibrations.Get(calibrationName));
        if (calibration.Quantity != quantity)
            throw new BadInputException($"{calibration.Name} is an {calibration.Quantity} calibration; use `ironnb lic {(calibration.Quantity == RelaxationQuantity.R2 ? "r2" : "r2star")}`.");
        var scaling = scaleName is null ? null : Wrap(() => FieldStrengthScalings.Get(scaleName));
        var e = Wrap(() => firstTe is null && echoesAboveNoise is null
            ? LicConversion.FromRate(value, field, calibration, scaling)
            : LicConversion.FromRate(value, field, calibration, firstTe, echoesAboveNoise, scaling));
        if (se is double fitSe) e = LicUncertainty.WithInterval(e, fitSe, spatialSd, scaling);
        string? grade = e.Lic is { } l ? LicClasses.Guideline.Classify(l.MgPerGram).Label : null;
        double? Opt(double v) => double.IsFinite(v) ? v : null;
        var report = new LicReport(e.Lic?.MgPerGram, e.Lic?.UmolPerGram, e.Quantity.ToString(), Opt(e.InputRatePerSecond), Opt(e.RateUsedPerSecond),
            e.Calibration, e.CalibrationTitle, e.Formula, e.Citation, e.MeasuredFieldT, e.CalibrationFieldT, e.ValidityRange, e.Status,
            e.StatusNote, e.FieldScaling, grade, e.Warnings)
        {
            Outcome = e.Outcome,
            BeyondMeasurableRange = e.BeyondMeasurableRange,
            LicCiLowUmolPerGram = e.Interval?.CiLowUmolPerGram,
            LicCiHighUmolPerGram = e.Interval?.CiHighUmolPerGram,
            ProbabilityAbove = e.Interval?.ProbabilityAbove ?? [],
            UncertaintyComponents = e.Interval?.Components ?? [],
        };
        if (json)
        {
            output.WriteLine(CliJson.Serialize(report));
            return ExitCodes.Success;
        }
        output.WriteLine(e.Lic is { } lic
            ? $"LIC = {lic} ({grade}) by {e.CalibrationTitle} (evidence {e.StatusNote}), validity {e.ValidityRange}"
            : e.Outcome == LicOutcome.BeyondMeasurableRange ? $"No LIC: {e.BeyondMeasurableRange}" : $"No LIC: {e.CalibrationTitle} gives no value for this input.");
        if (e.Interval is { } iv)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"95 % interval {iv.CiLowUmolPerGram:0.#}–{iv.CiHighUmolPerGram:0.#} µmol/g; ")
                + string.Join(", ", iv.ProbabilityAbove.Select(p => string.Create(CultureInfo.InvariantCulture, $"P(> {p.ThresholdMgPerGram:0.#} mg/g) = {p.Probability:0.###}"))));
            foreach (var c in iv.Components)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.Name}: {(c.SdPerSecond is double v ? $"SD {v:0.###} s⁻¹" : "not included")} — {c.Note ?? c.Method}"));
        }
        foreach (var w in e.Warnings.Where(w => w != e.BeyondMeasurableRange)) output.WriteLine($"warning: {w}");
        return ExitCodes.Success;
    }

    // Library errors (IronNotebooksException, argument exceptions) are mapped to exit codes in one place: CliErrors.
    private static T Wrap<T>(Func<T> f) => f();

    /// <summary>σ from a background ROI on the first echo of a slice (Rayleigh), through the library's one path (<see cref="IronNotebooks.Roi.BackgroundNoise"/>).</summary>
    private static (double Sigma, string Source) NoiseFromRoi(MultiEchoSlice slice, string spec, List<string> warnings)
    {
        var background = RoiCommands.ParseSpec(spec) with { Role = IronNotebooks.Roi.RoiRole.Background };
        var noise = IronNotebooks.Roi.BackgroundNoise.Measure(slice.Echoes[0], background with { Name = spec }, $"echo 1 of slice {slice.Index}");
        if (noise.Warning is not null) warnings.Add(noise.Warning);
        return (noise.SigmaSignal, noise.Source);
    }

    private static double[] ParseList(string text, string option) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v =>
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
                : throw new BadInputException($"{option}: '{v}' is not a number.")).ToArray();
}
