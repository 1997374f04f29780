using IronNotebooks.Roi;

namespace IronNotebooks.Display.Views;

internal sealed class RoiStatisticsTableView : ResultView<RoiStatisticsTable>
{
    public override DisplayDocument Describe(RoiStatisticsTable t) => new(t.Title ?? "ROI statistics",
        [new DisplayTable(null, ["ROI", "role", "TE (ms)", "mean", "SD", "median", "min", "max", "pixels", "area (mm²)"],
            [.. t.Rows.Select(s => Row(s))])],
        ["Pixel values in the image's units; SD with the n − 1 denominator; a pixel counts when its centre lies inside the ROI."]);

    internal static IReadOnlyList<string> Row(RoiStatistics s) =>
        [s.RoiName, s.Role.ToString(), Numbers.F(s.EchoTimeMs, 2), Numbers.G(s.Mean), Numbers.G(s.Sd), Numbers.G(s.Median), Numbers.G(s.Min),
         Numbers.G(s.Max), Numbers.Int(s.PixelCount), Numbers.F(s.AreaMm2, 1)];
}
