namespace IronNotebooks.Statistics;

/// <summary>
/// An empirical ROC curve with its AUC and DeLong interval (see <see cref="Roc"/> for the formulas and conventions).
/// Points run from threshold −∞ side (everyone positive: sensitivity 1, specificity 0) to the other end (sensitivity
/// 0, specificity 1), so specificity never decreases along the lists; for <see cref="RocDirection.LowerIsPositive"/>
/// the thresholds therefore descend. The lists are read-only views of arrays the curve owns.
/// </summary>
/// <param name="PositiveCount">n₁, cases (reference positive).</param>
/// <param name="NegativeCount">n₀, controls.</param>
/// <param name="Direction">The direction used (resolved when <see cref="RocDirection.Auto"/> was asked for).</param>
/// <param name="RequestedDirection">The direction asked for.</param>
/// <param name="Thresholds">Cut-offs, one per point (pROC's: ±∞ and midpoints between adjacent distinct scores).</param>
/// <param name="TruePositives">Cases called positive at each threshold.</param>
/// <param name="FalsePositives">Controls called positive at each threshold.</param>
/// <param name="Sensitivities">TP / n₁ at each threshold.</param>
/// <param name="Specificities">(n₀ − FP) / n₀ at each threshold.</param>
/// <param name="Auc">Area under the empirical curve = Mann–Whitney P(case &gt; control) + ½ P(tie), in [0, 1].</param>
/// <param name="AucVariance">DeLong's variance of the AUC, or null when n₁ &lt; 2 or n₀ &lt; 2.</param>
/// <param name="AucCi">DeLong (normal) interval clipped to [0, 1] as pROC does, or null with the variance.</param>
/// <param name="AucBootstrapCi">Stratified percentile bootstrap interval, or null when not asked for.</param>
/// <param name="ConfidenceLevel">Level of both intervals.</param>
/// <param name="Warnings">Everything a reader should know about how the numbers came out.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record RocCurve(
    int PositiveCount, int NegativeCount, RocDirection Direction, RocDirection RequestedDirection,
    IReadOnlyList<double> Thresholds, IReadOnlyList<int> TruePositives, IReadOnlyList<int> FalsePositives,
    IReadOnlyList<double> Sensitivities, IReadOnlyList<double> Specificities,
    double Auc, double? AucVariance, ConfidenceInterval? AucCi, ConfidenceInterval? AucBootstrapCi, double ConfidenceLevel,
    IReadOnlyList<string> Warnings)
{
    /// <summary>n = n₁ + n₀.</summary>
    public int N => PositiveCount + NegativeCount;

    /// <summary>Number of points (distinct scores + 1).</summary>
    public int PointCount => Thresholds.Count;

    /// <summary>DeLong standard error √Var, or null.</summary>
    public double? AucStandardError => AucVariance is { } v ? Math.Sqrt(v) : null;

    /// <summary>The point at <paramref name="index"/> (0 = everyone positive).</summary>
    public RocPoint PointAt(int index)
    {
        Guard.InRange(index, 0, PointCount - 1, nameof(index));
        int tp = TruePositives[index], fp = FalsePositives[index];
        return new RocPoint(Thresholds[index], tp, fp, NegativeCount - fp, PositiveCount - tp);
    }

    /// <summary>All points, created as enumerated.</summary>
    public IEnumerable<RocPoint> Points
    {
        get
        {
            for (int i = 0; i < PointCount; i++) yield return PointAt(i);
        }
    }
}
