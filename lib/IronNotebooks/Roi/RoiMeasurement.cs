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
}
