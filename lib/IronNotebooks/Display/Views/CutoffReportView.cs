using IronNotebooks.Statistics;

namespace IronNotebooks.Display.Views;

internal sealed class CutoffReportView : ResultView<CutoffReport>
{
    public override DisplayDocument Describe(CutoffReport r)
    {
        string op = r.Direction == RocDirection.LowerIsPositive ? "≤" : "≥";
        IReadOnlyList<string> Row(string name, RocPoint? p) => p is null
            ? [name, "none", "", "", "", "", ""]
            : [name, $"{op} {Numbers.G(p.Threshold, 5)}", Numbers.Percent(p.Sensitivity), Numbers.Percent(p.Specificity),
               p.Ppv is { } ppv ? Numbers.Percent(ppv) : Numbers.Missing, p.Npv is { } npv ? Numbers.Percent(npv) : Numbers.Missing,
               $"{p.TruePositives}/{p.FalsePositives}/{p.FalseNegatives}/{p.TrueNegatives}"];
        var blocks = new List<DisplayBlock>
        {
            new DisplayTable(null, ["cut-off", "positive when score", "sensitivity", "specificity", "PPV", "NPV", "TP/FP/FN/TN"],
                [Row(r.YoudenTies > 1 ? $"Youden (max J, {r.YoudenTies} tied)" : "Youden (max J)", r.Youden), Row("rule-in (PPV 100 %)", r.RuleIn),
                 Row("rule-out (NPV 100 %)", r.RuleOut)]),
        };
        if (r.Band is { } b)
            blocks.Add(new DisplayTable("Uncertain band between the rule-out and rule-in cut-offs", ["band", "subjects", "cases", "controls", "fraction"],
                [[$"{Numbers.G(b.RuleOutThreshold, 5)} to {Numbers.G(b.RuleInThreshold, 5)}", Numbers.Int(b.Count), Numbers.Int(b.PositiveCount),
                  Numbers.Int(b.NegativeCount), Numbers.Percent(b.Fraction)]]));
        return new DisplayDocument("ROC cut-offs", blocks, ["PPV and NPV at the sample prevalence.", .. r.Warnings.Select(w => "Warning: " + w)]);
    }
}
