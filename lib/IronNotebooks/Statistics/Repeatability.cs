using IronNotebooks.Statistics.Internal;

namespace IronNotebooks.Statistics;

/// <summary>
/// Repeatability from repeated measurements by one method: within-subject SD s_w from a one-way ANOVA by subject
/// (handles unequal numbers of replicates), repeatability coefficient RC = z·√2·s_w; Bland &amp; Altman (1999), Stat
/// Methods Med Res 8:135, §5.1, doi:10.1177/096228029900800204 (and the British Standards Institution's coefficient of
/// repeatability). Interval of s_w: √(df·s_w²/χ²(df, 1 − α/2)) to √(df·s_w²/χ²(df, α/2)), df = N − k. Assumes the
/// within-subject SD does not change with the level; for R2* and LIC it usually does, so analyse logs when it does.
/// </summary>
public static class Repeatability
{
    /// <summary>Repeatability of <paramref name="values"/> grouped by <paramref name="subjects"/>.</summary>
    /// <param name="subjects">Subject of each measurement (any label; compared ordinally).</param>
    /// <param name="values">Finite measurements.</param>
    /// <param name="confidenceLevel">Level of the intervals.</param>
    /// <param name="multiplier">z in RC = z·√2·s_w; default 1.96.</param>
    /// <exception cref="ArgumentException">Null, mismatched or non-finite input, or options out of range.</exception>
    /// <exception cref="InsufficientDataException">No subject has two measurements.</exception>
    public static RepeatabilityResult Compute(IReadOnlyList<string> subjects, IReadOnlyList<double> values, double confidenceLevel = 0.95, double multiplier = 1.96)
    {
        Guard.NotNull(subjects);
        var y = Samples.Finite(values, nameof(values));
        Guard.SameLength(subjects.Count, y.Length, nameof(subjects), nameof(values));
        Samples.Level(confidenceLevel);
        Guard.Positive(multiplier);
        var groups = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (int i = 0; i < y.Length; i++)
        {
            var s = subjects[i] ?? throw new ArgumentException($"subjects[{i}] is null.", nameof(subjects));
            if (!groups.TryGetValue(s, out var list)) groups[s] = list = [];
            list.Add(y[i]);
        }
        double ss = 0;
        foreach (var g in groups.Values)
        {
            var arr = g.ToArray();
            ss += Samples.SumSquares(arr, Samples.Mean(arr));
        }
        int df = y.Length - groups.Count;
        if (df < 1) throw new InsufficientDataException("Repeatability", "no subject has two or more measurements.");
        var warnings = new List<string>();
        int singles = groups.Values.Count(g => g.Count == 1);
        if (singles > 0) warnings.Add($"{singles} subject(s) have a single measurement and contribute nothing to repeatability.");
        double msw = ss / df, sw = Math.Sqrt(msw), alpha = 1 - confidenceLevel;
        var swCi = new ConfidenceInterval(Math.Sqrt(df * msw / Distributions.ChiSquaredQuantile(df, 1 - alpha / 2)),
            Math.Sqrt(df * msw / Distributions.ChiSquaredQuantile(df, alpha / 2)), confidenceLevel, "χ²(N − k)");
        double k = multiplier * Math.Sqrt(2);
        return new RepeatabilityResult(groups.Count, y.Length, df, sw, swCi, k * sw,
            swCi with { Lower = k * swCi.Lower, Upper = k * swCi.Upper, Method = "z·√2 × χ² interval of s_w" }, multiplier, warnings.AsReadOnly());
    }
}
