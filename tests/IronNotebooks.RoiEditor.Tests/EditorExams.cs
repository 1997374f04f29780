using IronNotebooks.Calibration;
using IronNotebooks.Simulation;

namespace IronNotebooks.RoiEditor.Tests;

/// <summary>Exams the editor tests open: synthetic DICOM patients (truth ROIs in rois.json) and NIfTI series.</summary>
public static class EditorExams
{
    public static string TempFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ironnb-roieditor-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A multi-echo GRE exam of one virtual patient; returns the exam folder.</summary>
    public static string Synthetic(string parent, string id, double licUmolPerGram, ulong seed)
    {
        var folder = Path.Combine(parent, id);
        SyntheticExamWriter.WritePatient(new VirtualPatient(id, LiverIronConcentration.FromUmolPerGram(licUmolPerGram)), [SynthProtocol.MultiEchoGre], folder,
            SimulationOptions.Default with { Seed = seed });
        return folder;
    }

    /// <summary>A NIfTI multi-echo series (one int16 file per echo, BIDS sidecars with EchoTime in s) of
    /// <paramref name="columns"/>×<paramref name="columns"/>×<paramref name="slices"/>: a disc decaying at 100 s⁻¹ on a 20 s⁻¹ body.</summary>
    public static string NiftiSeries(string parent, int columns, int slices, int echoes)
    {
        var folder = Path.Combine(parent, "nifti");
        Directory.CreateDirectory(folder);
        var random = new Random(7);
        for (int e = 0; e < echoes; e++)
        {
            double teMs = 1 + 1.2 * e;
            var values = new short[columns * columns * slices];
            for (int k = 0; k < slices; k++)
                for (int y = 0; y < columns; y++)
                    for (int x = 0; x < columns; x++)
                    {
                        double dx = x - columns / 2.0, dy = y - columns / 2.0, r = Math.Sqrt(dx * dx + dy * dy) / columns;
                        double signal = r < 0.15 ? 1500 * Math.Exp(-100 * teMs / 1000) : r < 0.45 ? 1200 * Math.Exp(-20 * teMs / 1000) : 0;
                        values[(k * columns + y) * columns + x] = (short)Math.Round(signal + 10 * random.NextDouble());
                    }
            File.WriteAllBytes(Path.Combine(folder, $"synthetic_e{e + 1}.nii"), IronNotebooks.Tests.NiftiBytes.Int16(columns, columns, slices, values));
            File.WriteAllText(Path.Combine(folder, $"synthetic_e{e + 1}.json"),
                $"{{\"EchoTime\": {(teMs / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture)}, \"MagneticFieldStrength\": 3, \"SeriesDescription\": \"synthetic 3D GRE\"}}");
        }
        return folder;
    }
}
