using System.Numerics;
using IronNotebooks.Calibration;

namespace IronNotebooks.FatWater;

/// <summary>
/// A fat ¹H spectrum for chemical-shift-encoded fat–water models (docs/methods.md §6): peak positions relative to water
/// (ppm) and relative amplitudes (normalised to sum 1). The entries live in <see cref="FatSpectra"/>; frequencies at a
/// field come from γ/2π = <see cref="GyromagneticRatioMHzPerTesla"/> MHz/T.
/// </summary>
public sealed record FatSpectrum
{
    /// <summary>Proton gyromagnetic ratio γ/2π, MHz/T (CODATA; docs/methods.md §6).</summary>
    public const double GyromagneticRatioMHzPerTesla = 42.577478;

    /// <summary>Registry key, e.g. "hamilton2011".</summary>
    public required string Name { get; init; }

    /// <summary>Short title for reports.</summary>
    public required string Title { get; init; }

    /// <summary>Journal reference and DOI.</summary>
    public required string Citation { get; init; }

    /// <summary>Peak positions relative to the water peak, ppm (negative = lower frequency than water).</summary>
    public required IReadOnlyList<double> PeaksPpm { get; init; }

    /// <summary>Relative peak amplitudes (proton fractions), summing to 1.</summary>
    public required IReadOnlyList<double> RelativeAmplitudes { get; init; }

    /// <summary>Evidence status of the constants.</summary>
    public required EvidenceStatus Status { get; init; }

    /// <summary>What the status rests on, in words.</summary>
    public required string StatusNote { get; init; }

    /// <summary>Peak frequencies relative to water at <paramref name="fieldStrengthT"/>, Hz: ppm × 10⁻⁶ × γ/2π × B0.</summary>
    public double[] FrequenciesHz(double fieldStrengthT)
    {
        Guard.InRange(fieldStrengthT, 0.1, 11.7);
        return [.. PeaksPpm.Select(p => p * GyromagneticRatioMHzPerTesla * fieldStrengthT)];
    }

    /// <summary>The fat signal's complex modulation c(t) = Σ αp·exp(i·2π·fp·t) at echo time <paramref name="echoTimeMs"/>
    /// (c(0) = 1): the fat term of S(t) = (W + F·c(t))·exp(−R2*·t)·exp(i·2π·ψ·t).</summary>
    public Complex Modulation(double echoTimeMs, double fieldStrengthT)
    {
        var f = FrequenciesHz(fieldStrengthT);
        Complex c = 0;
        for (int p = 0; p < f.Length; p++) c += RelativeAmplitudes[p] * Complex.FromPolarCoordinates(1, 2 * Math.PI * f[p] * echoTimeMs / 1000);
        return c;
    }

    /// <summary>Frequency of the largest peak relative to water, Hz (the main methylene peak for liver fat).</summary>
    public double MainPeakHz(double fieldStrengthT)
    {
        int main = 0;
        for (int p = 1; p < RelativeAmplitudes.Count; p++) if (RelativeAmplitudes[p] > RelativeAmplitudes[main]) main = p;
        return FrequenciesHz(fieldStrengthT)[main];
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
