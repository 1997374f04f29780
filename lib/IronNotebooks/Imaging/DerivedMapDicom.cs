using System.Globalization;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Imaging;

/// <summary>
/// Writes a derived per-pixel map of a multi-echo series (an R2* map, …) as classic MR DICOM files, one per slice, on
/// the source slices' own geometry: Image Position (Patient) and Slice Location of that slice, Instance Number and
/// file name from its source index (IM{index + 1}.dcm, never renumbered), stored value = value / step (Rescale Slope =
/// step), 0 where there is no value. Knows nothing of what the values mean: the caller names them.
/// </summary>
public static class DerivedMapDicom
{
    /// <summary>One slice of a map: its source slice and one value per pixel (NaN = no value), row-major.</summary>
    public sealed record MapSlice(MultiEchoSlice Source, float[] Values);

    /// <summary>Writes the slices into <paramref name="folder"/> (which must exist); returns how many values were above the 16-bit range (stored as its maximum).</summary>
    /// <param name="folder">Target folder.</param>
    /// <param name="source">The series the map comes from (orientation, spacing, field).</param>
    /// <param name="slices">The map's slices.</param>
    /// <param name="step">Value per stored unit (Rescale Slope), &gt; 0.</param>
    /// <param name="imageTypeValue">Third Image Type value, e.g. R2STAR.</param>
    /// <param name="seriesDescription">Series Description: what the map is and how it was made.</param>
    public static int Write(string folder, MultiEchoSeries source, IReadOnlyList<MapSlice> slices, double step, string imageTypeValue, string seriesDescription)
    {
        Guard.NotNull(source);
        Guard.NotNull(slices);
        Guard.Positive(step);
        if (slices.Count == 0) throw new ArgumentException("A map needs at least one slice.", nameof(slices));
        int above = 0;
        var frames = new List<MrFrame>();
        foreach (var slice in slices)
        {
            var stored = new ushort[slice.Values.Length];
            for (int i = 0; i < stored.Length; i++)
            {
                double v = slice.Values[i];
                if (!double.IsFinite(v) || v < 0) continue;
                double steps = Math.Round(v / step);
                if (steps > ushort.MaxValue) { above++; steps = ushort.MaxValue; }
                stored[i] = (ushort)steps;
            }
            var g = slice.Source.Geometry;
            frames.Add(new MrFrame(0, [g.OriginMm.X, g.OriginMm.Y, g.OriginMm.Z], stored, 1));
        }
        var g0 = slices[0].Source.Geometry;
        var series = new MrImageSeries
        {
            Rows = g0.Rows, Columns = g0.Columns, PixelSpacingMm = [g0.RowSpacingMm, g0.ColumnSpacingMm],
            SliceThicknessMm = double.IsFinite(g0.SliceThicknessMm) ? g0.SliceThicknessMm : 0,
            ImageOrientationPatient = [g0.RowDirection.X, g0.RowDirection.Y, g0.RowDirection.Z, g0.ColumnDirection.X, g0.ColumnDirection.Y, g0.ColumnDirection.Z],
            RepetitionTimeMs = 0, FlipAngleDeg = 0, MagneticFieldStrengthT = source.FieldStrengthT ?? 0, Frames = frames,
            RescaleSlope = step, ImageType = ["DERIVED", "SECONDARY", imageTypeValue],
            Manufacturer = "IronNotebooks", SeriesDescription = seriesDescription,
        };
        for (int k = 0; k < frames.Count; k++)
        {
            var ds = MrImageWriter.CreateClassicDataset(series, k);
            ds.SetIntegerString(DicomTags.InstanceNumber, slices[k].Source.Index + 1);
            ds.SetDecimalString(DicomTags.SliceLocation, Math.Round(slices[k].Source.SliceLocationMm, 3));
            DicomWriter.Write(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"IM{slices[k].Source.Index + 1:D5}.dcm")), ds);
        }
        return above;
    }

    /// <summary>True when <paramref name="file"/> is a map this class wrote: DICOM, manufacturer IronNotebooks, Image Type containing <paramref name="imageTypeValue"/>.</summary>
    public static bool IsEarlierMap(string file, string imageTypeValue)
    {
        try
        {
            var ds = DicomFile.Open(file, DicomReadOptions.Default with { ReadPixelData = false }).Dataset;
            return ds.GetStringOrDefault(DicomTags.Manufacturer) == "IronNotebooks"
                && (ds.GetStringOrDefault(DicomTags.ImageType) ?? "").Contains(imageTypeValue, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is DicomException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
