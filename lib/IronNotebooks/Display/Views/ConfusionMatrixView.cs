using IronNotebooks.Statistics;

namespace IronNotebooks.Display.Views;

internal sealed class ConfusionMatrixView : ResultView<ConfusionMatrix>
{
    public override DisplayDocument Describe(ConfusionMatrix m)
    {
        var blocks = new List<DisplayBlock> { Table(m) };
        if (m.N > 0)
            blocks.Add(new DisplayTable("Per class", ["class", "recall", "precision"],
                [.. m.PerClass().Select(c => (IReadOnlyList<string>)[c.Label, Numbers.Proportion(c.Recall), Numbers.Proportion(c.Precision)])]));
        return new DisplayDocument($"Confusion matrix ({m.CategoryCount} classes, n = {m.N})", blocks,
            m.N > 0 ? [$"Overall agreement {Numbers.Proportion(m.Accuracy())}."] : []);
    }

    internal static DisplayTable Table(ConfusionMatrix m)
    {
        var rows = new List<IReadOnlyList<string>>();
        for (int i = 0; i < m.CategoryCount; i++)
            rows.Add([m.Labels[i], .. Enumerable.Range(0, m.CategoryCount).Select(j => Numbers.Int(m[i, j])), Numbers.Int(m.RowTotal(i))]);
        rows.Add(["total", .. Enumerable.Range(0, m.CategoryCount).Select(j => Numbers.Int(m.ColumnTotal(j))), Numbers.Int(m.N)]);
        return new DisplayTable("Rows: first rater (reference); columns: second (prediction)", ["", .. m.Labels, "total"], rows);
    }
}
