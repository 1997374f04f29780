using System.Globalization;

namespace IronNotebooks.FatWater.Internal;

/// <summary>Checks an echo train and options before any fat–water fit: the caller's mistakes become argument errors that
/// say what was expected and what to do.</summary>
internal static class FatWaterValidation
{
    /// <summary>Fewest echoes of a magnitude fit: three unknowns (A, η, R2*) plus one echo to compare the two branches.</summary>
    public const int MagnitudeMinimumEchoes = 4;

    /// <summary>Fewest echoes of a complex fit: six real unknowns (W, F complex; ψ; R2*) from two real values per echo.</summary>
    public const int ComplexMinimumEchoes = 3;

    /// <summary>An echo counts as near opposed phase when the main fat peak is within this many degrees of 180° (60°: the 3 T train 0.7 + 0.8 ms comes within 54°).</summary>
    public const double OpposedPhaseToleranceDeg = 60;

    public static void Check(IReadOnlyList<double> te, int signalCount, FatWaterOptions o, int minimumEchoes, string modelName)
    {
        Guard.NotNull(te);
        Guard.NotNull(o);
        Guard.NotNull(o.Spectrum);
        Guard.InRange(o.FieldStrengthT, 0.1, 11.7, "FieldStrengthT");
        Guard.SameLength(te.Count, signalCount, "echoTimesMs", "signal");
        if (o.NoiseSigma is double s && !(s > 0 && double.IsFinite(s)))
            throw new ArgumentException($"NoiseSigma = {s} must be a finite number above 0.", nameof(o));
        Guard.InRange(o.CoilCount, 1, 128, "CoilCount");
        Guard.InRange(o.AveragedPixels, 1, int.MaxValue, "AveragedPixels");
        Guard.InRange(o.MaxIterations, 1, 10_000, "MaxIterations");
        Guard.InRange(o.RelativeTolerance, 1e-14, 1e-2, "RelativeTolerance");
        Guard.InRange(o.MaxR2StarPerSecond, 100, 20_000, "MaxR2StarPerSecond");
        if (te.Count < minimumEchoes)
            throw new ArgumentException($"The {modelName} fat–water model needs at least {minimumEchoes} echoes; got {te.Count}. "
                + "Use a chemical-shift-encoded series (e.g. 6 echoes) or a water-only decay model.", "echoTimesMs");
        for (int i = 0; i < te.Count; i++)
        {
            if (!double.IsFinite(te[i]) || te[i] < 0)
                throw new ArgumentException($"echoTimesMs[{i}] = {te[i]} must be a finite number ≥ 0 (ms).", "echoTimesMs");
            if (i > 0 && !(te[i] > te[i - 1]))
                throw new ArgumentException($"echoTimesMs must be strictly increasing: [{i - 1}] = {te[i - 1]} ms, [{i}] = {te[i]} ms.", "echoTimesMs");
        }
        CheckOpposedPhase(te, o);
    }

    /// <summary>
    /// Without an echo near opposed phase the fat and water signals never pull apart, so the fit cannot separate them
    /// (and R2* absorbs the fat). The main fat peak's phase 2π·f·TE must come within 60° of 180° at some echo.
    /// </summary>
    private static void CheckOpposedPhase(IReadOnlyList<double> te, FatWaterOptions o)
    {
        double f = Math.Abs(o.Spectrum.MainPeakHz(o.FieldStrengthT));
        double best = 180;
        foreach (var t in te)
        {
            double deg = (360 * f * t / 1000) % 360;
            best = Math.Min(best, Math.Abs(deg - 180));
        }
        if (best > OpposedPhaseToleranceDeg)
        {
            double period = 1000 / f;
            string echoes = string.Join(", ", te.Select(x => x.ToString("0.##", CultureInfo.InvariantCulture)));
            string message = FormattableString.Invariant($"No echo near opposed phase at {o.FieldStrengthT} T: the closest echo is {best:0}° from it (tolerance {OpposedPhaseToleranceDeg}°). ")
                + FormattableString.Invariant($"Opposed phase falls at {period / 2:0.00}, {1.5 * period:0.00}, {2.5 * period:0.00} ms …; echoes given: {echoes} ms. ")
                + "Check --field and the echo times, or use a water-only decay model.";
            throw new ArgumentException(message, "echoTimesMs");
        }
    }
}
