using System.Numerics;
using IronNotebooks.FatWater;
using IronNotebooks.Imaging;

namespace IronNotebooks.Simulation;

/// <summary>
/// The complex signal of a chemical-shift-encoded series in a synthetic exam (docs/methods.md §6): per tissue
/// S(t) = M0·ρ·((1 − f)·w_T1 + f·w_T1,fat·c(t))·e^(−R2*·t), c(t) the multi-peak fat spectrum, w the spoiled-GRE T1 weighting
/// of water (the tissue's T1) and fat (fat T1); times e^(i(φ0 + 2πψt)) with a smooth field map ψ. Stored phase follows the
/// Siemens convention (the one of the corpus' Siemens phase series): 12-bit stored 0–4095, Rescale Slope 2, Intercept −4096,
/// so rescaled −4096…4094 ↔ −π…π (radians = rescaled × π/4096).
/// </summary>
public static class ChemicalShiftImaging
{
    /// <summary>Radians per rescaled unit of the written phase.</summary>
    public const double RadiansPerRescaledUnit = Math.PI / 4096;

    /// <summary>The phase convention in words (truth.json).</summary>
    public const string PhaseConvention = "Siemens: 12-bit stored 0-4095, Rescale Slope 2, Rescale Intercept -4096 (Rescale Type US); rescaled -4096..4094 <-> -pi..pi, radians = rescaled x pi/4096";

    /// <summary>Stored 12-bit value of a phase in radians (wrapped into −π…π).</summary>
    public static ushort StoredPhase(double radians)
    {
        long v = (long)Math.Round(radians * 2048 / Math.PI + 2048, MidpointRounding.AwayFromZero);
        return (ushort)(((v % 4096) + 4096) % 4096);
    }

    /// <summary>Noiseless complex signal of one tissue at echo <paramref name="echoTimeMs"/> (no field map, no initial phase).</summary>
    public static Complex TissueSignal(TissueRelaxation tissue, double repetitionTimeMs, double echoTimeMs, double flipAngleDeg, double fatT1Ms, FatSpectrum spectrum)
    {
        Guard.NotNull(tissue);
        Guard.NotNull(spectrum);
        if (tissue.ProtonDensity == 0) return Complex.Zero;
        double m0 = TissueParameters.EquilibriumSignal * tissue.ProtonDensity;
        double water = (1 - tissue.FatFraction) * Weight(tissue.T1Ms, repetitionTimeMs, flipAngleDeg);
        double fat = tissue.FatFraction * Weight(fatT1Ms, repetitionTimeMs, flipAngleDeg);
        var c = tissue.FatFraction > 0 ? spectrum.Modulation(echoTimeMs, tissue.FieldStrengthT) : Complex.Zero;
        return m0 * (water + fat * c) * Math.Exp(-echoTimeMs * tissue.R2StarPerSecond / 1000);
    }

    /// <summary>Signal fat fraction of a tissue at this TR and flip angle, percent (fat and water T1 weighting applied).</summary>
    public static double SignalFatFractionPercent(TissueRelaxation tissue, double repetitionTimeMs, double flipAngleDeg, double fatT1Ms)
    {
        Guard.NotNull(tissue);
        double water = (1 - tissue.FatFraction) * Weight(tissue.T1Ms, repetitionTimeMs, flipAngleDeg);
        double fat = tissue.FatFraction * Weight(fatT1Ms, repetitionTimeMs, flipAngleDeg);
        return water + fat > 0 ? 100 * fat / (water + fat) : 0;
    }

    /// <summary>The field map ψ, Hz, per pixel of <paramref name="geometry"/> (row-major), from the truth's coefficients.</summary>
    public static double[] FieldMapHz(ImageGeometry geometry, ChemicalShiftTruth truth)
    {
        Guard.NotNull(truth);
        return FieldMapHz(geometry, truth.FieldMapOffsetHz, truth.FieldMapGradientXHzPer100Mm, truth.FieldMapGradientYHzPer100Mm, truth.FieldMapBowlHz);
    }

    internal static double[] FieldMapHz(ImageGeometry geometry, double offsetHz, double gxHzPer100Mm, double gyHzPer100Mm, double bowlHz)
    {
        Guard.NotNull(geometry);
        var map = new double[geometry.Rows * geometry.Columns];
        for (int r = 0; r < geometry.Rows; r++)
            for (int c = 0; c < geometry.Columns; c++)
            {
                double x = (c + 0.5 - geometry.Columns / 2.0) * geometry.ColumnSpacingMm, y = (r + 0.5 - geometry.Rows / 2.0) * geometry.RowSpacingMm;
                map[r * geometry.Columns + c] = offsetHz + gxHzPer100Mm * x / 100 + gyHzPer100Mm * y / 100 + bowlHz * (x * x + y * y) / (150.0 * 150.0);
            }
        return map;
    }

    /// <summary>
    /// Draws the smooth field of one exam (assumed ranges, scaled with the field): offset ±40 Hz, gradients ±30 Hz per
    /// 100 mm, bowl 0–40 Hz at 150 mm, all × B0 / 1.5 T; initial phase uniform in −π…π.
    /// </summary>
    internal static (double Offset, double Gx, double Gy, double Bowl, double Phase) DrawField(SeededRandom rng, double fieldT)
    {
        double k = fieldT / 1.5;
        double U(double lo, double hi) => lo + (hi - lo) * rng.NextDouble();
        return (U(-40, 40) * k, U(-30, 30) * k, U(-30, 30) * k, U(0, 40) * k, U(-Math.PI, Math.PI));
    }

    private static double Weight(double t1Ms, double trMs, double flipAngleDeg) => SignalRatio.SpoiledGradientEcho.T1Weighting(1, t1Ms, trMs, flipAngleDeg);
}
