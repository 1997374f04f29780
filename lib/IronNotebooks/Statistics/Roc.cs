using System.Collections.ObjectModel;
using IronNotebooks.Statistics.Internal;

namespace IronNotebooks.Statistics;

/// <summary>
/// Empirical ROC analysis of a continuous score against a binary reference standard.
/// <para>Curve: pROC's convention (Robin et al. 2011, BMC Bioinformatics 12:77, doi:10.1186/1471-2105-12-77):
/// thresholds −∞, the midpoints between adjacent distinct scores, +∞; at a threshold a subject is positive when
/// score ≥ threshold (higher is positive) or score ≤ threshold (lower is positive). Where a midpoint rounds onto one of
/// its neighbours (adjacent doubles) it is moved to the neighbour on the positive side, as pROC does, so the stated rule
/// still holds.</para>
/// <para>AUC: the Mann–Whitney statistic P(case &gt; control) + ½ P(tie) (Bamber 1975; Hanley &amp; McNeil 1982,
/// Radiology 143:29, doi:10.1148/radiology.143.1.7063747), equal to the trapezoidal area under the empirical curve.
/// Computed from integer counts after one sort: O(n log n), ties exact.</para>
/// <para>Variance and interval: DeLong, DeLong &amp; Clarke-Pearson (1988), Biometrics 44:837, doi:10.2307/2531595,
/// with the sorting algorithm of Sun &amp; Xu (2014); interval AUC ± z·SE clipped to [0, 1] (pROC). Needs at least two
/// cases and two controls; with fewer, the variance and interval are null and a warning says so. At AUC = 0 or 1 the
/// variance is 0 and the interval degenerate: a warning says to prefer the bootstrap or an exact method.</para>
/// <para>Bootstrap: stratified resampling and type-7 percentiles, as pROC's <c>ci.auc(method = "bootstrap")</c>, with
/// our own seeded generator (so the limits differ from R's by Monte-Carlo error only).</para>
/// <para>Input: scores must be finite (NaN or ±∞ throws <see cref="ArgumentException"/> naming the index); truth
/// true = case. No cases or no controls throws <see cref="InsufficientDataException"/>.</para>
/// </summary>
public static class Roc
{
    /// <summary>ROC of <paramref name="scores"/> against <paramref name="truth"/> with a fixed direction and a 95 % DeLong interval.</summary>
    /// <exception cref="ArgumentException">Null or mismatched inputs, or a non-finite score.</exception>
    /// <exception cref="InsufficientDataException">No cases or no controls.</exception>
    public static RocCurve Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> truth, RocDirection direction = RocDirection.HigherIsPositive) =>
        Compute(scores, truth, RocOptions.Default with { Direction = direction });

    /// <summary>ROC with explicit options.</summary>
    /// <exception cref="ArgumentException">Null or mismatched inputs, a non-finite score, or an option out of range.</exception>
    /// <exception cref="InsufficientDataException">No cases or no controls.</exception>
    public static RocCurve Compute(IReadOnlyList<double> scores, IReadOnlyList<bool> truth, RocOptions options)
    {
        Guard.NotNull(options);
        var x = Samples.Finite(scores, nameof(scores));
        var t = Samples.Flags(truth, nameof(truth));
        Guard.SameLength(x.Length, t.Length, nameof(scores), nameof(truth));
        Samples.Level(options.ConfidenceLevel, nameof(options.ConfidenceLevel));
        Guard.InRange(options.BootstrapReplicates, 0, 1_000_000, nameof(options.BootstrapReplicates));
        if (!Enum.IsDefined(options.Direction)) throw new ArgumentOutOfRangeException(nameof(options), options.Direction, "Unknown ROC direction.");

        var warnings = new List<string>();
        var direction = ResolveDirection(x, t, options.Direction, warnings);
        var oriented = Orient(x, direction);
        var groups = GroupedScores.Build(oriented, t);
        int n1 = groups.Cases, n0 = groups.Controls;
        if (n1 == 0 || n0 == 0)
            throw new InsufficientDataException("ROC", $"the reference standard has {n1} case(s) and {n0} control(s); an ROC curve needs at least one of each.");

        double auc = groups.Auc();
        double? variance = null;
        ConfidenceInterval? ci = null;
        if (n1 >= 2 && n0 >= 2)
        {
            variance = groups.DeLongVariance(auc);
            ci = DeLongInterval(auc, variance.Value, options.ConfidenceLevel, warnings);
            if (variance == 0) warnings.Add($"AUC = {auc}: DeLong's variance is 0 and its interval is degenerate; prefer a bootstrap or exact interval and report the sample size.");
        }
        else
        {
            warnings.Add($"DeLong's variance needs at least 2 cases and 2 controls (have {n1} and {n0}); no interval.");
        }
        if (Math.Min(n1, n0) is > 0 and < 10)
            warnings.Add($"Only {Math.Min(n1, n0)} subjects in the smaller class: the asymptotic DeLong interval may not reach its nominal coverage.");
        if (groups.Values.Length == 1) warnings.Add("All scores are equal: the curve is the diagonal and the AUC 0.5.");

        ConfidenceInterval? boot = options.BootstrapReplicates > 0
            ? BootstrapInterval(groups, options.BootstrapReplicates, options.BootstrapSeed, options.ConfidenceLevel)
            : null;
        return BuildCurve(groups, direction, options.Direction, auc, variance, ci, boot, options.ConfidenceLevel, warnings);
    }

    /// <summary>Scores on the scale where higher means positive (negation is exact, so thresholds map back exactly).</summary>
    internal static double[] Orient(double[] x, RocDirection direction)
    {
        if (direction == RocDirection.HigherIsPositive) return x;
        var o = new double[x.Length];
        for (int i = 0; i < x.Length; i++) o[i] = -x[i];
        return o;
    }

    internal static RocDirection ResolveDirection(double[] x, bool[] truth, RocDirection requested, List<string> warnings)
    {
        if (requested != RocDirection.Auto) return requested;
        var cases = x.Where((_, i) => truth[i]).ToArray();
        var controls = x.Where((_, i) => !truth[i]).ToArray();
        if (cases.Length == 0 || controls.Length == 0) return RocDirection.HigherIsPositive;
        var resolved = Samples.Median(controls) <= Samples.Median(cases) ? RocDirection.HigherIsPositive : RocDirection.LowerIsPositive;
        warnings.Add($"Direction chosen from the data ({resolved}, pROC's 'auto' rule on medians): this inflates the AUC in small samples; fix the direction in the protocol.");
        return resolved;
    }

    internal static ConfidenceInterval DeLongInterval(double auc, double variance, double level, List<string> warnings)
    {
        double half = Distributions.NormalCritical(level) * Math.Sqrt(variance);
        double lo = auc - half, hi = auc + half;
        if (lo < 0 || hi > 1) warnings.Add("The DeLong interval crossed [0, 1] and was clipped, as pROC does; the normal approximation is poor this close to the boundary.");
        return new ConfidenceInterval(Math.Max(0, lo), Math.Min(1, hi), level, "DeLong (1988), normal, clipped to [0, 1]");
    }

    private static ConfidenceInterval BootstrapInterval(GroupedScores g, int replicates, ulong seed, double level)
    {
        var rng = new SeededRandom(seed);
        var casesAt = new int[g.Values.Length];
        var controlsAt = new int[g.Values.Length];
        var aucs = new double[replicates];
        for (int r = 0; r < replicates; r++)
        {
            Array.Clear(casesAt);
            Array.Clear(controlsAt);
            for (int i = 0; i < g.Cases; i++) casesAt[g.CaseGroup[rng.Next(g.Cases)]]++;
            for (int j = 0; j < g.Controls; j++) controlsAt[g.ControlGroup[rng.Next(g.Controls)]]++;
            aucs[r] = GroupedScores.Auc(casesAt, controlsAt, g.Cases, g.Controls);
        }
        Array.Sort(aucs);
        double alpha = 1 - level;
        return new ConfidenceInterval(Samples.QuantileType7(aucs, alpha / 2), Samples.QuantileType7(aucs, 1 - alpha / 2), level,
            $"stratified bootstrap percentile ({replicates} replicates, seed {seed})");
    }

    private static RocCurve BuildCurve(GroupedScores g, RocDirection direction, RocDirection requested, double auc, double? variance,
        ConfidenceInterval? ci, ConfidenceInterval? boot, double level, List<string> warnings)
    {
        int m = g.Values.Length, n1 = g.Cases, n0 = g.Controls;
        var thresholds = new double[m + 1];
        var tp = new int[m + 1];
        var fp = new int[m + 1];
        var se = new double[m + 1];
        var sp = new double[m + 1];
        double sign = direction == RocDirection.HigherIsPositive ? 1 : -1;
        int casesUpTo = 0, controlsUpTo = 0;
        for (int k = 0; k <= m; k++)
        {
            if (k > 0)
            {
                casesUpTo += g.CasesAt[k - 1];
                controlsUpTo += g.ControlsAt[k - 1];
            }
            double t = k == 0 ? double.NegativeInfinity : k == m ? double.PositiveInfinity : Midpoint(g.Values[k - 1], g.Values[k]);
            thresholds[k] = sign * t + 0.0; // + 0.0 turns the −0 of a negated zero into 0
            tp[k] = n1 - casesUpTo;
            fp[k] = n0 - controlsUpTo;
            se[k] = (double)tp[k] / n1;
            sp[k] = (double)(n0 - fp[k]) / n0;
        }
        return new RocCurve(n1, n0, direction, requested, Array.AsReadOnly(thresholds), Array.AsReadOnly(tp), Array.AsReadOnly(fp),
            Array.AsReadOnly(se), Array.AsReadOnly(sp), auc, variance, ci, boot, level, new ReadOnlyCollection<string>(warnings));
    }

    // pROC's midpoint: (a + b)/2, or a/2 + b/2 where the sum would overflow; a midpoint that rounds onto the lower
    // neighbour moves to the upper one so "positive ⇔ oriented score ≥ threshold" still separates the two values.
    private static double Midpoint(double a, double b)
    {
        double t = (a + b) / 2;
        if (Math.Abs(t) > 1e100 || double.IsInfinity(t)) t = a / 2 + b / 2;
        return t == a ? b : t;
    }
}
