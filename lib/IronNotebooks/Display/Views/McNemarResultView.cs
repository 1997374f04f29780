using IronNotebooks.Statistics;

namespace IronNotebooks.Display.Views;

internal sealed class McNemarResultView : ResultView<McNemarResult>
{
    public override DisplayDocument Describe(McNemarResult m) => new("McNemar's test",
        [
            new DisplayTable("Paired classifications", ["", "second positive", "second negative"],
            [
                ["first positive", Numbers.Int(m.BothPositive), Numbers.Int(m.FirstOnly)],
                ["first negative", Numbers.Int(m.SecondOnly), Numbers.Int(m.BothNegative)],
            ]),
            new DisplayTable($"n = {m.N}, discordant pairs = {m.Discordant}", ["test", "statistic", "p"],
            [
                ["χ² (1 df)", Numbers.F(m.ChiSquare, 3), Numbers.P(m.PChiSquare)],
                ["χ² with continuity correction", Numbers.F(m.ChiSquareCorrected, 3), Numbers.P(m.PChiSquareCorrected)],
                ["exact binomial", "", Numbers.P(m.PExact)],
            ]),
        ], [.. m.Warnings.Select(w => "Warning: " + w)]);
}
