using System.Globalization;
using IronNotebooks.FatWater.Internal;
using IronNotebooks.Relaxometry;

namespace IronNotebooks.FatWater;

/// <summary>
/// Fat–water fits of one chemical-shift-encoded multi-echo signal (docs/methods.md §6):
/// <c>FatWaterFit.FitMagnitude(echoTimesMs, magnitude, FatWaterOptions.At(1.5))</c> gives CC-R2*, PDFF, water and fat
/// signals, the branch kept and its margin. Model S(t) = (W + F·c(t))·e^(−R2*·t)·e^(i2πψt), c(t) = Σ αp·e^(i2πfp·t) from
/// <see cref="FatSpectrum"/> (Yu et al., MRM 2008;60:1122; Hernando et al., MRM 2010;63:79).
/// </summary>
public static class FatWaterFit
{
    /// <summary>
    /// Magnitude fit (water, fat, common R2*). Magnitude data cannot tell PDFF p from 100 − p, so both branches are fitted
    /// (η ≤ ½ and η ≥ ½) and the lower residual kept; <see cref="FatWaterFitResult.BranchMargin"/> says by how much. With
    /// <see cref="FatWaterOptions.NoiseSigma"/> the fit is noise-floor aware (second moment).
    /// </summary>
    /// <param name="echoTimesMs">Echo times, ms, strictly increasing, at least 4, one near opposed phase.</param>
    /// <param name="magnitude">Magnitude per echo, finite.</param>
    /// <param name="options">Field, spectrum, noise.</param>
    /// <exception cref="ArgumentException">Too few echoes, no echo near opposed phase, unsorted echoes, NaN, bad options.</exception>
    public static FatWaterFitResult FitMagnitude(IReadOnlyList<double> echoTimesMs, IReadOnlyList<double> magnitude, FatWaterOptions options)
    {
        Guard.NotNull(magnitude);
        FatWaterValidation.Check(echoTimesMs, magnitude.Count, options, FatWaterValidation.MagnitudeMinimumEchoes, "magnitude");
        for (int i = 0; i < magnitude.Count; i++)
            if (!double.IsFinite(magnitude[i])) throw new ArgumentException($"magnitude[{i}] = {magnitude[i]} is not finite.", nameof(magnitude));
        var engine = new MagnitudeFatWaterEngine(echoTimesMs, options);
        engine.Fit([.. magnitude], out var water, out var fat, out double noiseVariance);
        var result = FromBranches(water, fat, noiseVariance, echoTimesMs, options, magnitude.Count(v => v <= 0));
        bool waterKept = result.Branch == FatWaterBranch.WaterDominant;
        var kept = waterKept ? water : fat;
        result = WithStandardErrors(result, engine.Errors(kept), kept);
        return options.NoiseSigma is null ? result : WithBiasCorrection(result, engine.Bias(kept, waterKept), kept);
    }

    /// <summary>Subtracts the kept branch's second-order bias when it applies (σ known), and says what was done or why not.
    /// The standard errors stay those of the likelihood optimum (the correction moves the estimate by a fraction of them).</summary>
    private static FatWaterFitResult WithBiasCorrection(FatWaterFitResult r, in BranchBias bias, in BranchFit kept)
    {
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        string reason = bias.Outcome switch
        {
            BiasOutcome.NoKnownNoise => "not applied: the second-moment fit of more than one channel (the correction is derived for one channel's likelihood)",
            BiasOutcome.Singular => "not applied: the model's Jacobian is singular at the estimate",
            BiasOutcome.OnBranchBound => "not applied: PDFF or R2* on a bound of the search (an active constraint)",
            BiasOutcome.NearFold => F($"not applied: PDFF 50 % (where the water and fat branches meet and the expansion fails) is within two standard errors ({100 * bias.EtaStandardError:0.##} points)"),
            BiasOutcome.LeavesBranch => "not applied: the corrected PDFF would leave its branch (or R2* fall below 0)",
            _ => F($"Box 1971 second-order bias subtracted: PDFF {-100 * bias.Eta:+0.###;-0.###;0} points, R2* {-bias.Rate:+0.###;-0.###;0} s⁻¹"),
        };
        if (bias.Outcome != BiasOutcome.Applied)
            return r with { BiasCorrection = new FatWaterBiasCorrection { Applied = false, FatFractionShiftPercent = 0, R2StarShiftPerSecond = 0, Reason = reason } };
        double amplitude = kept.Amplitude - bias.Amplitude, eta = kept.Eta - bias.Eta;
        return r with
        {
            R2StarPerSecond = kept.Rate - bias.Rate,
            FatFractionPercent = 100 * eta,
            WaterSignal = amplitude * (1 - eta),
            FatSignal = amplitude * eta,
            BiasCorrection = new FatWaterBiasCorrection { Applied = true, FatFractionShiftPercent = -100 * bias.Eta, R2StarShiftPerSecond = -bias.Rate, Reason = reason },
        };
    }

    /// <summary>Adds the kept branch's standard errors (delta method from the covariance of A, η, R2*): W = A(1 − η), F = A·η.</summary>
    private static FatWaterFitResult WithStandardErrors(FatWaterFitResult r, in BranchErrors e, in BranchFit kept)
    {
        if (!double.IsFinite(e.Rate) || !double.IsFinite(e.Eta) || !double.IsFinite(e.Amplitude)) return r;
        double a = kept.Amplitude, eta = kept.Eta, va = e.Amplitude * e.Amplitude, ve = e.Eta * e.Eta, c = e.AmplitudeEtaCovariance;
        double vw = (1 - eta) * (1 - eta) * va + a * a * ve - 2 * a * (1 - eta) * c;
        double vf = eta * eta * va + a * a * ve + 2 * a * eta * c;
        return r with
        {
            R2StarStandardErrorPerSecond = e.Rate,
            FatFractionStandardErrorPercent = 100 * e.Eta,
            WaterSignalStandardError = Math.Sqrt(Math.Max(vw, 0)),
            FatSignalStandardError = Math.Sqrt(Math.Max(vf, 0)),
        };
    }

    /// <summary>
    /// Complex fit of one pixel on its own (water, fat, field map ψ, R2*): a ψ grid over one aliasing period 1/ΔTE, then
    /// Levenberg–Marquardt from the best minimum; the second-best minimum gives the margin. Prefer
    /// <see cref="FatWaterMap.ComputeComplex"/> for images: a regularised field map avoids swaps a single pixel cannot.
    /// </summary>
    /// <param name="echoTimesMs">Echo times, ms, at least 3, one near opposed phase.</param>
    /// <param name="real">Real part per echo.</param>
    /// <param name="imaginary">Imaginary part per echo.</param>
    /// <param name="options">Field, spectrum.</param>
    /// <exception cref="ArgumentException">As <see cref="FitMagnitude"/>; real and imaginary of different lengths.</exception>
    public static FatWaterFitResult FitComplex(IReadOnlyList<double> echoTimesMs, IReadOnlyList<double> real, IReadOnlyList<double> imaginary, FatWaterOptions options)
    {
        Guard.NotNull(real);
        Guard.NotNull(imaginary);
        Guard.SameLength(real.Count, imaginary.Count, nameof(real), nameof(imaginary));
        FatWaterValidation.Check(echoTimesMs, real.Count, options, FatWaterValidation.ComplexMinimumEchoes, "complex");
        var engine = new ComplexFatWaterEngine(echoTimesMs, options);
        var y = new System.Numerics.Complex[real.Count];
        for (int k = 0; k < y.Length; k++)
        {
            if (!double.IsFinite(real[k]) || !double.IsFinite(imaginary[k])) throw new ArgumentException($"Echo {k} is not finite.", nameof(real));
            y[k] = new(real[k], imaginary[k]);
        }
        var candidates = engine.Candidates(y);
        var best = engine.Refine(y, candidates.Best.FieldHz, candidates.Best.Rate);
        ComplexFit? other = candidates.Second is { } s ? engine.Refine(y, s.FieldHz, s.Rate) : null;
        if (other is { } ot && ot.Cost < best.Cost) (best, other) = (ot, best);
        var result = FromComplex(best, other, FatWaterFitKind.ComplexIndependent, echoTimesMs, options, regularisedAway: false);
        double noiseVariance = options.NoiseSigma is double sigma ? sigma * sigma / options.AveragedPixels : double.NaN;
        return engine.Errors(best, noiseVariance) is { } e
            ? result with
            {
                R2StarStandardErrorPerSecond = e.Rate, FatFractionStandardErrorPercent = e.FatFractionPercent,
                WaterSignalStandardError = e.Water, FatSignalStandardError = e.Fat,
            }
            : result;
    }

    internal static FatWaterFitResult FromBranches(in BranchFit water, in BranchFit fat, double noiseVariance, IReadOnlyList<double> te, FatWaterOptions o, int nonPositive)
    {
        var warnings = new List<string>();
        bool waterKept = KeepWater(water, fat, noiseVariance, te.Count, o);
        var kept = waterKept ? water : fat;
        var other = waterKept ? fat : water;
        double margin = SignedMargin(kept.Cost, other.Cost, noiseVariance, te.Count, 3);
        bool ambiguous = Ambiguous(margin, o);
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        if (ambiguous && margin < 0)
            warnings.Add(F($"Water/fat ambiguous: the fat-dominant branch (PDFF {100 * other.Eta:0.#} %) fits better by {-margin:0.##} noise variances, not by the {o.FatBranchMinimumMargin} the liver prior asks; the water-dominant branch is kept. Check with complex data or the liver context."));
        else if (ambiguous)
            warnings.Add(F($"Water/fat ambiguous: the other branch (PDFF {100 * other.Eta:0.#} %) fits almost as well (margin {margin:0.##} < {o.AmbiguityMargin}); check with complex data or the liver context."));
        if (!waterKept)
            warnings.Add(F($"Fat-dominant solution kept (PDFF {100 * kept.Eta:0.#} %): rare in liver; the water-dominant branch gives PDFF {100 * other.Eta:0.#} %, R2* {other.Rate:0.#} s⁻¹."));
        if (nonPositive > 0) warnings.Add($"{nonPositive} echo(es) have zero or negative magnitude.");
        var status = kept.Status;
        if (status == DecayFitStatus.MaxIterations) warnings.Add($"Did not converge within {o.MaxIterations} iterations; the last iterate is reported.");
        if (kept.Rate >= o.MaxR2StarPerSecond * 0.999)
            warnings.Add(F($"R2* reached the search limit {o.MaxR2StarPerSecond} s⁻¹: the decay is over before the echo train (beyond measurable range)."));
        else if (kept.Rate > 0 && 1000 / kept.Rate < te[0])
            warnings.Add(F($"T2* = {1000 / kept.Rate:0.##} ms is shorter than the first echo ({te[0]} ms): beyond the measurable range of this echo train."));
        return new FatWaterFitResult
        {
            Kind = FatWaterFitKind.Magnitude,
            R2StarPerSecond = kept.Rate,
            FatFractionPercent = 100 * kept.Eta,
            WaterSignal = kept.Amplitude * (1 - kept.Eta),
            FatSignal = kept.Amplitude * kept.Eta,
            Branch = waterKept ? FatWaterBranch.WaterDominant : FatWaterBranch.FatDominant,
            BranchMargin = margin,
            SwapSuspected = ambiguous || !waterKept,
            OtherBranchFatFractionPercent = 100 * other.Eta,
            OtherBranchR2StarPerSecond = other.Rate,
            Rmse = Math.Sqrt(kept.Rss / te.Count),
            Iterations = kept.Iterations,
            Status = status,
            EchoTimesMs = [.. te],
            FieldStrengthT = o.FieldStrengthT,
            Spectrum = o.Spectrum.Name,
            NoiseSigma = o.NoiseSigma,
            Warnings = warnings,
        };
    }

    internal static FatWaterFitResult FromComplex(in ComplexFit best, ComplexFit? other, FatWaterFitKind kind, IReadOnlyList<double> te, FatWaterOptions o, bool regularisedAway)
    {
        var warnings = new List<string>();
        double margin = other is { } ot ? Margin(best.Cost, ot.Cost, 2 * te.Count, 6) : MarginCap;
        bool ambiguous = margin < o.AmbiguityMargin;
        if (ambiguous) warnings.Add(string.Create(CultureInfo.InvariantCulture,
            $"Two field-map solutions fit almost equally (margin {margin:0.##}); water and fat may be swapped."));
        if (regularisedAway) warnings.Add("The regularised field map overrode a clearly better pixel-wise solution: suspected swap.");
        double pdff = best.FatFractionPercent;
        bool fatDominant = pdff > 50;
        return new FatWaterFitResult
        {
            Kind = kind,
            R2StarPerSecond = best.Rate,
            FatFractionPercent = pdff,
            WaterSignal = best.Water.Magnitude,
            FatSignal = best.Fat.Magnitude,
            FieldMapHz = best.FieldHz,
            Branch = fatDominant ? FatWaterBranch.FatDominant : FatWaterBranch.WaterDominant,
            BranchMargin = margin,
            SwapSuspected = ambiguous || regularisedAway,
            OtherBranchFatFractionPercent = other?.FatFractionPercent ?? double.NaN,
            OtherBranchR2StarPerSecond = other?.Rate ?? double.NaN,
            Rmse = Math.Sqrt(best.Cost / (2 * te.Count)),
            Iterations = best.Iterations,
            Status = best.Status,
            EchoTimesMs = [.. te],
            FieldStrengthT = o.FieldStrengthT,
            Spectrum = o.Spectrum.Name,
            Warnings = warnings,
        };
    }

    /// <summary>
    /// The branch rule: keep the lower residual, except that with <see cref="FatWaterOptions.PreferWaterDominant"/> (liver:
    /// PDFF is almost always below 50 %) the fat-dominant branch must win by more than <see cref="FatWaterOptions.AmbiguityMargin"/>
    /// noise variances; a closer call keeps the water branch and is flagged.
    /// </summary>
    internal static bool KeepWater(in BranchFit water, in BranchFit fat, double noiseVariance, int n, FatWaterOptions o)
    {
        if (fat.Status == DecayFitStatus.Failed) return true;
        if (water.Status == DecayFitStatus.Failed) return false;
        if (!o.PreferWaterDominant) return water.Cost <= fat.Cost;
        return !(SignedMargin(fat.Cost, water.Cost, noiseVariance, n, 3) > o.FatBranchMinimumMargin);
    }

    /// <summary>A magnitude branch choice is flagged when the margin is below <see cref="FatWaterOptions.AmbiguityMargin"/>,
    /// including a water branch kept although the fat branch fits better (negative margin).</summary>
    internal static bool Ambiguous(double signedMargin, FatWaterOptions o) => signedMargin < o.AmbiguityMargin;

    /// <summary>(other − kept) / σ̂², negative when the kept branch fits worse, capped at ±<see cref="MarginCap"/>. σ̂² is the
    /// known noise variance when σ was given (NaN otherwise), else kept / (n − p).</summary>
    internal static double SignedMargin(double kept, double other, double noiseVariance, int n, int p)
    {
        double sigma2 = double.IsNaN(noiseVariance) ? kept / Math.Max(n - p, 1) : noiseVariance;
        double diff = other - kept;
        if (sigma2 <= 1e-300) return diff > 0 ? MarginCap : diff < 0 ? -MarginCap : 0;
        return Math.Clamp(diff / sigma2, -MarginCap, MarginCap);
    }

    /// <summary>Margins are capped here (an exact, noiseless fit would otherwise give infinity, which JSON cannot carry).</summary>
    public const double MarginCap = 1e6;

    /// <summary>(other − kept) / σ̂², σ̂² = kept / (n − p), capped at <see cref="MarginCap"/>.</summary>
    internal static double Margin(double kept, double other, int n, int p)
    {
        double sigma2 = kept / Math.Max(n - p, 1);
        double diff = Math.Max(other - kept, 0);
        if (sigma2 <= 1e-300) return diff > 0 ? MarginCap : 0;
        return Math.Min(diff / sigma2, MarginCap);
    }
}
