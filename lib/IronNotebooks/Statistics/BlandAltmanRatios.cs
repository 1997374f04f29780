namespace IronNotebooks.Statistics;

/// <summary>Log-scale Bland–Altman results back-transformed to ratios b/a (dimensionless; 1 = no difference).</summary>
/// <param name="Bias">exp(mean log ratio): the geometric mean ratio b/a.</param>
/// <param name="BiasCi">Back-transformed interval of the bias.</param>
/// <param name="LowerLimit">exp(lower limit).</param>
/// <param name="LowerLimitCi">Back-transformed interval of the lower limit.</param>
/// <param name="UpperLimit">exp(upper limit).</param>
/// <param name="UpperLimitCi">Back-transformed interval of the upper limit.</param>
public sealed record BlandAltmanRatios(double Bias, ConfidenceInterval BiasCi, double LowerLimit, ConfidenceInterval LowerLimitCi,
    double UpperLimit, ConfidenceInterval UpperLimitCi);
