namespace IronNotebooks.Relaxometry;

/// <summary>Settings of the decay-fit engines; change with <c>with</c>: <c>DecayFitOptions.Default with { NoiseSigma = 12 }</c>.</summary>
/// <param name="MaxIterations">Levenberg–Marquardt iteration limit (1–10,000; default 1,000).</param>
/// <param name="RelativeTolerance">Stop when the relative decrease of the residual sum of squares, or the relative step
/// length, falls below this (default 1e-12).</param>
/// <param name="NoiseSigma">Standard deviation σ of the Gaussian noise in each of the real and imaginary channels, in
/// signal units (for magnitude images: the Rician σ, e.g. from <see cref="Roi.NoiseEstimate"/>). Required by the
/// truncation and noise-corrected models; used by every model for the "too few echoes above noise" warning.</param>
/// <param name="TruncationNoiseFactor">Truncation drops the first echo whose signal is below this multiple of σ and all
/// later echoes (default 2, Wood &amp; Ghugre's ≈ 2× noise rule; docs/methods.md §4).</param>
/// <param name="CoilCount">Receiver coils L combined by root-sum-of-squares (1–128; default 1, i.e. Rician noise). The
/// second-moment model subtracts the noise power 2Lσ² of the non-central χ distribution with 2L degrees of freedom.</param>
public sealed record DecayFitOptions(int MaxIterations = 1000, double RelativeTolerance = 1e-12, double? NoiseSigma = null,
    double TruncationNoiseFactor = 2.0, int CoilCount = 1)
{
    /// <summary>The defaults.</summary>
    public static DecayFitOptions Default { get; } = new();
}
