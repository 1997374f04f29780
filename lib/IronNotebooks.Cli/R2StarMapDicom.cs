using System.Globalization;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;

namespace IronNotebooks.Cli;

/// <summary>
/// Writes an R2* map as DICOM MR files, one per slice, with the source series' geometry: stored value = R2* / 0.1 s⁻¹
/// (Rescale Slope 0.1), 0 where the pixel has no usable fit, Image Type DERIVED\SECONDARY\R2STAR. The series
/// description names the model, so the map says how it was made when opened in any viewer.
/// </summary>
internal static class R2StarMapDicom
{
    private const double StepPerSecond = 0.1;

    /// <summary>Writes the map into <paramref name="folder"/>; returns warnings (values beyond the 16-bit range).</summary>
    public static IReadOnlyList<string> Write(R2StarMapResult map, MultiEchoSeries source, string folder)
    {
        var warnings = new List<string>();
        int above = 0;
        var frames = new List<MrFrame>();
        foreach (var slice in map.Slices)
        {
            var stored = new ushort[slice.R2StarPerSecond.Length];
            for (int i = 0; i < stored.Length; i++)
            {
                double r = slice.R2StarPerSecond[i];
                if (!double.IsFinite(r) || r < 0) continue;
                double steps = Math.Round(r / StepPerSecond);
                if (steps > ushort.MaxValue) { above++; steps = ushort.MaxValue; }
                stored[i] = (ushort)steps;
            }
            var g = source.Slices[slice.SliceIndex].Geometry;
            frames.Add(new MrFrame(0, [g.OriginMm.X, g.OriginMm.Y, g.OriginMm.Z], stored, 1));
        }
        if (above > 0)
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{above} pixel(s) above {ushort.MaxValue * StepPerSecond:0.#} s⁻¹ are stored as that maximum in the DICOM map (the CSV output keeps them)"));
        var g0 = source.Slices[0].Geometry;
        MrImageWriter.WriteClassic(new MrImageSeries
        {
            Rows = g0.Rows, Columns = g0.Columns, PixelSpacingMm = [g0.RowSpacingMm, g0.ColumnSpacingMm],
            SliceThicknessMm = double.IsFinite(g0.SliceThicknessMm) ? g0.SliceThicknessMm : 0,
            ImageOrientationPatient = [g0.RowDirection.X, g0.RowDirection.Y, g0.RowDirection.Z, g0.ColumnDirection.X, g0.ColumnDirection.Y, g0.ColumnDirection.Z],
            RepetitionTimeMs = 0, FlipAngleDeg = 0, MagneticFieldStrengthT = source.FieldStrengthT ?? 0, Frames = frames,
            RescaleSlope = StepPerSecond, ImageType = ["DERIVED", "SECONDARY", "R2STAR"],
            Manufacturer = "IronNotebooks", SeriesDescription = $"R2* map (1/s = stored x {StepPerSecond}), model {map.Model}, from {source.Description}",
        }, folder);
        return warnings;
    }
}
