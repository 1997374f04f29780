using IronNotebooks.Calibration;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;

namespace IronNotebooks.Cli;

/// <summary>
/// `map --format`: auto (CSV for a .csv path, else a folder of classic MR images, as before), csv, mr, or
/// parametric-map (one DICOM Parametric Map file through <see cref="R2StarParametricMap"/>: float32 R2* in 1/s; with
/// --calibration also FILE-lic.dcm, LIC in mg/g, NaN outside the calibration's validity range).
/// </summary>
internal static class MapOutputFormat
{
    /// <summary>The spellings of --format.</summary>
    public static readonly string[] Names = ["auto", "csv", "mr", "parametric-map"];

    /// <summary>Checks --format, --out and --calibration together before minutes are spent on the map.</summary>
    /// <exception cref="BadInputException">Unknown format, a path that contradicts it, a calibration without a Parametric Map or an unknown one.</exception>
    public static RelaxometryCalibration? Check(string format, string outPath, string? calibration, bool nifti)
    {
        if (!Names.Contains(format)) throw new BadInputException($"--format '{format}' is not one of {string.Join(", ", Names)}.", "--format");
        bool csvPath = outPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        if (format == "csv" && !csvPath) throw new BadInputException($"--format csv writes a .csv file; --out '{outPath}' is not one.", "--out");
        if (format is "mr" or "parametric-map" && csvPath) throw new BadInputException($"--format {format} writes DICOM; --out '{outPath}' ends in .csv.", "--out");
        if (format == "parametric-map" && nifti) throw new BadInputException("--format parametric-map references the source DICOM images; the input is NIfTI.", "--format");
        if (calibration is null) return null;
        if (format != "parametric-map") throw new BadInputException("--calibration goes with --format parametric-map (the LIC map is a second Parametric Map).", "--calibration");
        var names = RelaxometryCalibrations.All.Where(c => c.Quantity == RelaxationQuantity.R2Star).ToList();
        return names.FirstOrDefault(c => string.Equals(c.Name, calibration, StringComparison.OrdinalIgnoreCase))
            ?? throw new BadInputException($"--calibration '{calibration}' is not an R2* calibration: {string.Join(" | ", names.Select(c => c.Name))}.", "--calibration");
    }

    /// <summary>Writes the R2* (and LIC) Parametric Map(s) atomically; returns the LIC file, or null.</summary>
    /// <exception cref="BadInputException">The calibration was derived at another field than the series.</exception>
    public static string? WriteParametricMaps(R2StarMapResult map, MultiEchoSeries loaded, string folder, string? series, string outPath, RelaxometryCalibration? calibration)
    {
        var source = MultiEchoFolder.CatalogSeriesOf(folder, series);
        var r2 = ParametricMapWriter.Create(R2StarParametricMap.ForR2Star(map, loaded, source));
        // The LIC map is made before anything is written, so a calibration of the wrong field leaves no half output.
        DicomDataset? licDataset = null;
        if (calibration is not null)
        {
            try { licDataset = ParametricMapWriter.Create(R2StarParametricMap.ForLic(map, loaded, source, calibration)); }
            catch (ArgumentException e) { throw new BadInputException(e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal), "--calibration"); }
        }
        AtomicOutput.WriteFile(outPath, s => DicomWriter.Write(s, r2), "--out");
        if (licDataset is null) return null;
        var full = Path.GetFullPath(outPath);
        var licPath = Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + "-lic" + (Path.HasExtension(full) ? Path.GetExtension(full) : ".dcm"));
        AtomicOutput.WriteFile(licPath, s => DicomWriter.Write(s, licDataset), "--out");
        return licPath;
    }
}
