namespace IronNotebooks.Statistics;

/// <summary>Bland–Altman agreement of two methods (see <see cref="BlandAltman"/>); differences are b − a on <see cref="Scale"/>.</summary>
/// <param name="Scale">The difference scale's name.</param>
/// <param name="N">Pairs.</param>
/// <param name="Bias">Mean difference d̄ (units of the scale).</param>
/// <param name="BiasCi">d̄ ± t(n − 1)·s/√n.</param>
/// <param name="SdDifference">s, the sample SD (n − 1) of the differences.</param>
/// <param name="LowerLimit">d̄ − z·s.</param>
/// <param name="LowerLimitCi">Interval of the lower limit.</param>
/// <param name="UpperLimit">d̄ + z·s.</param>
/// <param name="UpperLimitCi">Interval of the upper limit.</param>
/// <param name="LimitMultiplier">z.</param>
/// <param name="ConfidenceLevel">Level of the intervals.</param>
/// <param name="LimitCiMethod">How the limits' standard error was computed.</param>
/// <param name="ProportionalBias">OLS of the differences on the pair means (a + b)/2 (Bland &amp; Altman 1999 §3.2): a
/// slope away from 0 means the difference changes with magnitude.</param>
/// <param name="Ratios">The log-ratio scale's results as ratios b/a, or null on other scales.</param>
/// <param name="Differences">The differences, in input order.</param>
/// <param name="Means">The pair means (a + b)/2, in input order.</param>
/// <param name="Warnings">Caveats: proportional bias, zero spread.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record BlandAltmanResult(string Scale, int N, double Bias, ConfidenceInterval BiasCi, double SdDifference,
    double LowerLimit, ConfidenceInterval LowerLimitCi, double UpperLimit, ConfidenceInterval UpperLimitCi, double LimitMultiplier,
    double ConfidenceLevel, LimitsOfAgreementCiMethod LimitCiMethod, RegressionLine ProportionalBias, BlandAltmanRatios? Ratios,
    IReadOnlyList<double> Differences, IReadOnlyList<double> Means, IReadOnlyList<string> Warnings);
