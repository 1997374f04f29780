using IronNotebooks.Roi;

namespace IronNotebooks.Display.Views;

internal sealed class RoiStatisticsView : ResultView<RoiStatistics>
{
    public override DisplayDocument Describe(RoiStatistics s) => new($"ROI {s.RoiName} ({s.Role})",
        [new DisplayTable(null, ["ROI", "TE (ms)", "mean", "SD", "median", "min", "max", "pixels", "area (mm²)"],
            [[s.RoiName, Numbers.F(s.EchoTimeMs, 2), Numbers.G(s.Mean), Numbers.G(s.Sd), Numbers.G(s.Median), Numbers.G(s.Min), Numbers.G(s.Max),
              Numbers.Int(s.PixelCount), Numbers.F(s.AreaMm2, 1)]])],
        ["Pixel values in the image's units; SD with the n − 1 denominator; a pixel counts when its centre lies inside the ROI."]);
}
