using IronNotebooks.Statistics;

namespace IronNotebooks.Display.Views;

internal sealed class ThreeBandTableView : ResultView<ThreeBandTable>
{
    public override DisplayDocument Describe(ThreeBandTable t)
    {
        bool higher = t.Direction != RocDirection.LowerIsPositive;
        string[] rules = higher
            ? [$"< {Numbers.G(t.RuleOutThreshold, 5)}", $"{Numbers.G(t.RuleOutThreshold, 5)} to < {Numbers.G(t.RuleInThreshold, 5)}", $"≥ {Numbers.G(t.RuleInThreshold, 5)}"]
            : [$"> {Numbers.G(t.RuleOutThreshold, 5)}", $"{Numbers.G(t.RuleOutThreshold, 5)} to > {Numbers.G(t.RuleInThreshold, 5)}", $"≤ {Numbers.G(t.RuleInThreshold, 5)}"];
        var rows = new List<IReadOnlyList<string>>();
        for (int b = 0; b < t.Bands.Count; b++)
            rows.Add([$"{t.Bands[b]} ({rules[b]})", .. t.Counts[b].Select(c => Numbers.Int(c)), Numbers.Int(t.Counts[b].Sum())]);
        rows.Add(["total", .. t.Classes.Select((_, c) => Numbers.Int(t.Counts.Sum(r => r[c]))), Numbers.Int(t.N)]);
        return new DisplayDocument("Three-band table", [new DisplayTable("Score band × reference class", ["band (score)", .. t.Classes, "total"], rows)],
            ["Cut-offs chosen on the same data are optimistic; validate them on another sample."]);
    }
}
