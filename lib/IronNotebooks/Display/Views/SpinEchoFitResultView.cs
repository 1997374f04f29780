using IronNotebooks.Relaxometry;

namespace IronNotebooks.Display.Views;

internal sealed class SpinEchoFitResultView : ResultView<SpinEchoFitResult>
{
    public override DisplayDocument Describe(SpinEchoFitResult r) =>
        new($"Spin-echo decay fit: {r.Fit.Model}", [DecayFitResultView.Table(r.Fit, "R2", "T2")], DecayFitResultView.Notes(r.Fit));
}
