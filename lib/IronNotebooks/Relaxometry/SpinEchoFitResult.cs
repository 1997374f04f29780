namespace IronNotebooks.Relaxometry;

/// <summary>A spin-echo (R2) decay fit: the same engine result, named for R2. The inner <see cref="Fit"/>'s
/// "R2Star" fields hold R2 here.</summary>
/// <param name="Fit">The underlying decay fit.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record SpinEchoFitResult(DecayFitResult Fit)
{
    /// <summary>Transverse relaxation rate R2, s⁻¹.</summary>
    public double R2PerSecond => Fit.R2StarPerSecond;

    /// <summary>T2 = 1000 / R2, ms.</summary>
    public double T2Ms => Fit.T2StarMs;

    /// <summary>Standard error of R2, s⁻¹, or null.</summary>
    public double? R2StandardErrorPerSecond => Fit.R2StarStandardErrorPerSecond;
}
