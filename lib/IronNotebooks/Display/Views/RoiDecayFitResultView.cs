using IronNotebooks.Relaxometry;

namespace IronNotebooks.Display.Views;

internal sealed class RoiDecayFitResultView : ResultView<RoiDecayFitResult>
{
    public override DisplayDocument Describe(RoiDecayFitResult r)
    {
        var roi = r.Echoes.Count > 0 ? r.Echoes[0].RoiName : "ROI";
        var echoes = new DisplayTable("ROI signal per echo", ["echo", "TE (ms)", "mean", "SD", "median", "pixels"],
            [.. r.Echoes.Select((e, i) => (IReadOnlyList<string>)[Numbers.Int(i + 1), Numbers.F(e.EchoTimeMs, 2), Numbers.G(e.Mean), Numbers.G(e.Sd),
                Numbers.G(e.Median), Numbers.Int(e.PixelCount)])]);
        return new DisplayDocument($"Decay fit of ROI {roi}: {r.Fit.Model} ({r.Source}, slice {r.SliceIndex}, {r.PixelCount} pixels)",
            [DecayFitResultView.Table(r.Fit, "R2*", "T2*"), echoes], DecayFitResultView.Notes(r.Fit));
    }
}
