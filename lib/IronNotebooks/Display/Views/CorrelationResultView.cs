using IronNotebooks.Statistics;

namespace IronNotebooks.Display.Views;

internal sealed class CorrelationResultView : ResultView<CorrelationResult>
{
    public override DisplayDocument Describe(CorrelationResult r) => new("Correlation",
        [new DisplayTable(r.Method, ["", "value"],
        [
            ["coefficient", Numbers.F(r.Coefficient, 3)],
            [r.Ci is null ? "CI" : $"{Numbers.Level(r.Ci.Level)} % CI (Fisher z)", Numbers.Ci(r.Ci, 3)],
            ["t", Numbers.F(r.Statistic, 3)],
            ["df", Numbers.Int(r.DegreesOfFreedom)],
            ["p (two-sided)", Numbers.P(r.P)],
            ["n", Numbers.Int(r.N)],
        ])], [.. r.Warnings.Select(w => "Warning: " + w)]);
}
