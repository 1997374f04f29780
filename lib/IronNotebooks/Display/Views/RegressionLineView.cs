using IronNotebooks.Statistics;

namespace IronNotebooks.Display.Views;

internal sealed class RegressionLineView : ResultView<RegressionLine>
{
    public override DisplayDocument Describe(RegressionLine l)
    {
        string level = Numbers.Level(l.SlopeCi.Level);
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "slope", Numbers.G(l.Slope), Numbers.G(l.SlopeStandardError), Numbers.CiG(l.SlopeCi) },
            new[] { "intercept (y units)", Numbers.G(l.Intercept), Numbers.G(l.InterceptStandardError), Numbers.CiG(l.InterceptCi) },
        };
        if (l.RSquared is { } r2) rows.Add(["R²", Numbers.F(r2, 3), "", ""]);
        if (l.ResidualStandardDeviation is { } s) rows.Add(["residual SD (y units)", Numbers.G(s), "", ""]);
        if (l.SlopeP is { } p) rows.Add(["p (slope = 0)", Numbers.P(p), "", ""]);
        return new DisplayDocument($"Regression line: {l.Method}", [new DisplayTable($"n = {l.N}", ["", "estimate", "SE", $"{level} % CI"], rows)],
            [$"Slope CI contains 1: {(l.SlopeCi.Contains(1) ? "yes" : "no")}; intercept CI contains 0: {(l.InterceptCi.Contains(0) ? "yes" : "no")}. Intervals: {l.SlopeCi.Method}.",
             .. l.Warnings.Select(w => "Warning: " + w)]);
    }
}
