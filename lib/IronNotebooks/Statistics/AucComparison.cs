namespace IronNotebooks.Statistics;

/// <summary>A test of AUC₁ = AUC₂ (see <see cref="RocComparison"/>).</summary>
/// <param name="Method">How it was computed, with citation.</param>
/// <param name="Paired">True when both scores were measured on the same subjects.</param>
/// <param name="Auc1">AUC of the first score.</param>
/// <param name="Auc2">AUC of the second score.</param>
/// <param name="Difference">Auc1 − Auc2.</param>
/// <param name="StandardError">SE of the difference.</param>
/// <param name="Correlation">Correlation of the two AUC estimates (paired only; 0 when unpaired).</param>
/// <param name="Statistic">z (or t) = Difference / StandardError; ±∞ when the SE is 0 and the AUCs differ, 0 when both are 0.</param>
/// <param name="DegreesOfFreedom">df of the t reference, or null for the normal reference.</param>
/// <param name="P">Two-sided p-value.</param>
/// <param name="DifferenceCi">Difference ± critical value × SE (not clipped).</param>
/// <param name="Warnings">Caveats.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record AucComparison(string Method, bool Paired, double Auc1, double Auc2, double Difference, double StandardError,
    double Correlation, double Statistic, double? DegreesOfFreedom, double P, ConfidenceInterval DifferenceCi, IReadOnlyList<string> Warnings);
