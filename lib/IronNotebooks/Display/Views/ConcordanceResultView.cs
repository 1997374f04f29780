using IronNotebooks.Statistics;

namespace IronNotebooks.Display.Views;

internal sealed class ConcordanceResultView : ResultView<ConcordanceResult>
{
    public override DisplayDocument Describe(ConcordanceResult r) => new("Lin's concordance correlation",
        [new DisplayTable($"n = {r.N}", ["", "value"],
        [
            ["CCC ρc", Numbers.F(r.Ccc, 3)],
            [r.Ci is null ? "CI" : $"{Numbers.Level(r.Ci.Level)} % CI", Numbers.Ci(r.Ci, 3)],
            ["precision: Pearson r", Numbers.F(r.PearsonR, 3)],
            ["accuracy: C_b", Numbers.F(r.BiasCorrectionFactor, 3)],
            ["location shift u", Numbers.F(r.LocationShift, 3)],
            ["scale shift v", Numbers.F(r.ScaleShift, 3)],
        ])], ["Lin 1989, Biometrics 45:255; ρc = r·C_b.", .. r.Warnings.Select(w => "Warning: " + w)]);
}
