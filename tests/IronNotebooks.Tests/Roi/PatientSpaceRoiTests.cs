using IronNotebooks.Dicom.IO;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using Xunit;

namespace IronNotebooks.Tests.Roi;

/// <summary>One ROI set in patient millimetres applies to every sequence acquired at the same slice position.</summary>
public class PatientSpaceRoiTests
{
    [Fact]
    public void MillimetreRoi_OnTwoSeriesWithDifferentMatrices_CoversTheSameTissue()
    {
        var dir = Directory.CreateTempSubdirectory("ironnb-mm-").FullName;
        try
        {
            // Series A: 32×32 at 2 × 1.5 mm. Series B: the same field of view at 64×64, 1 × 0.75 mm, same position.
            var a = SyntheticSeries.Phantom();
            var b = a with
            {
                Rows = 64, Columns = 64, PixelSpacingMm = [1.0, 0.75], SeriesNumber = 2,
                SeriesInstanceUid = IronNotebooks.Dicom.DicomUid.Generate(),
                // Same tissue model sampled on the finer grid: value depends on position in mm, not on the index.
                Frames = [.. a.Frames.Select(f => f with { StoredValues = Resample(f.EchoTimeMs) })],
            };
            MrImageWriter.WriteClassic(a, Path.Combine(dir, "a"));
            MrImageWriter.WriteClassic(b, Path.Combine(dir, "b"));
            var catalog = ImageCatalog.Scan(dir);
            var seriesA = MultiEchoSeries.FromCatalog(catalog.AllSeries.Single(s => s.SeriesNumber == 1));
            var seriesB = MultiEchoSeries.FromCatalog(catalog.AllSeries.Single(s => s.SeriesNumber == 2));

            // A 9 mm disc centred 20 mm right and 24 mm down of the first pixel, in patient coordinates.
            var centre = seriesA.Slices[0].Geometry.PixelToPatient(20 / 1.5, 24 / 2.0);
            var roi = new CircleRoi("liver", RoiRole.Liver, RoiSpace.PatientMm, new RoiPoint(centre.X, centre.Y, centre.Z), 9);
            var onA = RoiMeasurement.Measure(seriesA.Slices[0].Echoes[0], roi);
            var onB = RoiMeasurement.Measure(seriesB.Slices[0].Echoes[0], roi);

            Assert.InRange(onA.AreaMm2, Math.PI * 81 * 0.85, Math.PI * 81 * 1.15);
            Assert.InRange(onB.AreaMm2, Math.PI * 81 * 0.92, Math.PI * 81 * 1.08);
            Assert.Equal(onA.Mean, onB.Mean, 0);   // linear tissue model: the disc's mean is its centre's value
        }
        finally { Directory.Delete(dir, true); }

        static ushort[] Resample(double te)
        {
            // The phantom's value is 1000 + 10·x + y + echo with x in 1.5 mm columns and y in 2 mm rows, i.e.
            // 1000 + 10·(u/1.5) + v/2 + echo in millimetres (u, v): evaluate it at the finer grid's pixel centres.
            int echo = Array.IndexOf(SyntheticSeries.EchoTimesMs, te);
            var values = new ushort[64 * 64];
            for (int y = 0; y < 64; y++)
                for (int x = 0; x < 64; x++) values[y * 64 + x] = (ushort)Math.Round(1000 + 10 * (x * 0.75 / 1.5) + y * 1.0 / 2 + echo);
            return values;
        }
    }
}
