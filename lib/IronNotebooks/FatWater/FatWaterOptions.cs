namespace IronNotebooks.FatWater;

/// <summary>Settings of the fat–water fits (<see cref="FatWaterFit"/>, <see cref="FatWaterMap"/>); change with <c>with</c>.</summary>
public sealed record FatWaterOptions
{
    /// <summary>Field strength of the scan, tesla (sets the fat frequencies). Required: the fat peaks move with B0.</summary>
    public required double FieldStrengthT { get; init; }

    /// <summary>The fat spectrum; <see cref="FatSpectra.Hamilton2011"/> by default.</summary>
    public FatSpectrum Spectrum { get; init; } = FatSpectra.Hamilton2011;

    /// <summary>Noise σ per channel (magnitude images), signal units. When set, magnitude fits are noise-floor aware: the squared
    /// magnitude is fitted against its expectation M² = A²·|…|²·e^(−2R2*·t) + 2Lσ² (the second-moment correction of the decay
    /// models), and with one channel (L = 1) that optimum is refined to the Rician maximum likelihood, which removes the
    /// floor's bias at late echoes without the second moment's variance at high R2*. σ also scales the standard errors.
    /// Null: plain least squares on the magnitude.</summary>
    public double? NoiseSigma { get; init; }

    /// <summary>How many pixels' magnitudes the fitted signal averages (an ROI mean: <see cref="RoiFatWaterFit"/>), default 1.
    /// The Rician floor stays that of one pixel (σ), but the data's noise variance is σ²/N: it scales the standard errors and
    /// the bias correction. The branch margin stays in one pixel's noise variances: in an ROI mean, model error (T1, the fat
    /// spectrum, heterogeneity) outweighs σ²/N, and a margin in σ²/N would let it pick the fat branch.</summary>
    public int AveragedPixels { get; init; } = 1;

    /// <summary>Receive channels L of a sum-of-squares combination (1 = Rician).</summary>
    public int CoilCount { get; init; } = 1;

    /// <summary>Iteration limit of each branch's Levenberg–Marquardt refinement.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Relative step that counts as converged.</summary>
    public double RelativeTolerance { get; init; } = 1e-7;

    /// <summary>A branch margin |ΔSSR| / σ̂² below this makes the water/fat choice ambiguous: the result is flagged
    /// <see cref="FatWaterFitResult.SwapSuspected"/>. Default 4 (two noise SDs).</summary>
    public double AmbiguityMargin { get; init; } = 4.0;

    /// <summary>With <see cref="PreferWaterDominant"/>, the fat-dominant branch is kept only when it fits better than the
    /// water-dominant one by more than this many noise variances (ΔSSR/σ², or 2·Δlog-likelihood with σ known). Default 9:
    /// when the two branches differ by d noise variances without noise, the observed difference is ≈ d ± 2√d, so a
    /// water-dominant liver loses to its fat mirror with probability at most Φ(−√9) = 0.13 % (worst case d = 9), against
    /// 2.3 % with a threshold of 4 — each such swap moves PDFF by 50–90 points, which at 4 made a 1–3 point bias at high R2*
    /// (docs/methods.md §6).</summary>
    public double FatBranchMinimumMargin { get; init; } = 9.0;

    /// <summary>Liver prior (docs/methods.md §6: liver PDFF is almost always below 50 %): keep the water-dominant branch
    /// unless the fat-dominant one fits better by more than <see cref="FatBranchMinimumMargin"/> noise variances. False keeps the
    /// lower residual whatever the margin (other tissues). Default true.</summary>
    public bool PreferWaterDominant { get; init; } = true;

    /// <summary>Largest R2* searched, s⁻¹.</summary>
    public double MaxR2StarPerSecond { get; init; } = 3000;

    /// <summary>Options at <paramref name="fieldStrengthT"/> with the Hamilton 2011 spectrum.</summary>
    public static FatWaterOptions At(double fieldStrengthT) => new() { FieldStrengthT = fieldStrengthT };
}
