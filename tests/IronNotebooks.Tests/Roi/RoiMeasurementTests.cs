using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using Xunit;

namespace IronNotebooks.Tests.Roi;

public class RoiMeasurementTests
{
    private static readonly ImageGeometry Grid = new(16, 16, new Vector3Mm(0, 0, 0), new Vector3Mm(1, 0, 0), new Vector3Mm(0, 1, 0), 1.5, 1.5, 5);

    [Fact]
    public void Measure_GivesSampleSdMedianAndAreaOfTheCoveredPixels()
    {
        var pixels = new float[256];
        for (int i = 0; i < 256; i++) pixels[i] = i % 16 + 16 * (i / 16);   // value = index
        var plane = new ImagePlane(pixels, Grid, 4.6, "test");
        var stats = RoiMeasurement.Measure(plane, new RectangleRoi("r", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(2, 3), new RoiPoint(4, 3)));

        Assert.Equal((50.0, 51.0, 52.0), (stats.Min, stats.Median, stats.Max));
        Assert.Equal(51, stats.Mean, 12);
        Assert.Equal(1, stats.Sd, 12);                  // n − 1 denominator: values 50, 51, 52
        Assert.Equal(3, stats.PixelCount);
        Assert.Equal(3 * 2.25, stats.AreaMm2, 12);
        Assert.Equal(4.6, stats.EchoTimeMs);
    }

    [Fact]
    public void Measure_IgnoresTheOrderOfPixelsInsideTheRoi()
    {
        var random = new Random(5);
        var roi = new CircleRoi("c", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(8, 8), 5);
        var inside = RoiRasterizer.Rasterize(roi, Grid).PixelIndices.ToArray();
        for (int trial = 0; trial < 50; trial++)
        {
            var pixels = Enumerable.Range(0, 256).Select(_ => (float)(random.NextDouble() * 1000)).ToArray();
            var a = RoiMeasurement.Measure(new ImagePlane(pixels, Grid, null, "a"), roi);
            var shuffled = (float[])pixels.Clone();
            var order = inside.OrderBy(_ => random.Next()).ToArray();
            for (int k = 0; k < inside.Length; k++) shuffled[inside[k]] = pixels[order[k]];
            var b = RoiMeasurement.Measure(new ImagePlane(shuffled, Grid, null, "b"), roi);
            Assert.Equal(a.Mean, b.Mean, 9);
            Assert.Equal(a.Sd, b.Sd, 9);
            Assert.Equal((a.Median, a.Min, a.Max, a.PixelCount), (b.Median, b.Min, b.Max, b.PixelCount));
        }
    }

    [Fact]
    public void Measure_NaNInsideTheRoi_IsAnErrorNotASilentNaN()
    {
        var pixels = new float[256];
        pixels[8 * 16 + 8] = float.NaN;
        var e = Assert.Throws<RoiException>(() =>
            RoiMeasurement.Measure(new ImagePlane(pixels, Grid, null, "nan"), new CircleRoi("c", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(8, 8), 2)));
        Assert.Contains("NaN", e.Message);
    }

    [Fact]
    public void NoiseEstimate_FromRayleighBackground_RecoversSigma()
    {
        // Magnitude of complex Gaussian noise with σ = 10 per channel is Rayleigh(10).
        var random = new Random(9);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var g = new ImageGeometry(128, 128, new Vector3Mm(0, 0, 0), new Vector3Mm(1, 0, 0), new Vector3Mm(0, 1, 0), 1, 1, 5);
        var pixels = Enumerable.Range(0, 128 * 128).Select(_ => (float)Math.Sqrt(Math.Pow(10 * Gauss(), 2) + Math.Pow(10 * Gauss(), 2))).ToArray();
        var stats = RoiMeasurement.Measure(new ImagePlane(pixels, g, null, "noise"),
            new RectangleRoi("air", RoiRole.Background, RoiSpace.Pixel, new RoiPoint(0, 0), new RoiPoint(127, 127)));
        var noise = NoiseEstimate.FromBackground(stats);
        Assert.InRange(noise.SigmaFromMean, 9.8, 10.2);
        Assert.InRange(noise.SigmaFromSd, 9.7, 10.3);
        Assert.InRange(noise.RatioSdToMean, NoiseEstimate.RayleighSdToMean - 0.02, NoiseEstimate.RayleighSdToMean + 0.02);
        Assert.Throws<ArgumentException>(() => NoiseEstimate.FromBackground(stats with { Role = RoiRole.Liver }));
    }
}
