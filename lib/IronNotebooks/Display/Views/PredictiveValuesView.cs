using IronNotebooks.Statistics;

namespace IronNotebooks.Display.Views;

internal sealed class PredictiveValuesView : ResultView<PredictiveValues>
{
    public override DisplayDocument Describe(PredictiveValues p)
    {
        string level = p.PpvCi is { } c ? Numbers.Level(c.Level) : p.NpvCi is { } d ? Numbers.Level(d.Level) : "95";
        return new DisplayDocument($"Predictive values at prevalence {Numbers.Percent(p.Prevalence)}",
            [new DisplayTable(null, ["", "estimate", $"{level} % CI (logit)"],
            [
                ["PPV", p.Ppv is { } ppv ? Numbers.Percent(ppv) : Numbers.Missing, Numbers.CiPercent(p.PpvCi)],
                ["NPV", p.Npv is { } npv ? Numbers.Percent(npv) : Numbers.Missing, Numbers.CiPercent(p.NpvCi)],
            ])], ["Intervals by Mercaldo, Lau & Zhou 2007, prevalence taken as known.", .. p.Warnings.Select(w => "Warning: " + w)]);
    }
}
