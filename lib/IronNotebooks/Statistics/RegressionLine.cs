namespace IronNotebooks.Statistics;

/// <summary>
/// A fitted straight line y = Intercept + Slope·x with its intervals and how it was fitted (see
/// <see cref="MethodComparison"/> for OLS, Deming and Passing–Bablok). Method comparison asks whether the slope
/// interval contains 1 (no proportional difference) and the intercept interval contains 0 (no constant difference).
/// </summary>
/// <param name="Method">Fitting method and citation.</param>
/// <param name="N">Pairs used.</param>
/// <param name="Slope">Slope, in y-units per x-unit.</param>
/// <param name="Intercept">Intercept, in y-units.</param>
/// <param name="SlopeCi">Interval of the slope.</param>
/// <param name="InterceptCi">Interval of the intercept.</param>
/// <param name="SlopeStandardError">Standard error of the slope (null for Passing–Bablok, which is rank-based).</param>
/// <param name="InterceptStandardError">Standard error of the intercept (null for Passing–Bablok).</param>
/// <param name="SlopeP">Two-sided p of slope = 0 (OLS only; null otherwise).</param>
/// <param name="RSquared">Coefficient of determination (OLS only).</param>
/// <param name="ResidualStandardDeviation">√(RSS/(n − 2)) (OLS only), in y-units.</param>
/// <param name="Warnings">Caveats.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record RegressionLine(string Method, int N, double Slope, double Intercept, ConfidenceInterval SlopeCi, ConfidenceInterval InterceptCi,
    double? SlopeStandardError, double? InterceptStandardError, double? SlopeP, double? RSquared, double? ResidualStandardDeviation,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Intercept + Slope·x.</summary>
    public double Predict(double x) => Intercept + Slope * x;
}
