using IronNotebooks.Statistics.Internal;

namespace IronNotebooks.Statistics;

/// <summary>
/// DeLong's comparison of two AUCs (DeLong, DeLong &amp; Clarke-Pearson 1988, Biometrics 44:837, doi:10.2307/2531595).
/// <para>Paired (two scores on the same subjects): Var(A₁ − A₂) = (S₁₀¹¹ + S₁₀²² − 2S₁₀¹²)/n₁ + (S₀₁¹¹ + S₀₁²² −
/// 2S₀₁¹²)/n₀ from the covariances of the per-subject placements; z against N(0, 1). Matches pROC's
/// <c>roc.test(paired = TRUE, method = "delong")</c>. Each score keeps its own direction, so R2* (higher is positive)
/// can be compared with T2* (lower is positive); pROC warns in that case but computes the same statistic.</para>
/// <para>Unpaired (independent samples): z = (A₁ − A₂)/√(V₁ + V₂), see <see cref="UnpairedAucTest"/>.</para>
/// </summary>
public static class RocComparison
{
    /// <summary>Paired DeLong test of two scores on the same subjects, both higher-is-positive unless stated, 95 % interval of the difference.</summary>
    /// <exception cref="ArgumentException">Null or mismatched inputs, a non-finite score, Auto direction, or a level out of range.</exception>
    /// <exception cref="InsufficientDataException">Fewer than 2 cases or 2 controls.</exception>
    public static AucComparison Paired(IReadOnlyList<double> scores1, IReadOnlyList<double> scores2, IReadOnlyList<bool> truth,
        RocDirection direction1 = RocDirection.HigherIsPositive, RocDirection direction2 = RocDirection.HigherIsPositive, double confidenceLevel = 0.95)
    {
        var x1 = Samples.Finite(scores1, nameof(scores1));
        var x2 = Samples.Finite(scores2, nameof(scores2));
        var t = Samples.Flags(truth, nameof(truth));
        Guard.SameLength(x1.Length, t.Length, nameof(scores1), nameof(truth));
        Guard.SameLength(x2.Length, t.Length, nameof(scores2), nameof(truth));
        Samples.Level(confidenceLevel);
        foreach (var d in new[] { direction1, direction2 })
            if (d == RocDirection.Auto || !Enum.IsDefined(d))
                throw new ArgumentOutOfRangeException(nameof(direction1), d, "A comparison needs each score's direction fixed in advance (HigherIsPositive or LowerIsPositive).");
        int n1 = t.Count(v => v), n0 = t.Length - n1;
        if (n1 < 2 || n0 < 2)
            throw new InsufficientDataException("DeLong paired test", $"{n1} case(s) and {n0} control(s); at least 2 of each are needed.");

        var p1 = DeLongPlacements.Compute(Roc.Orient(x1, direction1), t);
        var p2 = DeLongPlacements.Compute(Roc.Orient(x2, direction2), t);
        double a1 = p1.Auc, a2 = p2.Auc;
        double s10_11 = DeLongPlacements.Covariance(p1.CaseComponents, a1, p1.CaseComponents, a1);
        double s10_22 = DeLongPlacements.Covariance(p2.CaseComponents, a2, p2.CaseComponents, a2);
        double s10_12 = DeLongPlacements.Covariance(p1.CaseComponents, a1, p2.CaseComponents, a2);
        double s01_11 = DeLongPlacements.Covariance(p1.ControlComponents, a1, p1.ControlComponents, a1);
        double s01_22 = DeLongPlacements.Covariance(p2.ControlComponents, a2, p2.ControlComponents, a2);
        double s01_12 = DeLongPlacements.Covariance(p1.ControlComponents, a1, p2.ControlComponents, a2);
        double v1 = s10_11 / n1 + s01_11 / n0, v2 = s10_22 / n1 + s01_22 / n0, cov = s10_12 / n1 + s01_12 / n0;
        double varDiff = Math.Max(0, v1 + v2 - 2 * cov);
        double r = v1 > 0 && v2 > 0 ? cov / Math.Sqrt(v1 * v2) : 0;
        return Build("DeLong (1988) paired, normal reference", true, a1, a2, Math.Sqrt(varDiff), r, null, confidenceLevel, new List<string>());
    }

    /// <summary>Unpaired comparison of two curves from independent samples.</summary>
    /// <param name="first">Curve of the first sample (needs its DeLong variance: ≥ 2 cases and 2 controls).</param>
    /// <param name="second">Curve of the second sample.</param>
    /// <param name="test">Normal reference (default) or pROC's Welch-type t.</param>
    /// <param name="confidenceLevel">Level of the interval of the difference.</param>
    /// <exception cref="ArgumentException">Null curves or a level out of range.</exception>
    /// <exception cref="InsufficientDataException">A curve without a DeLong variance.</exception>
    public static AucComparison Unpaired(RocCurve first, RocCurve second, UnpairedAucTest test = UnpairedAucTest.Normal, double confidenceLevel = 0.95)
    {
        Guard.NotNull(first);
        Guard.NotNull(second);
        Samples.Level(confidenceLevel);
        if (first.AucVariance is not { } v1 || second.AucVariance is not { } v2)
            throw new InsufficientDataException("DeLong unpaired test", "each curve needs at least 2 cases and 2 controls for its DeLong variance.");
        double? df = test == UnpairedAucTest.PRocWelchT ? (v1 + v2) * (v1 + v2) / (v1 * v1 / (first.N - 1) + v2 * v2 / (second.N - 1)) : null;
        string method = df is null ? "DeLong variances, unpaired, normal reference (Hanley & McNeil 1982)" : "DeLong variances, unpaired, Welch-type t (pROC convention)";
        return Build(method, false, first.Auc, second.Auc, Math.Sqrt(v1 + v2), 0, df, confidenceLevel, new List<string>());
    }

    private static AucComparison Build(string method, bool paired, double a1, double a2, double se, double r, double? df, double level, List<string> warnings)
    {
        double d = a1 - a2;
        double stat, p;
        if (se > 0)
        {
            stat = d / se;
            p = df is { } f ? Distributions.StudentTTwoSidedP(stat, f) : Distributions.NormalTwoSidedP(stat);
        }
        else if (d == 0)
        {
            (stat, p) = (0, 1);
            warnings.Add("The two AUCs and their placements coincide: the difference has no variance; z is set to 0, p to 1 (as pROC).");
        }
        else
        {
            (stat, p) = (d > 0 ? double.PositiveInfinity : double.NegativeInfinity, 0);
            warnings.Add("The difference has zero estimated variance but the AUCs differ: z is infinite; the asymptotic test is meaningless here.");
        }
        double crit = df is { } g ? Distributions.StudentTCritical(g, level) : Distributions.NormalCritical(level);
        var ci = new ConfidenceInterval(d - crit * se, d + crit * se, level, df is null ? "normal, DeLong SE" : "t, DeLong SE");
        return new AucComparison(method, paired, a1, a2, d, se, r, stat, df, p, ci, warnings.AsReadOnly());
    }
}
