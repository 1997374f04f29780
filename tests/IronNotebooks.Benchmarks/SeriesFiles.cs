using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Benchmarks;

/// <summary>
/// The benchmark series: 1,000 classic MR files of 256×256 unsigned 16-bit (12 bits stored), written once by
/// <see cref="MrImageWriter"/> with seeded random pixels, so the C# benchmark and pydicom read the same bytes.
/// </summary>
public static class SeriesFiles
{
    public const int Files = 1000;
    public const int Size = 256;

    public static string DefaultFolder => Path.Combine(Path.GetTempPath(), "ironnb-bench-series");

    public static string Ensure(string? folder = null)
    {
        folder ??= DefaultFolder;
        if (Directory.Exists(folder) && Directory.GetFiles(folder, "*.dcm").Length == Files) return folder;
        Directory.CreateDirectory(folder);
        var random = new Random(7);
        var frames = new List<MrFrame>(Files);
        for (int i = 0; i < Files; i++)
        {
            var values = new ushort[Size * Size];
            for (int k = 0; k < values.Length; k++) values[k] = (ushort)random.Next(4096);
            frames.Add(new MrFrame(4.6 * (1 + i % 10), [0, 0, i / 10 * 5.0], values, 1 + i % 10));
        }
        MrImageWriter.WriteClassic(new MrImageSeries
        {
            Rows = Size, Columns = Size, PixelSpacingMm = [1.5, 1.5], SliceThicknessMm = 5, RepetitionTimeMs = 100,
            FlipAngleDeg = 20, MagneticFieldStrengthT = 3, Frames = frames, BitsStored = 12,
            SeriesDescription = "SYNTHETIC benchmark series",
        }, folder);
        return folder;
    }
}
