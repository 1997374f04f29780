namespace IronNotebooks.Statistics;

/// <summary>A correlation coefficient with its interval and test of zero correlation (see <see cref="Correlation"/>).</summary>
/// <param name="Method">Coefficient, interval and test, with citations.</param>
/// <param name="N">Pairs.</param>
/// <param name="Coefficient">r (Pearson) or ρ (Spearman), in [−1, 1].</param>
/// <param name="Ci">Fisher-z interval, or null when n ≤ 3 (the z transform needs n − 3 &gt; 0).</param>
/// <param name="Statistic">t = r·√((n − 2)/(1 − r²)); ±∞ when |r| = 1.</param>
/// <param name="DegreesOfFreedom">n − 2.</param>
/// <param name="P">Two-sided p of zero correlation.</param>
/// <param name="Warnings">Caveats.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record CorrelationResult(string Method, int N, double Coefficient, ConfidenceInterval? Ci, double Statistic, int DegreesOfFreedom, double P,
    IReadOnlyList<string> Warnings);
