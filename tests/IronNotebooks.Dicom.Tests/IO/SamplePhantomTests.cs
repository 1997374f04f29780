using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Dicom.Tests.IO;

/// <summary>
/// The bundled sample (datasets/sample/synthetic_r2star_phantom.dcm, used by the README's one-file example) is made by
/// <see cref="Create"/>; this test proves the committed bytes are exactly what the code makes. Regenerate with
/// IRONNB_WRITE_SAMPLE=1 dotnet test --filter SamplePhantom.
/// </summary>
public class SamplePhantomTests
{
    /// <summary>R2* of the four vials, s⁻¹, and the background tissue.</summary>
    public static readonly double[] VialR2StarPerSecond = [30, 100, 300, 600];
    public const double BackgroundR2StarPerSecond = 50;
    public static readonly double[] EchoTimesMs = [1.2, 2.4, 3.6, 4.8, 6.0, 7.2, 8.4, 9.6];

    public static string SamplePath => Path.Combine(TestPaths.RepositoryRoot, "datasets", "sample", "synthetic_r2star_phantom.dcm");

    /// <summary>
    /// A synthetic 64×64 single-slice multi-echo GRE at 1.5 T: four round vials of known R2* in a background, signal
    /// S = 2000·exp(−TE·R2*) plus seeded Gaussian noise (SD 10), stored as unsigned 16-bit with rescale slope 0.5.
    /// Not a scan: made to exercise the readers and, later, the relaxometry fits.
    /// </summary>
    public static MrImageSeries Create()
    {
        const int n = 64;
        var random = new Random(20261122);
        var frames = new List<MrFrame>();
        for (int e = 0; e < EchoTimesMs.Length; e++)
        {
            var values = new ushort[n * n];
            for (int y = 0; y < n; y++)
                for (int x = 0; x < n; x++)
                {
                    double r2 = BackgroundR2StarPerSecond;
                    for (int v = 0; v < 4; v++)
                    {
                        double cx = 16 + 32 * (v % 2), cy = 16 + 32 * (v / 2);
                        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= 64) r2 = VialR2StarPerSecond[v];
                    }
                    double noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * 10;
                    double signal = 2000 * Math.Exp(-EchoTimesMs[e] / 1000 * r2) + noise;
                    values[y * n + x] = (ushort)Math.Clamp(Math.Round(Math.Abs(signal) / 0.5), 0, 65535);
                }
            frames.Add(new MrFrame(EchoTimesMs[e], [-120, -120, 40], values, e + 1));
        }
        return new MrImageSeries
        {
            Rows = n, Columns = n, PixelSpacingMm = [3.75, 3.75], SliceThicknessMm = 10, RepetitionTimeMs = 200,
            FlipAngleDeg = 20, MagneticFieldStrengthT = 1.5, Frames = frames, RescaleSlope = 0.5,
            Manufacturer = "IronNotebooks (synthetic)", SeriesDescription = "SYNTHETIC phantom, vials R2* 30/100/300/600 s-1",
            PatientName = "Synthetic^Phantom", PatientId = "SYNTH-0001", StudyDate = "20261122",
            StudyInstanceUid = "2.25.200338194152173522755776267084239106089.1",
            SeriesInstanceUid = "2.25.200338194152173522755776267084239106089.1.1",
            FrameOfReferenceUid = "2.25.200338194152173522755776267084239106089.1.2",
        };
    }

    [Fact]
    public void BundledSample_IsExactlyWhatTheGeneratorWrites()
    {
        var dataset = MrImageWriter.CreateEnhancedDataset(Create());
        dataset.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, "2.25.200338194152173522755776267084239106089.1.1.1");
        using var ms = new MemoryStream();
        DicomWriter.Write(ms, dataset);
        if (Environment.GetEnvironmentVariable("IRONNB_WRITE_SAMPLE") == "1") File.WriteAllBytes(SamplePath, ms.ToArray());
        Assert.Equal(ms.ToArray(), File.ReadAllBytes(SamplePath));
    }

    [Fact]
    public void BundledSample_ReadsBackItsEchoTimesAndVialSignal()
    {
        var pixels = DicomFile.Open(SamplePath).GetPixelData();
        Assert.Equal(EchoTimesMs, pixels.Frames.Select(f => f.EchoTimeMs!.Value));
        // Centre of vial 1 (R2* 30 s⁻¹) at the first echo: 2000·exp(−1.2 ms · 30 s⁻¹) ≈ 1929, noise SD 10.
        var first = pixels.GetRescaledValues(0);
        Assert.InRange(first[16 * 64 + 16], 1929 - 50, 1929 + 50);
    }
}
