namespace IronNotebooks.Statistics;

/// <summary>
/// Positive and negative predictive values at a stated prevalence π (Bayes' theorem), for applying a test studied in
/// one population to another: PPV = Se·π / (Se·π + (1 − Sp)(1 − π)), NPV = Sp(1 − π) / (Sp(1 − π) + (1 − Se)π).
/// Intervals are Mercaldo, Lau &amp; Zhou's logit intervals (2007, Stat Med 26:2170, doi:10.1002/sim.2677), treating
/// π as known: logit PPV = ln(π Se / ((1 − π)(1 − Sp))) with variance (1 − Se)/(n₁Se) + Sp/(n₀(1 − Sp)), and
/// symmetrically for NPV. They are undefined when Se or Sp is 0 or 1 (a zero cell); the interval is then null and
/// <see cref="Warnings"/> says why.
/// </summary>
/// <param name="Prevalence">π in (0, 1).</param>
/// <param name="Ppv">PPV at π, or null when Se·π + (1 − Sp)(1 − π) = 0.</param>
/// <param name="PpvCi">Logit interval of PPV, or null.</param>
/// <param name="Npv">NPV at π, or null when Sp(1 − π) + (1 − Se)π = 0.</param>
/// <param name="NpvCi">Logit interval of NPV, or null.</param>
/// <param name="Warnings">Why a value or an interval is missing.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record PredictiveValues(double Prevalence, double? Ppv, ConfidenceInterval? PpvCi, double? Npv, ConfidenceInterval? NpvCi, IReadOnlyList<string> Warnings);
