namespace IronNotebooks.SignalRatio;

/// <summary>
/// The steady-state spoiled gradient-echo signal (docs/methods.md §2.4): S = ρ·sin α·(1 − E1)/(1 − cos α·E1)·exp(−TE·R2*),
/// E1 = exp(−TR/T1). Used by the Lille reconstruction to predict the iron-free liver/muscle ratio of a sequence, and by
/// the simulator (Simulation/SignalEquations) for the same steady-state term: one formula, one place.
/// </summary>
public static class SpoiledGradientEcho
{
    /// <summary>The T1 and proton-density part of the signal (TE = 0), in units of ρ.</summary>
    /// <param name="protonDensity">Relative proton density, &gt; 0.</param>
    /// <param name="t1Ms">T1, ms, &gt; 0.</param>
    /// <param name="repetitionTimeMs">TR, ms, &gt; 0.</param>
    /// <param name="flipAngleDeg">Flip angle, degrees, in [0, 180] (0 and 180 give no signal).</param>
    public static double T1Weighting(double protonDensity, double t1Ms, double repetitionTimeMs, double flipAngleDeg)
    {
        double a = Guard.InRange(flipAngleDeg, 0, 180) * Math.PI / 180;
        double e1 = Math.Exp(-Guard.Positive(repetitionTimeMs) / Guard.Positive(t1Ms));
        return Guard.Positive(protonDensity) * Math.Sin(a) * (1 - e1) / (1 - Math.Cos(a) * e1);
    }

    /// <summary>The full signal at echo time <paramref name="echoTimeMs"/> with relaxation rate <paramref name="r2StarPerSecond"/> (s⁻¹).</summary>
    public static double Signal(double protonDensity, double t1Ms, double r2StarPerSecond, double repetitionTimeMs, double echoTimeMs, double flipAngleDeg) =>
        T1Weighting(protonDensity, t1Ms, repetitionTimeMs, flipAngleDeg) * Math.Exp(-Guard.InRange(echoTimeMs, 0, 1e6) / 1000 * Guard.Finite(r2StarPerSecond));
}
