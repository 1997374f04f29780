using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using System.Globalization;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;

namespace IronNotebooks.Benchmarks;

/// <summary>
/// Pixel-wise R2* maps of a synthetic 256 × 256 × 32 series with 12 echoes (0.99 ms + 1.41 ms steps): R2* 20–1,000 s⁻¹
/// across the image, S0 = 1,000, Rician noise σ = 10 (seeded), float32 NIfTI written once to a temp folder
/// (<see cref="DataFolder"/>). A whole map takes up to seconds, so BenchmarkDotNet runs one warm-up and three measured maps
/// per case, on all cores and on one core (for the per-core comparison with single-threaded NumPy). The Python peer
/// (python_relaxometry_peer.py) reads these same files; `python_relaxometry_peer.py --side-by-side` runs both and prints
/// the ratios.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class RelaxometryBenchmarks
{
    public const int Nx = 256, Ny = 256, Nz = 32, Echoes = 12;

    /// <summary>Where the volume is written: $TMPDIR/ironnb-relaxometry-bench (the Python peer's default too).</summary>
    public static string DataFolder => Path.Combine(Path.GetTempPath(), "ironnb-relaxometry-bench");

    private MultiEchoSeries _series = null!;

    /// <summary>Decay model by registry name on all cores (2 on the project machines), or "NAME 1 core" on one thread.</summary>
    [Params("loglinear", "arlo", "mono", "offset", "loglinear 1 core", "offset 1 core")]
    public string Model { get; set; } = "arlo";

    [GlobalSetup]
    public void Setup()
    {
        Write(DataFolder);
        _series = MultiEchoSeries.FromNiftiFolder(DataFolder);
    }

    /// <summary>The whole 256 × 256 × 32 map (2.1 million pixels).</summary>
    [Benchmark]
    public long WholeVolumeMap()
    {
        bool oneCore = Model.EndsWith(" 1 core", StringComparison.Ordinal);
        var model = DecayModels.Get(oneCore ? Model[..^" 1 core".Length] : Model);
        return R2StarMap.Compute(_series, model, R2StarMapOptions.Default with { MaskThreshold = 1, MaxDegreeOfParallelism = oneCore ? 1 : -1 }).FittedPixels;
    }

    /// <summary>Pixel (x, y, z): R2* = 20 + 980·x/255 s⁻¹; noise seeded per echo.</summary>
    public static void Write(string dir)
    {
        if (File.Exists(Path.Combine(dir, $"bench_e{Echoes}.json"))) return;
        Directory.CreateDirectory(dir);
        var rng = new Random(7);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        for (int e = 0; e < Echoes; e++)
        {
            double te = 0.99 + 1.41 * e;
            var b = Header();
            for (int z = 0; z < Nz; z++)
                for (int y = 0; y < Ny; y++)
                    for (int x = 0; x < Nx; x++)
                    {
                        double a = 1000 * Math.Exp(-(20 + 980.0 * x / (Nx - 1)) * te / 1000);
                        double re = a + 10 * Gauss(), im = 10 * Gauss();
                        BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(352 + 4 * ((z * Ny + y) * Nx + x)), (float)Math.Sqrt(re * re + im * im));
                    }
            File.WriteAllBytes(Path.Combine(dir, $"bench_e{e + 1}.nii"), b);
            File.WriteAllText(Path.Combine(dir, $"bench_e{e + 1}.json"), string.Create(CultureInfo.InvariantCulture, $"{{\"EchoTime\": {te / 1000}, \"EchoNumber\": {e + 1}}}"));
        }
    }

    private static byte[] Header()
    {
        var b = new byte[352 + 4 * Nx * Ny * Nz];
        BinaryPrimitives.WriteInt32LittleEndian(b, 348);
        short[] dim = [3, Nx, Ny, Nz, 1, 1, 1, 1];
        for (int i = 0; i < 8; i++) BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(40 + 2 * i), dim[i]);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(70), 16); // float32
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(72), 32);
        for (int i = 0; i < 4; i++) BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(76 + 4 * i), 1);
        BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(108), 352);
        BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(254), 1);
        float[] srow = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0];
        for (int i = 0; i < 12; i++) BinaryPrimitives.WriteSingleLittleEndian(b.AsSpan(280 + 4 * i), srow[i]);
        "n+1\0"u8.CopyTo(b.AsSpan(344));
        return b;
    }
}
