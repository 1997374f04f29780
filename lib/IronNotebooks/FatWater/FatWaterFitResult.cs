using IronNotebooks.Relaxometry;

namespace IronNotebooks.FatWater;

/// <summary>
/// One fat–water fit: confounder-corrected R2* (CC-R2*, common to water and fat), proton-density fat fraction and the
/// water and fat signals, with the branch chosen and how clearly (docs/methods.md §6). When <see cref="Status"/> is not
/// usable the numbers are NaN and <see cref="Warnings"/> says why.
/// </summary>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record FatWaterFitResult
{
    /// <summary>Magnitude, complex pixel-independent or complex regularised.</summary>
    public required FatWaterFitKind Kind { get; init; }

    /// <summary>Confounder-corrected R2*, s⁻¹ (water and fat share it).</summary>
    public required double R2StarPerSecond { get; init; }

    /// <summary>Proton-density fat fraction, percent: F / (W + F). Not clipped to 0–100: clipping would bias low-fat livers
    /// upward (the noise-bias correction for magnitude fits); complex fits use magnitude discrimination (Liu 2007).</summary>
    public required double FatFractionPercent { get; init; }

    /// <summary>Water signal at TE = 0, signal units.</summary>
    public required double WaterSignal { get; init; }

    /// <summary>Fat signal at TE = 0, signal units.</summary>
    public required double FatSignal { get; init; }

    /// <summary>Off-resonance ψ, Hz (complex fits; null for magnitude fits).</summary>
    public double? FieldMapHz { get; init; }

    /// <summary>The branch kept.</summary>
    public required FatWaterBranch Branch { get; init; }

    /// <summary>(cost of the other branch − cost of the kept one) / σ̂²: how many noise variances separate the two solutions
    /// (negative when the liver prior kept the water branch although it fits worse). Magnitude fits with σ known: 2·Δ Rician
    /// log-likelihood (several channels: second-moment ΔSSR / (4σ²·mean M²)); without σ: ΔSSR / σ̂², σ̂² = SSR_kept / (n − 3).
    /// A margin below <see cref="FatWaterOptions.AmbiguityMargin"/> makes the choice a coin toss (flagged). Capped at ±10⁶.</summary>
    public required double BranchMargin { get; init; }

    /// <summary>True when the water/fat assignment may be swapped: an ambiguous branch margin, a fat-dominant liver-range
    /// result, or (complex regularised) a pixel whose data prefer another field-map solution strongly.</summary>
    public required bool SwapSuspected { get; init; }

    /// <summary>PDFF of the branch not kept, percent.</summary>
    public required double OtherBranchFatFractionPercent { get; init; }

    /// <summary>R2* of the branch not kept, s⁻¹.</summary>
    public required double OtherBranchR2StarPerSecond { get; init; }

    /// <summary>Standard error of <see cref="R2StarPerSecond"/>, s⁻¹: covariance v·(JᵀJ)⁻¹ from the Jacobian of the model at the
    /// solution — magnitude fits in (A, η, R2*), v = σ²/N with σ given (N = <see cref="FatWaterOptions.AveragedPixels"/>) or
    /// SSR/(n − 3); complex fits in (W, F, ψ, R2*), v = σ²/N or Σ|r|²/(2n − 6). Null when singular or without residual degrees
    /// of freedom (three complex echoes and no σ). For LicUncertainty.WithInterval's fit component.</summary>
    public double? R2StarStandardErrorPerSecond { get; init; }

    /// <summary>Standard error of <see cref="FatFractionPercent"/>, percentage points (as <see cref="R2StarStandardErrorPerSecond"/>).</summary>
    public double? FatFractionStandardErrorPercent { get; init; }

    /// <summary>Standard error of <see cref="WaterSignal"/>, signal units (delta method from the covariance of A and η).</summary>
    public double? WaterSignalStandardError { get; init; }

    /// <summary>Standard error of <see cref="FatSignal"/>, signal units.</summary>
    public double? FatSignalStandardError { get; init; }

    /// <summary>The second-order bias correction of a magnitude fit with σ known (applied or why not); null for fits without
    /// σ and for complex fits.</summary>
    public FatWaterBiasCorrection? BiasCorrection { get; init; }

    /// <summary>Root-mean-square residual of the kept solution against the magnitudes, signal units (magnitude fits), or of the
    /// complex residual (complex fits).</summary>
    public required double Rmse { get; init; }

    /// <summary>Iterations of the kept branch's refinement.</summary>
    public required int Iterations { get; init; }

    /// <summary>How the fit ended (<see cref="DecayFitStatus.Converged"/>, <see cref="DecayFitStatus.MaxIterations"/> or
    /// <see cref="DecayFitStatus.Failed"/>).</summary>
    public required DecayFitStatus Status { get; init; }

    /// <summary>Echo times fitted, ms.</summary>
    public required IReadOnlyList<double> EchoTimesMs { get; init; }

    /// <summary>Field strength, tesla.</summary>
    public required double FieldStrengthT { get; init; }

    /// <summary>Registry name of the fat spectrum.</summary>
    public required string Spectrum { get; init; }

    /// <summary>Noise σ the fit was given (noise-floor-aware fit), or null.</summary>
    public double? NoiseSigma { get; init; }

    /// <summary>Caveats: ambiguity, fat-dominant result, non-convergence, decay beyond the echo train.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>True when <see cref="Status"/> is converged.</summary>
    public bool IsUsable => Status == DecayFitStatus.Converged;

    /// <summary>R2* kind of <see cref="R2StarPerSecond"/>: always confounder-corrected.</summary>
    public Calibration.R2StarKind R2StarKind => Calibration.R2StarKind.ConfounderCorrected;
}
