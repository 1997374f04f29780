namespace IronNotebooks.Statistics;

/// <summary>Reference distribution of the unpaired AUC comparison (see <see cref="RocComparison.Unpaired"/>).</summary>
public enum UnpairedAucTest
{
    /// <summary>z = (A₁ − A₂)/√(V₁ + V₂) against N(0, 1): Hanley &amp; McNeil (1982), DeLong's variances. The default.</summary>
    Normal,

    /// <summary>
    /// pROC's <c>roc.test(paired = FALSE, method = "delong")</c>: the same statistic against Student's t with
    /// Welch–Satterthwaite-style df = (V₁ + V₂)² / (V₁²/(N₁ − 1) + V₂²/(N₂ − 1)), N the total subjects of each curve.
    /// Offered for agreement with pROC; it is pROC's own convention, not DeLong's.
    /// </summary>
    PRocWelchT,
}
