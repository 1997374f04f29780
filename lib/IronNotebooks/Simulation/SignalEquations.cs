using System.Numerics;

namespace IronNotebooks.Simulation;

/// <summary>
/// Noiseless magnitude signal of one voxel, in units where a tissue of proton density 1 at full relaxation gives
/// <see cref="TissueParameters.EquilibriumSignal"/>. Ideal sequences: perfect spoiling, rectangular slice profile, no
/// flow, no diffusion, no B1 error (the flip angle is the nominal one).
/// </summary>
public static class SignalEquations
{
    /// <summary>
    /// Spoiled gradient echo (docs/methods.md §2.4): S = M0·ρ·sin α·(1 − E1)/(1 − cos α·E1)·exp(−TE·R2*), E1 = exp(−TR/T1).
    /// With a fat fraction f the water (1 − f) and fat (f, fat T1, same R2*) signals add as complex numbers, the fat
    /// one rotated by 2π·TE/(6.8 ms/B0) (single-peak fat model; in phase at multiples of 6.8/B0 ms, docs/methods.md §2).
    /// </summary>
    /// <param name="tissue">Tissue parameters at the scan's field.</param>
    /// <param name="repetitionTimeMs">TR, ms (&gt; 0).</param>
    /// <param name="echoTimeMs">TE, ms (≥ 0).</param>
    /// <param name="flipAngleDeg">Flip angle, degrees (0–180).</param>
    /// <param name="fatT1Ms">T1 of the fat component, ms (used only when the tissue has fat).</param>
    public static double SpoiledGradientEcho(TissueRelaxation tissue, double repetitionTimeMs, double echoTimeMs, double flipAngleDeg, double fatT1Ms)
    {
        ArgumentNullException.ThrowIfNull(tissue);
        Guard.Positive(repetitionTimeMs);
        Guard.InRange(echoTimeMs, 0, 10_000);
        Guard.InRange(flipAngleDeg, 0, 180);
        if (tissue.ProtonDensity == 0) return 0;
        double water = (1 - tissue.FatFraction) * SteadyState(tissue.T1Ms, repetitionTimeMs, flipAngleDeg);
        double decay = Math.Exp(-echoTimeMs * tissue.R2StarPerSecond / 1000);
        double m0 = TissueParameters.EquilibriumSignal * tissue.ProtonDensity;
        if (tissue.FatFraction <= 0) return m0 * water * decay;
        double fat = tissue.FatFraction * SteadyState(fatT1Ms, repetitionTimeMs, flipAngleDeg);
        double phase = 2 * Math.PI * echoTimeMs * tissue.FieldStrengthT / TissueParameters.InPhasePeriodMsTesla;
        var sum = new Complex(water, 0) + Complex.FromPolarCoordinates(fat, phase);
        return m0 * sum.Magnitude * decay;
    }

    /// <summary>
    /// Spin echo (one echo of a multi-echo CPMG train with ideal refocusing): S = M0·ρ·(1 − exp(−TR/T1))·exp(−TE·R2).
    /// Assumes TE ≪ TR and no stimulated echoes; fat and water are refocused together (J-coupling ignored).
    /// </summary>
    public static double SpinEcho(TissueRelaxation tissue, double repetitionTimeMs, double echoTimeMs, double fatT1Ms)
    {
        ArgumentNullException.ThrowIfNull(tissue);
        Guard.Positive(repetitionTimeMs);
        Guard.InRange(echoTimeMs, 0, 10_000);
        if (tissue.ProtonDensity == 0) return 0;
        double recovery = (1 - tissue.FatFraction) * (1 - Math.Exp(-repetitionTimeMs / tissue.T1Ms))
            + tissue.FatFraction * (1 - Math.Exp(-repetitionTimeMs / fatT1Ms));
        return TissueParameters.EquilibriumSignal * tissue.ProtonDensity * recovery * Math.Exp(-echoTimeMs * tissue.R2PerSecond / 1000);
    }

    /// <summary>Magnitude of the signal plus complex Gaussian noise of SD <paramref name="sigma"/> per channel (Rician magnitude).</summary>
    public static double RicianMagnitude(double signal, double sigma, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double re = signal + sigma * random.NextGaussian();
        double im = sigma * random.NextGaussian();
        return Math.Sqrt(re * re + im * im);
    }

    private static double SteadyState(double t1Ms, double trMs, double flipAngleDeg) =>
        SignalRatio.SpoiledGradientEcho.T1Weighting(1, t1Ms, trMs, flipAngleDeg);
}
