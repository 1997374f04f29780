using System.Globalization;
using IronNotebooks.Dicom.IO;
using IronNotebooks.FatWater;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;

namespace IronNotebooks.Cli;

/// <summary>`ironnb fit … --model fatwater` and `ironnb map … --model fatwater`: thin clients of <see cref="FatWaterFit"/>,
/// <see cref="RoiFatWaterFit"/> and <see cref="FatWaterMap"/>.</summary>
public static class FatWaterCommands
{
    /// <summary>The model name that selects the fat–water fit in `fit` and `map`.</summary>
    public const string ModelName = "fatwater";

    /// <summary>JSON shape of `fit --model fatwater`.</summary>
    public sealed record FatWaterFitReport
    {
        /// <summary>Confounder-corrected R2*, s⁻¹; null without a usable fit.</summary>
        public required double? R2StarPerSecond { get; init; }
        /// <summary>PDFF, percent; null without a usable fit.</summary>
        public required double? FatFractionPercent { get; init; }
        /// <summary>Water signal at TE 0.</summary>
        public required double? WaterSignal { get; init; }
        /// <summary>Fat signal at TE 0.</summary>
        public required double? FatSignal { get; init; }
        /// <summary>Standard error of the CC-R2*, s⁻¹ (Jacobian at the solution, noise σ or σ̂); null when not available.</summary>
        public double? R2StarStandardErrorPerSecond { get; init; }
        /// <summary>Standard error of the PDFF, percentage points.</summary>
        public double? FatFractionStandardErrorPercent { get; init; }
        /// <summary>Standard error of the water signal.</summary>
        public double? WaterSignalStandardError { get; init; }
        /// <summary>Standard error of the fat signal.</summary>
        public double? FatSignalStandardError { get; init; }
        /// <summary>Second-order bias correction (σ known, magnitude fits): applied or why not, and how far it moved PDFF and R2*; null otherwise.</summary>
        public FatWaterBiasCorrection? BiasCorrection { get; init; }
        /// <summary>Water–fat swap suspected.</summary>
        public required bool SwapSuspected { get; init; }
        /// <summary>Branch margin (ΔSSR / σ̂²).</summary>
        public required double BranchMargin { get; init; }
        /// <summary>"waterDominant" or "fatDominant".</summary>
        public required FatWaterBranch Branch { get; init; }
        /// <summary>PDFF of the other branch, percent.</summary>
        public required double? OtherBranchFatFractionPercent { get; init; }
        /// <summary>R2* of the other branch, s⁻¹.</summary>
        public required double? OtherBranchR2StarPerSecond { get; init; }
        /// <summary>Always "confounderCorrected".</summary>
        public required string R2StarKind { get; init; }
        /// <summary>magnitude, complexIndependent or complexRegularised.</summary>
        public required FatWaterFitKind FitKind { get; init; }
        /// <summary>Why that kind: where the phase came from, or why there was none.</summary>
        public required string FitKindReason { get; init; }
        /// <summary>Off-resonance of the ROI, Hz (complex fits), or null.</summary>
        public required double? FieldMapHz { get; init; }
        /// <summary>"fatwater".</summary>
        public required string Model { get; init; }
        /// <summary>Fat spectrum name.</summary>
        public required string Spectrum { get; init; }
        /// <summary>Field strength, tesla.</summary>
        public required double FieldStrengthT { get; init; }
        /// <summary>Fit status.</summary>
        public required IronNotebooks.Relaxometry.DecayFitStatus Status { get; init; }
        /// <summary>Iterations of the kept branch.</summary>
        public required int Iterations { get; init; }
        /// <summary>Noise σ given, or null.</summary>
        public required double? NoiseSigma { get; init; }
        /// <summary>Echo times, ms.</summary>
        public required IReadOnlyList<double> EchoTimesMs { get; init; }
        /// <summary>Fitted signal per echo.</summary>
        public required IReadOnlyList<double> Signal { get; init; }
        /// <summary>Where the signal came from.</summary>
        public required string Source { get; init; }
        /// <summary>Slice, or null for --te/--signal.</summary>
        public required int? Slice { get; init; }
        /// <summary>ROI spec, or null.</summary>
        public required string? Roi { get; init; }
        /// <summary>ROI pixels, or null.</summary>
        public required int? Pixels { get; init; }
        /// <summary>Caveats.</summary>
        public required IReadOnlyList<string> Warnings { get; init; }
    }

    /// <summary>JSON shape of `map --model fatwater`.</summary>
    public sealed record FatWaterMapReport
    {
        /// <summary>"fatwater".</summary>
        public required string Model { get; init; }
        /// <summary>Output file or folder.</summary>
        public required string Out { get; init; }
        /// <summary>Slices.</summary>
        public required int Slices { get; init; }
        /// <summary>Pixels fitted.</summary>
        public required long FittedPixels { get; init; }
        /// <summary>Pixels masked.</summary>
        public required long MaskedPixels { get; init; }
        /// <summary>Pixels without a usable fit.</summary>
        public required long FailedPixels { get; init; }
        /// <summary>Pixels beyond the measurable range.</summary>
        public required long BeyondMeasurableRangePixels { get; init; }
        /// <summary>Pixels flagged as possible swaps.</summary>
        public required long SwapSuspectedPixels { get; init; }
        /// <summary>Pixels whose second-order bias was subtracted (magnitude maps with σ known).</summary>
        public required long BiasCorrectedPixels { get; init; }
        /// <summary>magnitude, complexIndependent or complexRegularised.</summary>
        public required FatWaterFitKind FitKind { get; init; }
        /// <summary>Why that kind: where the phase came from, or why there was none.</summary>
        public required string FitKindReason { get; init; }
        /// <summary>Median CC-R2*, s⁻¹.</summary>
        public required double? MedianR2StarPerSecond { get; init; }
        /// <summary>Median PDFF, percent.</summary>
        public required double? MedianFatFractionPercent { get; init; }
        /// <summary>Field strength, tesla.</summary>
        public required double FieldStrengthT { get; init; }
        /// <summary>Fat spectrum.</summary>
        public required string Spectrum { get; init; }
        /// <summary>Echo times, ms.</summary>
        public required IReadOnlyList<double> EchoTimesMs { get; init; }
        /// <summary>Series description.</summary>
        public required string Source { get; init; }
        /// <summary>Caveats.</summary>
        public required IReadOnlyList<string> Warnings { get; init; }
    }

    /// <summary>True when <paramref name="model"/> names the fat–water model.</summary>
    public static bool IsFatWater(string model) => string.Equals(model, ModelName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Options from the command line; the field is required (from --field or the series).</summary>
    internal static FatWaterOptions Options(double? field, double? seriesField, string? spectrum, double? noise, int coils)
    {
        double f = field ?? seriesField ?? throw new BadInputException("--model fatwater needs the field strength: give --field 1.5 or 3 (the series does not say).");
        if (!(f >= 0.1 && f <= 11.7)) throw new BadInputException($"--field {f} is outside 0.1…11.7 T.");
        var s = spectrum is null ? FatSpectra.Hamilton2011 : Wrap(() => FatSpectra.Get(spectrum));
        return new FatWaterOptions { FieldStrengthT = f, Spectrum = s, NoiseSigma = noise, CoilCount = coils };
    }

    /// <summary>`fit --model fatwater` on values or on the ROI mean of one slice.</summary>
    internal static FatWaterFitReport Fit(ChemicalShiftSeries? series, string reason, int slice, IronNotebooks.Roi.RoiShape? roi, string? roiSpec, IReadOnlyList<double>? te,
        IReadOnlyList<double>? signal, FatWaterOptions options)
    {
        if (series is not null)
        {
            var r = Wrap(() => series.HasPhase ? RoiComplexFatWaterFit.Fit(series, slice, roi!, options) : RoiFatWaterFit.Fit(series.Magnitude, slice, roi!, options));
            return ToReport(r.Fit, [.. r.Echoes.Select(e => e.Mean)], series.Magnitude.Description, slice, roiSpec, r.PixelCount, series.Magnitude.Warnings, KindReason(series, reason));
        }
        var fit = Wrap(() => FatWaterFit.FitMagnitude(te!, signal!, options));
        return ToReport(fit, signal!, "values given on the command line", null, null, null, [], "magnitude values given with --te/--signal");
    }

    /// <summary>Why the fit kind: the phase source for complex fits, the absence of phase for magnitude fits.</summary>
    private static string KindReason(ChemicalShiftSeries series, string reason) => series.HasPhase
        ? $"complex fit with the region-grown field map: {reason}"
        : $"magnitude fit (two branches compared): {reason}";

    private static FatWaterFitReport ToReport(FatWaterFitResult r, IReadOnlyList<double> signal, string source, int? slice, string? roi, int? pixels, IReadOnlyList<string> extra,
        string kindReason)
    {
        double? Opt(double v) => r.IsUsable && double.IsFinite(v) ? v : null;
        return new FatWaterFitReport
        {
            R2StarPerSecond = Opt(r.R2StarPerSecond), FatFractionPercent = Opt(r.FatFractionPercent), WaterSignal = Opt(r.WaterSignal), FatSignal = Opt(r.FatSignal),
            SwapSuspected = r.SwapSuspected, BranchMargin = r.BranchMargin, Branch = r.Branch, OtherBranchFatFractionPercent = Opt(r.OtherBranchFatFractionPercent),
            OtherBranchR2StarPerSecond = Opt(r.OtherBranchR2StarPerSecond), R2StarKind = "confounderCorrected", FitKind = r.Kind, FitKindReason = kindReason,
            FieldMapHz = r.FieldMapHz is double hz && double.IsFinite(hz) ? hz : null, Model = ModelName, Spectrum = r.Spectrum,
            FieldStrengthT = r.FieldStrengthT, Status = r.Status, Iterations = r.Iterations, NoiseSigma = r.NoiseSigma, EchoTimesMs = r.EchoTimesMs,
            Signal = signal, Source = source, Slice = slice, Roi = roi, Pixels = pixels, Warnings = [.. r.Warnings, .. extra],
            R2StarStandardErrorPerSecond = OptSe(r.R2StarStandardErrorPerSecond), FatFractionStandardErrorPercent = OptSe(r.FatFractionStandardErrorPercent),
            WaterSignalStandardError = OptSe(r.WaterSignalStandardError), FatSignalStandardError = OptSe(r.FatSignalStandardError),
            BiasCorrection = r.IsUsable ? r.BiasCorrection : null,
        };
        double? OptSe(double? v) => r.IsUsable && v is double x && double.IsFinite(x) ? x : null;
    }

    /// <summary>Prints a fit report as text.</summary>
    internal static void PrintFit(FatWaterFitReport r, TextWriter output)
    {
        output.WriteLine(r.R2StarPerSecond is null
            ? $"fatwater: no usable fit ({r.Status})"
            : string.Create(CultureInfo.InvariantCulture,
                $"fatwater {r.FitKind} ({r.Spectrum}, {r.FieldStrengthT} T): CC-R2* = {r.R2StarPerSecond:0.##}{Pm(r.R2StarStandardErrorPerSecond)} s⁻¹, PDFF = {r.FatFractionPercent:0.##}{Pm(r.FatFractionStandardErrorPercent)} %, water {r.WaterSignal:0.#}, fat {r.FatSignal:0.#}, {r.Branch} branch (margin {r.BranchMargin:0.##}){(r.SwapSuspected ? ", SWAP SUSPECTED" : "")}"));
        output.WriteLine($"fit kind: {r.FitKindReason}");
        if (r.BiasCorrection is { } b) output.WriteLine($"bias correction: {b.Reason}");
        foreach (var w in r.Warnings) output.WriteLine($"warning: {w}");
        static string Pm(double? se) => se is double v ? string.Create(CultureInfo.InvariantCulture, $" ± {v:0.##} (SE)") : "";
    }

    /// <summary>`map --model fatwater`: CSV (both maps per pixel) or a folder with r2star/ and pdff/ DICOM series.</summary>
    internal static FatWaterMapReport Map(ChemicalShiftSeries chemicalShift, string reason, FatWaterOptions options, double maskThreshold, string outPath, IReadOnlyList<string> loadWarnings)
    {
        var series = chemicalShift.Magnitude;
        // Refuse an output inside the inputs (magnitude or phase folders) before spending minutes on the map.
        var inputs = R2StarMapWriter.InputFolders(series).Concat(chemicalShift.PhaseRadians is { } phase ? R2StarMapWriter.InputFolders(phase) : []);
        AtomicOutput.RefuseInsideInputs(outPath, inputs, "--out");
        var mapOptions = new FatWaterMapOptions { Fit = options, MaskThreshold = maskThreshold };
        var result = Wrap(() => chemicalShift.HasPhase ? FatWaterMap.ComputeComplex(chemicalShift, mapOptions) : FatWaterMap.Compute(series, mapOptions));
        var warnings = new List<string>(loadWarnings);
        var full = Path.GetFullPath(outPath);
        if (full.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) AtomicOutput.WriteFile(full, stream => WriteCsv(result, stream), "--out");
        else
        {
            warnings.AddRange(WriteDicom(result, series, Path.Combine(full, "r2star"), s => s.R2StarPerSecond, "R2STAR", "CC-R2* map (1/s = stored x 0.1)"));
            warnings.AddRange(WriteDicom(result, series, Path.Combine(full, "pdff"), s => s.FatFractionPercent, "PDFF", "PDFF map (% = stored x 0.1, negative values stored as 0)"));
        }
        if (result.SwapSuspectedPixels > 0)
            warnings.Add($"{result.SwapSuspectedPixels} pixel(s) have an ambiguous water/fat branch (swapSuspected): read PDFF there with care.");
        if (result.BeyondMeasurableRangePixels > 0)
            warnings.Add($"{result.BeyondMeasurableRangePixels} pixel(s) are beyond the measurable range (T2* shorter than the first echo); they are left empty.");
        double? Median(Func<FatWaterMapSlice, float[]> pick)
        {
            var v = result.Slices.SelectMany(pick).Where(float.IsFinite).Select(x => (double)x).Order().ToList();
            return v.Count > 0 ? v[v.Count / 2] : null;
        }
        return new FatWaterMapReport
        {
            Model = ModelName, Out = full, Slices = result.Slices.Count, FittedPixels = result.FittedPixels, MaskedPixels = result.MaskedPixels,
            FailedPixels = result.FailedPixels, BeyondMeasurableRangePixels = result.BeyondMeasurableRangePixels, SwapSuspectedPixels = result.SwapSuspectedPixels,
            BiasCorrectedPixels = result.BiasCorrectedPixels, FitKind = result.Kind, FitKindReason = KindReason(chemicalShift, reason),
            MedianR2StarPerSecond = Median(s => s.R2StarPerSecond), MedianFatFractionPercent = Median(s => s.FatFractionPercent), FieldStrengthT = result.FieldStrengthT,
            Spectrum = result.Spectrum, EchoTimesMs = result.EchoTimesMs, Source = result.Source, Warnings = warnings,
        };
    }

    private static void WriteCsv(FatWaterMapResult result, Stream stream)
    {
        using var w = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        w.WriteLine("slice,x,y,r2StarPerSecond,fatFractionPercent,waterSignal,fatSignal,swapSuspected,status");
        string F(float v) => float.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
        foreach (var s in result.Slices)
            for (int y = 0; y < s.Rows; y++)
                for (int x = 0; x < s.Columns; x++)
                {
                    int i = y * s.Columns + x;
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{s.SliceIndex},{x},{y},{F(s.R2StarPerSecond[i])},{F(s.FatFractionPercent[i])},{F(s.WaterSignal[i])},{F(s.FatSignal[i])},{(s.SwapSuspected[i] ? 1 : 0)},{System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(s.Status[i].ToString())}"));
                }
    }

    /// <summary>One map as a DICOM series in <paramref name="folder"/> (atomically; an earlier map of the same kind is replaced),
    /// each slice on its source slice's geometry (<see cref="DerivedMapDicom"/>), 0.1 units per stored value.</summary>
    private static IEnumerable<string> WriteDicom(FatWaterMapResult result, MultiEchoSeries source, string folder, Func<FatWaterMapSlice, float[]> pick, string type, string what)
    {
        const double Step = 0.1;
        int above = 0;
        // Map slice k is source slice k (FatWaterMap keeps the series' order).
        AtomicOutput.WriteFolder(folder, f => above = DerivedMapDicom.Write(f, source,
                [.. result.Slices.Select((s, k) => new DerivedMapDicom.MapSlice(source.Slices[k], pick(s)))], Step, type,
                $"{what}, fatwater {result.Spectrum}, from {source.Description}"),
            file => DerivedMapDicom.IsEarlierMap(file, type), $"an earlier ironnb {type} map", "--out");
        return above == 0 ? [] : [string.Create(CultureInfo.InvariantCulture,
            $"{above} pixel(s) of the {type} map above {ushort.MaxValue * Step:0.#} are stored as that maximum (the CSV output keeps them)")];
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
}
