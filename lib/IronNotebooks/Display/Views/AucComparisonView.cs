using IronNotebooks.Statistics;

namespace IronNotebooks.Display.Views;

internal sealed class AucComparisonView : ResultView<AucComparison>
{
    public override DisplayDocument Describe(AucComparison c) => new("Comparison of two AUCs",
        [new DisplayTable(c.Method, ["", "value"],
        [
            ["AUC 1", Numbers.F(c.Auc1, 3)],
            ["AUC 2", Numbers.F(c.Auc2, 3)],
            ["difference AUC 1 − AUC 2", Numbers.F(c.Difference, 3)],
            [$"{Numbers.Level(c.DifferenceCi.Level)} % CI of the difference", Numbers.Ci(c.DifferenceCi, 3)],
            ["SE of the difference", Numbers.F(c.StandardError, 4)],
            [c.DegreesOfFreedom is null ? "z" : "t", Numbers.F(c.Statistic, 3)],
            .. c.DegreesOfFreedom is { } df ? new IReadOnlyList<string>[] { ["df", Numbers.F(df, 1)] } : [],
            ["p (two-sided)", Numbers.P(c.P)],
            .. c.Paired ? new IReadOnlyList<string>[] { ["correlation of the AUCs", Numbers.F(c.Correlation, 3)] } : [],
        ])], [c.Paired ? "Paired: both scores on the same subjects." : "Unpaired: independent samples.", .. c.Warnings.Select(w => "Warning: " + w)]);
}
