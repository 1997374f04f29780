using IronNotebooks.Statistics;

namespace IronNotebooks.Display.Views;

internal sealed class RocCurveView : ResultView<RocCurve>
{
    public override DisplayDocument Describe(RocCurve c)
    {
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "AUC", Numbers.F(c.Auc, 3) },
            new[] { $"{Numbers.Level(c.ConfidenceLevel)} % CI (DeLong)", Numbers.Ci(c.AucCi, 3) },
            new[] { "SE (DeLong)", Numbers.F(c.AucStandardError, 4) },
        };
        if (c.AucBootstrapCi is { } b) rows.Add([$"{Numbers.Level(b.Level)} % CI (bootstrap)", Numbers.Ci(b, 3)]);
        rows.AddRange(
        [
            ["cases (reference positive)", Numbers.Int(c.PositiveCount)],
            ["controls (reference negative)", Numbers.Int(c.NegativeCount)],
            ["direction", c.Direction == c.RequestedDirection ? c.Direction.ToString() : $"{c.Direction} (chosen from {c.RequestedDirection})"],
            ["operating points", Numbers.Int(c.PointCount)],
        ]);
        return new DisplayDocument("ROC curve", [new DisplayTable(null, ["", "value"], rows)],
            ["AUC = Mann–Whitney P(case > control) + ½ P(tie); interval by DeLong et al. 1988. Plot with RocPlot.From(curve).",
             .. c.Warnings.Select(w => "Warning: " + w)]);
    }
}
