using IronNotebooks.Statistics;

namespace IronNotebooks.Display.Views;

internal sealed class BowkerResultView : ResultView<BowkerResult>
{
    public override DisplayDocument Describe(BowkerResult b) => new("Bowker's test of symmetry",
        [new DisplayTable(null, ["", "value"],
        [
            ["χ²", Numbers.F(b.ChiSquare, 3)],
            ["df", Numbers.Int(b.DegreesOfFreedom)],
            ["p", Numbers.P(b.P)],
            ["pairs without counts (skipped)", Numbers.Int(b.PairsSkipped)],
        ])], [.. b.Warnings.Select(w => "Warning: " + w)]);
}
