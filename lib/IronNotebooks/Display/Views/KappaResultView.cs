using IronNotebooks.Statistics;

namespace IronNotebooks.Display.Views;

internal sealed class KappaResultView : ResultView<KappaResult>
{
    public override DisplayDocument Describe(KappaResult k) => new($"Cohen's kappa ({k.Weighting} weights)",
        [new DisplayTable($"n = {k.N}", ["", "value"],
        [
            ["κ", Numbers.F(k.Kappa, 3)],
            [$"{Numbers.Level(k.ConfidenceLevel)} % CI", Numbers.Ci(k.Ci, 3)],
            ["SE", Numbers.F(k.StandardError, 4)],
            ["z (κ = 0)", Numbers.F(k.Z, 3)],
            ["p (two-sided)", Numbers.P(k.P)],
            ["observed agreement", Numbers.Percent(k.ObservedAgreement)],
            ["expected agreement", Numbers.Percent(k.ExpectedAgreement)],
        ]), ConfusionMatrixView.Table(k.Table)], [.. k.Warnings.Select(w => "Warning: " + w)]);
}
