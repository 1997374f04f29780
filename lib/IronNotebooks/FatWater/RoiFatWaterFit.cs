using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.FatWater;

/// <summary>
/// ROI fat–water fit (the call cohort rows use): per-echo ROI means of one slice (<see cref="RoiMeasurement.MeasureEchoes(MultiEchoSeries, int, RoiShape)"/>),
/// then one magnitude fat–water fit. Fitting the ROI-mean signal is the usual ROI practice for PDFF and R2*.
/// </summary>
public static class RoiFatWaterFit
{
    /// <summary>Fits the ROI-mean magnitude of slice <paramref name="sliceIndex"/>.</summary>
    /// <param name="series">The chemical-shift-encoded magnitude series.</param>
    /// <param name="sliceIndex">Zero-based slice.</param>
    /// <param name="roi">The ROI.</param>
    /// <param name="options">Field (required), spectrum, noise σ of one pixel; the series' field is not assumed.
    /// <see cref="FatWaterOptions.AveragedPixels"/> is set to the ROI's pixel count.</param>
    /// <exception cref="ArgumentException">Slice out of range, an empty ROI, or what <see cref="FatWaterFit.FitMagnitude"/> rejects.</exception>
    public static RoiFatWaterFitResult Fit(MultiEchoSeries series, int sliceIndex, RoiShape roi, FatWaterOptions options)
    {
        Guard.NotNull(options);
        var stats = RoiMeasurement.MeasureEchoes(series, sliceIndex, roi);
        int pixels = stats[0].PixelCount;
        // The ROI mean of N pixels: σ²/N for the standard errors and the bias correction (FatWaterOptions.AveragedPixels).
        var fit = FatWaterFit.FitMagnitude(series.EchoTimesMs, [.. stats.Select(s => s.Mean)], options with { AveragedPixels = pixels });
        return new RoiFatWaterFitResult { Fit = fit, SliceIndex = sliceIndex, PixelCount = pixels, Echoes = stats, Source = series.Description };
    }
}
