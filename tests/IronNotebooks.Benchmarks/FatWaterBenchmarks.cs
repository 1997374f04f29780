using BenchmarkDotNet.Attributes;
using IronNotebooks.FatWater;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;
using IronNotebooks.Simulation;

namespace IronNotebooks.Benchmarks;

/// <summary>
/// Issue 18 speed target: a 256 × 256 × 32 × 6-echo magnitude fat–water map on 2 cores within 3× today's offset-model map
/// of the same volume. The volume (built in memory once): the 1.5 T chemical-shift protocol (TE 1.2 + 1.0 ms steps), PDFF
/// 0–40 % along x, R2* 25–500 s⁻¹ along y, Hamilton 2011 fat, ρ 1,000, Rician noise σ 20 (SNR 50), seeded. Both maps run on
/// all cores (2 on the project machines); the fat–water map is noise-floor aware (σ given), as a user would run it.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class FatWaterBenchmarks
{
    public const int Nx = 256, Ny = 256, Nz = 32;

    private MultiEchoSeries _series = null!;

    [Params("offset", "fatwater")]
    public string Model { get; set; } = "offset";

    [GlobalSetup]
    public void Setup() => _series = Build();

    /// <summary>The volume; public so a quick side-by-side run can reuse it.</summary>
    public static MultiEchoSeries Build()
    {
        var te = ChemicalShiftSimulation.EchoTimesMs(1.5);
        var rng = SeededRandom.Derive(7, "fatwater-benchmark");
        var slices = new List<MultiEchoSlice>();
        var geometry = new ImageGeometry(Ny, Nx, new Vector3Mm(0, 0, 0), new Vector3Mm(1, 0, 0), new Vector3Mm(0, 1, 0), 1.5, 1.5, 5);
        // One noiseless row of signals per (x, y) is the same on every slice; the noise differs.
        for (int z = 0; z < Nz; z++)
        {
            var planes = te.Select(_ => new float[Nx * Ny]).ToArray();
            for (int y = 0; y < Ny; y++)
                for (int x = 0; x < Nx; x++)
                {
                    double pdff = 40.0 * x / (Nx - 1), rate = 25 + 475.0 * y / (Ny - 1);
                    for (int e = 0; e < te.Count; e++)
                    {
                        var s = ChemicalShiftSimulation.Signal(FatSpectra.Hamilton2011, 1.5, te[e], 1000, pdff, rate, 0, 0);
                        double re = s.Real + 20 * rng.NextGaussian(), im = s.Imaginary + 20 * rng.NextGaussian();
                        planes[e][y * Nx + x] = (float)Math.Sqrt(re * re + im * im);
                    }
                }
            var g = geometry with { OriginMm = new Vector3Mm(0, 0, 5.0 * z) };
            slices.Add(new MultiEchoSlice(z, 5.0 * z, g, [.. te.Select((t, e) => new ImagePlane(planes[e], g, t, "benchmark"))]));
        }
        return MultiEchoSeries.FromPlanes("SYNTHETIC fat-water benchmark 256x256x32x6", te, slices, 1.5, "FatWaterBenchmarks");
    }

    /// <summary>The whole map (2.1 million pixels × 6 echoes).</summary>
    [Benchmark]
    public long WholeVolumeMap() => Model == "offset"
        ? R2StarMap.Compute(_series, DecayModels.Offset, R2StarMapOptions.Default with { MaskThreshold = 1 }).FittedPixels
        : FatWaterMap.Compute(_series, new FatWaterMapOptions { Fit = FatWaterOptions.At(1.5) with { NoiseSigma = 20 }, MaskThreshold = 1 }).FittedPixels;
}
