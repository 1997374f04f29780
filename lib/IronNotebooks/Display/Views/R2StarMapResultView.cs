using IronNotebooks.Relaxometry;

namespace IronNotebooks.Display.Views;

internal sealed class R2StarMapResultView : ResultView<R2StarMapResult>
{
    public override DisplayDocument Describe(R2StarMapResult m)
    {
        var summary = new DisplayTable(null, ["", "value"],
        [
            ["model", m.Model],
            ["echo times (ms)", string.Join(", ", m.EchoTimesMs.Select(t => Numbers.F(t, 2)))],
            ["slices", Numbers.Int(m.Slices.Count)],
            ["fitted pixels", Numbers.Int(m.FittedPixels)],
            ["masked pixels", Numbers.Int(m.MaskedPixels)],
            ["failed pixels", Numbers.Int(m.FailedPixels)],
        ]);
        var slices = new DisplayTable("R2* of the fitted pixels per slice", ["slice", "fitted pixels", "P5 (s⁻¹)", "P50 (s⁻¹)", "P95 (s⁻¹)"],
            [.. m.Slices.Select(s =>
            {
                var v = s.R2StarPerSecond.Where(float.IsFinite).Select(x => (double)x).Order().ToArray();
                string Q(double p) => v.Length == 0 ? Numbers.Missing : Numbers.F(v[(int)Math.Round(p * (v.Length - 1))], 1);
                return (IReadOnlyList<string>)[Numbers.Int(s.SliceIndex), Numbers.Int(v.Length), Q(0.05), Q(0.5), Q(0.95)];
            })]);
        return new DisplayDocument($"R2* map ({m.Source})", [summary, slices],
            ["Percentiles are nearest-rank (index round(p·(n − 1)) of the sorted values) over the fitted pixels of each slice; masked and failed pixels are NaN and left out. Use ROI statistics for tissue values."]);
    }
}
