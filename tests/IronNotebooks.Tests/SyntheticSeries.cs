using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Tests;

/// <summary>Small synthetic series written with the project's own DICOM writer, for tests that need no corpus.</summary>
public static class SyntheticSeries
{
    public static readonly double[] EchoTimesMs = [1.2, 2.4, 3.6, 4.8];

    /// <summary>32×32, 4 echoes, 2 slices 5 mm apart, anisotropic pixels (1.5 × 2 mm), value = 1000 + 10·x + y + echo.</summary>
    public static MrImageSeries Phantom(int slices = 1)
    {
        var frames = new List<MrFrame>();
        for (int s = 0; s < slices; s++)
            for (int e = 0; e < EchoTimesMs.Length; e++)
            {
                var values = new ushort[32 * 32];
                for (int y = 0; y < 32; y++)
                    for (int x = 0; x < 32; x++) values[y * 32 + x] = (ushort)(1000 + 10 * x + y + e + 100 * s);
                frames.Add(new MrFrame(EchoTimesMs[e], [-20, -30, 10 + 5 * s], values, e + 1));
            }
        return new MrImageSeries
        {
            Rows = 32, Columns = 32, PixelSpacingMm = [2.0, 1.5], SliceThicknessMm = 5, RepetitionTimeMs = 120, FlipAngleDeg = 20,
            MagneticFieldStrengthT = 1.5, Frames = frames, SeriesDescription = "SYNTHETIC test series",
        };
    }
}
