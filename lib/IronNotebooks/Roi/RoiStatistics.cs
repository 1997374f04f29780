namespace IronNotebooks.Roi;

/// <summary>Statistics of one ROI on one plane.</summary>
/// <param name="RoiName">The ROI.</param>
/// <param name="Role">Its role.</param>
/// <param name="EchoTimeMs">Echo time of the plane, ms, if known.</param>
/// <param name="Mean">Mean pixel value.</param>
/// <param name="Sd">Sample standard deviation (n − 1 denominator); NaN-free: 0 for a single pixel.</param>
/// <param name="Median">Median (mean of the two middle values for an even count).</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
/// <param name="PixelCount">Pixels whose centres lie inside the ROI.</param>
/// <param name="AreaMm2">PixelCount × pixel area, mm².</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record RoiStatistics(string RoiName, RoiRole Role, double? EchoTimeMs, double Mean, double Sd, double Median,
    double Min, double Max, int PixelCount, double AreaMm2);
