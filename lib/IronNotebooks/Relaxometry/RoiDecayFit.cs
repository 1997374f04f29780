using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.Relaxometry;

/// <summary>
/// ROI relaxometry: per-echo ROI means (<see cref="RoiMeasurement.MeasureEchoes(MultiEchoSeries, int, RoiShape)"/>) of one slice, then one decay fit.
/// Fitting the mean decay (rather than averaging pixel fits) is the usual ROI practice; the ROI mean of Rician
/// magnitudes keeps the noise floor, so the noise-aware models still need σ.
/// </summary>
public static class RoiDecayFit
{
    /// <summary>Fits <paramref name="model"/> to the ROI mean decay of slice <paramref name="sliceIndex"/>.</summary>
    /// <exception cref="ArgumentException">Slice out of range, an empty ROI, or what <see cref="DecayFit.Fit"/> rejects.</exception>
    public static RoiDecayFitResult Fit(MultiEchoSeries series, int sliceIndex, RoiShape roi, DecayModel model, DecayFitOptions? options = null)
    {
        var stats = RoiMeasurement.MeasureEchoes(series, sliceIndex, roi);
        int pixels = stats[0].PixelCount;
        var fit = DecayFit.Fit(series.EchoTimesMs, stats.Select(s => s.Mean).ToArray(), model, options);
        return new RoiDecayFitResult(fit, sliceIndex, pixels, stats, series.Description);
    }
}
