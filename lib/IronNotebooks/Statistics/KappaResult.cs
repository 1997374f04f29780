namespace IronNotebooks.Statistics;

/// <summary>Cohen's kappa with its standard errors, interval and test (see <see cref="CohenKappa"/>).</summary>
/// <param name="Weighting">Name of the weighting.</param>
/// <param name="N">Rated subjects.</param>
/// <param name="Kappa">κ = (p_o − p_e)/(1 − p_e), at most 1.</param>
/// <param name="StandardError">Large-sample SE (Fleiss, Cohen &amp; Everitt 1969), for the interval.</param>
/// <param name="Ci">κ ± z·SE clipped to [−1, 1] (as vcd).</param>
/// <param name="StandardErrorUnderNull">SE when κ = 0 (Fleiss, Cohen &amp; Everitt 1969), for the test.</param>
/// <param name="Z">κ / SE₀.</param>
/// <param name="P">Two-sided p of κ = 0.</param>
/// <param name="ObservedAgreement">p_o = Σ wᵢⱼ pᵢⱼ.</param>
/// <param name="ExpectedAgreement">p_e = Σ wᵢⱼ pᵢ. p.ⱼ.</param>
/// <param name="ConfidenceLevel">Level of the interval.</param>
/// <param name="Table">The table the kappa was computed from.</param>
/// <param name="Warnings">Caveats.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record KappaResult(string Weighting, int N, double Kappa, double StandardError, ConfidenceInterval Ci, double StandardErrorUnderNull,
    double Z, double P, double ObservedAgreement, double ExpectedAgreement, double ConfidenceLevel, ConfusionMatrix Table, IReadOnlyList<string> Warnings);
