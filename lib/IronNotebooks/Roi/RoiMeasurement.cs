using IronNotebooks.Imaging;

namespace IronNotebooks.Roi;

/// <summary>Measures ROIs on planes: the one-line entry point for notebooks.</summary>
public static class RoiMeasurement
{
    /// <summary>Statistics of <paramref name="roi"/> on <paramref name="plane"/> (pixel order does not matter).</summary>
    /// <exception cref="RoiException">The ROI is outside the image, empty, off the slice, or covers NaN/infinite pixels.</exception>
    public static RoiStatistics Measure(ImagePlane plane, RoiShape roi)
    {
        ArgumentNullException.ThrowIfNull(plane);
        var mask = RoiRasterizer.Rasterize(roi, plane.Geometry);
        var pixels = plane.Pixels;
        var values = new double[mask.PixelIndices.Count];
        for (int i = 0; i < values.Length; i++) values[i] = pixels[mask.PixelIndices[i]];
        int bad = values.Count(v => !double.IsFinite(v));
        if (bad > 0) throw new RoiException(roi.Name, $"{bad} of {values.Length} pixels are NaN or infinite on {plane.Source}");

        // Two-pass mean and variance: exact enough for 16-bit data and immune to the cancellation of Σx² − n·mean².
        double mean = values.Average();
        double ss = 0;
        foreach (var v in values) ss += (v - mean) * (v - mean);
        double sd = values.Length > 1 ? Math.Sqrt(ss / (values.Length - 1)) : 0;
        Array.Sort(values);
        int n = values.Length;
        double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        return new RoiStatistics(roi.Name, roi.Role, plane.EchoTimeMs, mean, sd, median, values[0], values[^1], n, n * plane.Geometry.PixelAreaMm2);
    }

    /// <summary>Statistics of one ROI on every echo of a slice, in echo order.</summary>
    public static IReadOnlyList<RoiStatistics> MeasureEchoes(MultiEchoSlice slice, RoiShape roi) =>
        [.. Guard.NotNull(slice).Echoes.Select(p => Measure(p, roi))];

    /// <summary>The ROI-mean decay a model is fitted to: statistics on every echo of slice <paramref name="sliceIndex"/>.</summary>
    /// <exception cref="ArgumentException">Slice out of range, or no pixel centre of the ROI on the slice.</exception>
    public static IReadOnlyList<RoiStatistics> MeasureEchoes(MultiEchoSeries series, int sliceIndex, RoiShape roi)
    {
        Guard.NotNull(series);
        Guard.NotNull(roi);
        Guard.InRange(sliceIndex, 0, series.Slices.Count - 1);
        var stats = MeasureEchoes(series.Slices[sliceIndex], roi);
        if (stats.Count == 0 || stats[0].PixelCount == 0) throw new ArgumentException($"The ROI '{roi.Name}' contains no pixel centres on slice {sliceIndex}.", nameof(roi));
        return stats;
    }
}
