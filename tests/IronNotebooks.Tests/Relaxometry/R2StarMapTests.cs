using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;
using Xunit;

namespace IronNotebooks.Tests.Relaxometry;

public sealed class R2StarMapTests
{
    /// <summary>A 2-slice, 6 × 5 NIfTI series whose pixel (x, y, z) decays at R2* = 50 + 40·x + 200·y + 7·z s⁻¹ from S0 = 30,000 (int16).</summary>
    internal static string WriteSeries(double[] te)
    {
        var dir = Directory.CreateTempSubdirectory("ironnb-map-").FullName;
        const int nx = 6, ny = 5, nz = 2;
        for (int e = 0; e < te.Length; e++)
        {
            var v = new short[nx * ny * nz];
            for (int z = 0; z < nz; z++)
                for (int y = 0; y < ny; y++)
                    for (int x = 0; x < nx; x++)
                        v[z * nx * ny + y * nx + x] = x == 0 && y == 0 ? (short)0 : (short)Math.Round(30000 * Math.Exp(-Rate(x, y, z) * te[e] / 1000));
            File.WriteAllBytes(Path.Combine(dir, $"map_e{e + 1}.nii"), NiftiBytes.Int16(nx, ny, nz, v));
            File.WriteAllText(Path.Combine(dir, $"map_e{e + 1}.json"), FormattableString.Invariant($"{{\"EchoTime\": {te[e] / 1000}, \"EchoNumber\": {e + 1}}}"));
        }
        return dir;
    }

    internal static double Rate(int x, int y, int z) => 50 + 40 * x + 200 * y + 7 * z;

    [Theory]
    [InlineData("mono")]
    [InlineData("offset")]
    [InlineData("loglinear")]
    [InlineData("arlo")]
    public void Compute_SyntheticSeries_RecoversEveryPixelsR2StarAndMasksBackground(string model)
    {
        double[] te = [1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5];
        var dir = WriteSeries(te);
        try
        {
            var series = MultiEchoSeries.FromNiftiFolder(dir);
            var reports = new List<double>();
            var map = R2StarMap.Compute(series, DecayModels.Get(model), R2StarMapOptions.Default with { MaskThreshold = 1 },
                new SyncProgress(reports.Add));
            Assert.Equal(2, map.Slices.Count);
            Assert.Equal(2, map.MaskedPixels);
            // Rates above 1000 / TE1 = 1,000 s⁻¹ (x ≥ 4 on the last row: 1,010–1,057 s⁻¹) have T2* below the first echo.
            Assert.Equal(4, map.BeyondMeasurableRangePixels);
            Assert.Equal(54, map.FittedPixels + map.FailedPixels);
            Assert.Equal(1.0, reports.Max(), 12);
            double tol = model == "arlo" ? 0.02 : 0.005; // int16 rounding; ARLO's Simpson discretisation at 0.5 ms spacing
            for (int z = 0; z < 2; z++)
            {
                var s = map.Slices[z];
                Assert.Equal(DecayFitStatus.Masked, s.Status[0]);
                Assert.True(float.IsNaN(s.R2StarPerSecond[0]));
                for (int y = 0; y < 5; y++)
                    for (int x = 0; x < 6; x++)
                    {
                        if (x == 0 && y == 0) continue;
                        double expected = Rate(x, y, z);
                        if (expected > 1000 / te[0])
                        {
                            Assert.Equal(DecayFitStatus.BeyondMeasurableRange, s.Status[y * 6 + x]);
                            Assert.True(float.IsNaN(s.R2StarPerSecond[y * 6 + x]));
                            continue;
                        }
                        // The highest rates (≈ 1,000 s⁻¹) leave the last echoes at a few int16 units: allow rounding there.
                        double t = expected > 700 ? 3 * tol : tol;
                        Assert.Equal(expected, s.R2StarPerSecond[y * 6 + x], expected * t);
                    }
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Compute_Cancelled_ThrowsOperationCanceled()
    {
        var dir = WriteSeries([1.0, 2.0, 3.0, 4.0]);
        try
        {
            var series = MultiEchoSeries.FromNiftiFolder(dir);
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => R2StarMap.Compute(series, DecayModels.Mono, null, null, cts.Token));
        }
        finally { Directory.Delete(dir, true); }
    }

    private sealed class SyncProgress(Action<double> report) : IProgress<double>
    {
        private readonly Lock _gate = new();

        public void Report(double value)
        {
            lock (_gate) report(value);
        }
    }
}
