using IronNotebooks.Statistics;

namespace IronNotebooks.Display.Views;

internal sealed class BlandAltmanResultView : ResultView<BlandAltmanResult>
{
    public override DisplayDocument Describe(BlandAltmanResult r)
    {
        string level = Numbers.Level(r.ConfidenceLevel), z = Numbers.F(r.LimitMultiplier, 2);
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "bias (mean difference)", Numbers.G(r.Bias), Numbers.G(r.BiasCi.Lower), Numbers.G(r.BiasCi.Upper) },
            new[] { "SD of differences", Numbers.G(r.SdDifference), "", "" },
            new[] { $"lower limit (bias − {z} SD)", Numbers.G(r.LowerLimit), Numbers.G(r.LowerLimitCi.Lower), Numbers.G(r.LowerLimitCi.Upper) },
            new[] { $"upper limit (bias + {z} SD)", Numbers.G(r.UpperLimit), Numbers.G(r.UpperLimitCi.Lower), Numbers.G(r.UpperLimitCi.Upper) },
            new[] { "proportional bias (slope on mean)", Numbers.G(r.ProportionalBias.Slope), Numbers.G(r.ProportionalBias.SlopeCi.Lower),
                Numbers.G(r.ProportionalBias.SlopeCi.Upper) },
        };
        var blocks = new List<DisplayBlock>
        {
            new DisplayTable($"Differences b − a on the {r.Scale} scale, n = {r.N}", ["", "estimate", $"{level} % CI lower", $"{level} % CI upper"], rows),
        };
        if (r.Ratios is { } q)
            blocks.Add(new DisplayTable("Back-transformed to ratios b/a", ["", "ratio", $"{level} % CI lower", $"{level} % CI upper"],
            [
                ["bias (geometric mean ratio)", Numbers.F(q.Bias, 3), Numbers.F(q.BiasCi.Lower, 3), Numbers.F(q.BiasCi.Upper, 3)],
                ["lower limit", Numbers.F(q.LowerLimit, 3), Numbers.F(q.LowerLimitCi.Lower, 3), Numbers.F(q.LowerLimitCi.Upper, 3)],
                ["upper limit", Numbers.F(q.UpperLimit, 3), Numbers.F(q.UpperLimitCi.Lower, 3), Numbers.F(q.UpperLimitCi.Upper, 3)],
            ]));
        return new DisplayDocument("Bland–Altman agreement", blocks,
            [$"Values in the units of the scale, 4 significant digits. Limit intervals: {r.LimitCiMethod}. Plot with BlandAltmanPlot.From(result).",
             .. r.Warnings.Select(w => "Warning: " + w)]);
    }
}
