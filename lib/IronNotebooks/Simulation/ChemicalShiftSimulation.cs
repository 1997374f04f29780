using System.Globalization;
using System.Numerics;
using IronNotebooks.FatWater;
using IronNotebooks.Imaging;

namespace IronNotebooks.Simulation;

/// <summary>
/// Chemical-shift-encoded multi-echo GRE of a fatty, iron-loaded liver with the multi-peak fat spectrum (docs/methods.md
/// §6): S(t) = ρ·((1 − PDFF)·e^(iφ0) + PDFF·e^(iφ0)·c(t))·e^(−R2*·t)·e^(i2πψt), plus complex Gaussian noise; magnitude and
/// phase images. Water and fat are proton densities (T1 weighting assumed equal: a low-flip-angle protocol); R2* is
/// common to water and fat. The protocols are the echo trains of issue 18: 6 echoes, TE1 1.2 ms / ΔTE 1.0 ms at 1.5 T
/// and 0.7 / 0.8 ms at 3 T (assumed teaching protocols, close to vendor PDFF/R2* sequences, not copied from one).
/// </summary>
public static class ChemicalShiftSimulation
{
    /// <summary>Echo times of the chemical-shift protocol at <paramref name="fieldStrengthT"/> (1.5 or 3 T), ms.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Another field.</exception>
    public static IReadOnlyList<double> EchoTimesMs(double fieldStrengthT)
    {
        if (Math.Abs(fieldStrengthT - 1.5) < 0.05) return [.. Enumerable.Range(0, 6).Select(k => Math.Round(1.2 + 1.0 * k, 3))];
        if (Math.Abs(fieldStrengthT - 3.0) < 0.05) return [.. Enumerable.Range(0, 6).Select(k => Math.Round(0.7 + 0.8 * k, 3))];
        throw new ArgumentOutOfRangeException(nameof(fieldStrengthT), fieldStrengthT, "The chemical-shift protocol exists at 1.5 and 3 T.");
    }

    /// <summary>The noiseless complex signal of one voxel at <paramref name="echoTimeMs"/>.</summary>
    /// <param name="spectrum">Fat spectrum.</param>
    /// <param name="fieldStrengthT">Field, tesla.</param>
    /// <param name="echoTimeMs">TE, ms.</param>
    /// <param name="protonDensity">ρ, signal units at TE 0.</param>
    /// <param name="fatFractionPercent">PDFF, percent (0–100).</param>
    /// <param name="r2StarPerSecond">R2*, s⁻¹.</param>
    /// <param name="fieldMapHz">Off-resonance ψ, Hz.</param>
    /// <param name="phaseRadians">Initial phase φ0, radians.</param>
    public static Complex Signal(FatSpectrum spectrum, double fieldStrengthT, double echoTimeMs, double protonDensity, double fatFractionPercent,
        double r2StarPerSecond, double fieldMapHz = 0, double phaseRadians = 0)
    {
        Guard.NotNull(spectrum);
        Guard.InRange(fatFractionPercent, 0, 100);
        double t = echoTimeMs / 1000, f = fatFractionPercent / 100;
        var c = spectrum.Modulation(echoTimeMs, fieldStrengthT);
        return protonDensity * ((1 - f) + f * c) * Math.Exp(-r2StarPerSecond * t) * Complex.FromPolarCoordinates(1, phaseRadians + 2 * Math.PI * fieldMapHz * t);
    }

    /// <summary>
    /// A volume of <paramref name="slices"/> × <paramref name="size"/>² pixels: a liver ellipse (the rest air, 0 signal
    /// plus noise) with PDFF rising 0 → <paramref name="maxFatFractionPercent"/> along x and R2* rising
    /// <paramref name="minR2StarPerSecond"/> → <paramref name="maxR2StarPerSecond"/> along y, and a smooth B0 field: a linear
    /// gradient of <paramref name="fieldGradientHz"/> across the field of view plus a quadratic bowl of a quarter of it.
    /// Noise σ = ρ / <paramref name="snr"/> per channel (SNR of the liver's first-echo water signal at PDFF 0, R2* 0).
    /// </summary>
    public static ChemicalShiftVolume Volume(double fieldStrengthT, int size = 64, int slices = 1, double snr = 50, double maxFatFractionPercent = 40,
        double minR2StarPerSecond = 25, double maxR2StarPerSecond = 500, double fieldGradientHz = 600, ulong seed = 18, FatSpectrum? spectrum = null)
    {
        Guard.InRange(size, 8, 1024);
        Guard.InRange(slices, 1, 256);
        Guard.InRange(snr, 1, 1e6);
        var fat = spectrum ?? FatSpectra.Hamilton2011;
        var te = EchoTimesMs(fieldStrengthT);
        const double rho = 1000;
        double sigma = rho / snr;
        int n = size * size;
        var pdff = new float[n];
        var r2 = new float[n];
        var field = new float[n];
        var liver = new bool[n];
        var magSlices = new List<MultiEchoSlice>();
        var phaseSlices = new List<MultiEchoSlice>();
        for (int z = 0; z < slices; z++)
        {
            var geometry = new ImageGeometry(size, size, new Vector3Mm(-size, -size, 5.0 * z), new Vector3Mm(1, 0, 0), new Vector3Mm(0, 1, 0), 2, 2, 5);
            var rng = SeededRandom.Derive(seed, string.Create(CultureInfo.InvariantCulture, $"chemical-shift/{fieldStrengthT}/{z}"));
            var mag = new float[te.Count][];
            var ph = new float[te.Count][];
            for (int e = 0; e < te.Count; e++) { mag[e] = new float[n]; ph[e] = new float[n]; }
            for (int y = 0; y < size; y++)
                for (int x = 0; x < size; x++)
                {
                    int i = y * size + x;
                    double u = (x + 0.5) / size - 0.5, v = (y + 0.5) / size - 0.5;
                    bool inside = u * u / 0.2 + v * v / 0.16 <= 1;
                    double ff = maxFatFractionPercent * x / (size - 1.0);
                    double rate = minR2StarPerSecond + (maxR2StarPerSecond - minR2StarPerSecond) * y / (size - 1.0);
                    double psi = fieldGradientHz * (u + 0.25 * (u * u + v * v) * 4) + 30 * z;
                    if (z == 0) { pdff[i] = (float)ff; r2[i] = (float)rate; field[i] = (float)psi; liver[i] = inside; }
                    for (int e = 0; e < te.Count; e++)
                    {
                        var s = inside ? Signal(fat, fieldStrengthT, te[e], rho, ff, rate, psi, 0.3) : Complex.Zero;
                        s += new Complex(sigma * rng.NextGaussian(), sigma * rng.NextGaussian());
                        mag[e][i] = (float)s.Magnitude;
                        ph[e][i] = (float)s.Phase;
                    }
                }
            magSlices.Add(new MultiEchoSlice(z, 5.0 * z, geometry, [.. te.Select((t, e) => new ImagePlane(mag[e], geometry, t, "simulated magnitude"))]));
            phaseSlices.Add(new MultiEchoSlice(z, 5.0 * z, geometry, [.. te.Select((t, e) => new ImagePlane(ph[e], geometry, t, "simulated phase"))]));
        }
        string description = string.Create(CultureInfo.InvariantCulture, $"SYNTHETIC chemical-shift GRE {fieldStrengthT} T 6 echoes ({fat.Name})");
        var magnitude = MultiEchoSeries.FromPlanes(description, te, magSlices, fieldStrengthT, "ChemicalShiftSimulation");
        var phase = MultiEchoSeries.FromPlanes(description + " phase", te, phaseSlices, fieldStrengthT, "ChemicalShiftSimulation");
        return new ChemicalShiftVolume
        {
            Series = ChemicalShiftSeries.FromMagnitudeAndPhase(magnitude, phase),
            FatFractionPercent = pdff, R2StarPerSecond = r2, FieldMapHz = field, Liver = liver, NoiseSigma = sigma, Spectrum = fat.Name,
            FieldStrengthT = fieldStrengthT,
        };
    }
}
