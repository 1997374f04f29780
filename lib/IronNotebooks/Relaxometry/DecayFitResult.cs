namespace IronNotebooks.Relaxometry;

/// <summary>
/// One fitted decay. Time in the models is TE in seconds so rates are in s⁻¹. When <see cref="Status"/> is
/// <see cref="DecayFitStatus.TooFewEchoes"/> or <see cref="DecayFitStatus.Failed"/> the numeric values are NaN and
/// <see cref="Warnings"/> says why.
/// </summary>
/// <param name="Model">Registry name of the model (<see cref="DecayModels"/>).</param>
/// <param name="R2StarPerSecond">Decay rate R2* (or R2 for spin-echo data), s⁻¹; for the bi-exponential model the faster component.</param>
/// <param name="T2StarMs">1000 / R2*, ms.</param>
/// <param name="S0">Fitted signal at TE = 0, signal units.</param>
/// <param name="Offset">The constant C of the offset model, signal units; null for models without one.</param>
/// <param name="Rmse">Root-mean-square residual of the fitted model against the echoes used, signal units.</param>
/// <param name="EchoesUsed">Number of echoes that entered the fit (after truncation or exclusion of non-positive signal).</param>
/// <param name="Iterations">Levenberg–Marquardt iterations; 0 for closed forms.</param>
/// <param name="Status">How the fit ended.</param>
/// <param name="ExitReason">The stopping rule that fired, in words.</param>
/// <param name="R2StarStandardErrorPerSecond">Asymptotic standard error of R2* (covariance σ̂²(JᵀJ)⁻¹, σ̂² = SSR/(n − p)),
/// s⁻¹; null when the model gives none or n = p.</param>
/// <param name="S0StandardError">Standard error of S0, signal units, or null.</param>
/// <param name="OffsetStandardError">Standard error of the offset, signal units, or null.</param>
/// <param name="SecondComponent">Bi-exponential only: the slower component.</param>
/// <param name="NoiseSigma">The noise σ the fit was given, or null.</param>
/// <param name="Warnings">Caveats: too few echoes above noise, first echo too late, non-positive signal, non-convergence.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record DecayFitResult(string Model, double R2StarPerSecond, double T2StarMs, double S0, double? Offset, double Rmse,
    int EchoesUsed, int Iterations, DecayFitStatus Status, string ExitReason, double? R2StarStandardErrorPerSecond,
    double? S0StandardError, double? OffsetStandardError, DecayComponent? SecondComponent, double? NoiseSigma,
    IReadOnlyList<string> Warnings)
{
    /// <summary>True when the status is <see cref="DecayFitStatus.Converged"/> or <see cref="DecayFitStatus.ClosedForm"/>.
    /// A usable fit can still be <see cref="IsBeyondMeasurableRange"/>: the optimum exists, but the echo train cannot measure it.</summary>
    public bool IsUsable => Status is DecayFitStatus.Converged or DecayFitStatus.ClosedForm;

    /// <summary>The first (shortest) echo time of the fitted train, ms.</summary>
    public double FirstEchoTimeMs { get; init; }

    /// <summary>Echoes with signal ≥ TruncationNoiseFactor·σ, or null when the fit was given no σ.</summary>
    public int? EchoesAboveNoise { get; init; }

    /// <summary>Why the decay is beyond the measurable range of the echo train (<see cref="MeasurableRange.Check"/>: T2* shorter
    /// than the first echo, fewer than three echoes above noise, or a fit that runs off to infinite R2*), or null.
    /// LIC conversion of such a fit returns no number (<c>LicConversion.FromFit</c>).</summary>
    public string? BeyondMeasurableRange { get; init; }

    /// <summary>True when <see cref="BeyondMeasurableRange"/> has a reason.</summary>
    public bool IsBeyondMeasurableRange => BeyondMeasurableRange is not null;
}
