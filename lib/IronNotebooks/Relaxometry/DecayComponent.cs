namespace IronNotebooks.Relaxometry;

/// <summary>The second (slower) component of a bi-exponential fit.</summary>
/// <param name="S0">Amplitude at TE = 0, signal units.</param>
/// <param name="R2StarPerSecond">Decay rate, s⁻¹.</param>
/// <param name="R2StarStandardErrorPerSecond">Asymptotic standard error of the rate, s⁻¹, when the fit gives one.</param>
public sealed record DecayComponent(double S0, double R2StarPerSecond, double? R2StarStandardErrorPerSecond)
{
    /// <summary>T2* = 1000 / R2*, ms.</summary>
    public double T2StarMs => 1000.0 / R2StarPerSecond;
}
