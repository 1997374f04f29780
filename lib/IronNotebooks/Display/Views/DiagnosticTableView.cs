using IronNotebooks.Statistics;

namespace IronNotebooks.Display.Views;

internal sealed class DiagnosticTableView : ResultView<DiagnosticTable>
{
    public override DisplayDocument Describe(DiagnosticTable t)
    {
        var counts = new DisplayTable("Test against reference", ["", "reference positive", "reference negative", "total"],
        [
            ["test positive", Numbers.Int(t.TruePositives), Numbers.Int(t.FalsePositives), Numbers.Int(t.TruePositives + t.FalsePositives)],
            ["test negative", Numbers.Int(t.FalseNegatives), Numbers.Int(t.TrueNegatives), Numbers.Int(t.FalseNegatives + t.TrueNegatives)],
            ["total", Numbers.Int(t.PositiveCount), Numbers.Int(t.NegativeCount), Numbers.Int(t.N)],
        ]);
        string level = Numbers.Level(t.ConfidenceLevel);
        IReadOnlyList<string> Prop(string name, ProportionEstimate? p) =>
            [name, Numbers.Proportion(p), Numbers.CiPercent(p?.Wilson), Numbers.CiPercent(p?.ClopperPearson)];
        IReadOnlyList<string> Ratio(string name, RatioEstimate r) => [name, Numbers.F(r.Value, 2), Numbers.Ci(r.Interval, 2), ""];
        var measures = new DisplayTable("Diagnostic accuracy",
            ["measure", "estimate", $"{level} % CI (Wilson)", $"{level} % CI (Clopper–Pearson)"],
        [
            Prop("sensitivity", t.Sensitivity),
            Prop("specificity", t.Specificity),
            Prop("PPV", t.Ppv),
            Prop("NPV", t.Npv),
            Prop("accuracy", t.Accuracy),
            Ratio("LR+", t.PositiveLikelihoodRatio),
            Ratio("LR−", t.NegativeLikelihoodRatio),
            ["Youden J", Numbers.F(t.Youden.Value, 3), Numbers.Ci(t.Youden.Wilson, 3), Numbers.Ci(t.Youden.ClopperPearson, 3)],
        ]);
        var notes = new List<string>
        {
            $"Prevalence {Numbers.Percent(t.Prevalence)}; PPV and NPV at the sample prevalence. Likelihood-ratio intervals by the log method (Simel et al. 1991), shown in the Wilson column; Youden J intervals by MOVER.",
        };
        foreach (var r in new[] { t.PositiveLikelihoodRatio, t.NegativeLikelihoodRatio })
            if (r.Note is { } n) notes.Add(n);
        notes.AddRange(t.Warnings.Select(w => "Warning: " + w));
        return new DisplayDocument("2×2 diagnostic table", [counts, measures], notes);
    }
}
