using System.Text.Json;
using IronNotebooks.Calibration;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.FatWater;
using IronNotebooks.Imaging;
using IronNotebooks.Simulation;
using Xunit;

namespace IronNotebooks.Tests.FatWater;

/// <summary>
/// Magnitude/phase pairing on the real corpus phase series (Siemens separate phase series, Philips phase in the series,
/// classic and enhanced, GE real/imaginary), the vendor phase scalings, and the CLI's fat–water path on them and on a
/// synthetic chemical-shift exam (complex fit, magnitude fallback, mismatch and too-few-echoes errors).
/// </summary>
public sealed class ChemicalShiftPairingTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ironnb-cse-pair-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static (ImageCatalog Catalog, CatalogSeries Magnitude) Corpus(string folder, int? seriesNumber = null)
    {
        var catalog = ImageCatalog.Scan(TestPaths.CorpusFile(folder));
        var magnitude = catalog.AllSeries.Where(s => s.MagnitudeEchoTimesMs.Count > 0 && (seriesNumber is null || s.SeriesNumber == seriesNumber)).ToList();
        return (catalog, Assert.Single(magnitude));
    }

    [CorpusTheory]
    [InlineData("dcm_qa_philips_enh/In/cl")]
    [InlineData("dcm_qa_philips_enh/In/enh")]
    public void Philips_PhaseInTheSameSeries_IsPairedAndReadInMilliradians(string folder)
    {
        var (catalog, magnitude) = Corpus(folder);
        var pairing = ChemicalShiftSeriesLoader.FindPhase(catalog, magnitude);
        Assert.Equal(PhaseSourceKind.SameSeriesPhase, pairing.Kind);
        Assert.Contains("phase frames in the same series", pairing.Reason);
        var (series, _) = ChemicalShiftSeriesLoader.Load(catalog, magnitude);
        Assert.Equal([2.3, 4.6], series.PhaseRadians!.EchoTimesMs);
        // Rescale Type mrad, −3142 + 1.5346 × stored: radians within ±π, and spread over most of the circle.
        var values = series.PhaseRadians.Slices.SelectMany(s => s.Echoes[0].Pixels.ToArray()).ToList();
        Assert.InRange(values.Min(), -3.1421, -3.0);
        Assert.InRange(values.Max(), 3.0, 3.1421);
    }

    [CorpusFact]
    public void Ge_RealAndImaginaryFrames_ArePairedAsComplex()
    {
        var (catalog, magnitude) = Corpus("ukat/b0map_ge_3d_dicom");
        var pairing = ChemicalShiftSeriesLoader.FindPhase(catalog, magnitude);
        Assert.Equal(PhaseSourceKind.SameSeriesRealImaginary, pairing.Kind);
        var (series, _) = ChemicalShiftSeriesLoader.Load(catalog, magnitude);
        Assert.Equal([1.476, 4.476], series.PhaseRadians!.EchoTimesMs);
        Assert.Equal(16, series.PhaseRadians.Slices.Count);
        Assert.All(series.PhaseRadians.Slices[8].Echoes[0].Pixels.ToArray(), p => Assert.InRange(p, -3.1416f, 3.1416f));
    }

    [CorpusFact]
    public void Siemens_SeparatePhaseSeries_IsFoundAndItsSingleEchoIsAMismatchNamingBothSeries()
    {
        var (catalog, magnitude) = Corpus("dcm_qa_me/In", 2);
        var pairing = ChemicalShiftSeriesLoader.FindPhase(catalog, magnitude);
        Assert.Equal(PhaseSourceKind.OtherSeriesPhase, pairing.Kind);
        Assert.Equal(3, pairing.Phase!.SeriesNumber);
        // The Siemens field-map phase is one phase-difference image at TE 7.65 ms for two magnitude echoes.
        var e = Assert.Throws<ImagingException>(() => ChemicalShiftSeriesLoader.Load(catalog, magnitude));
        Assert.Contains("1 phase echoes for 2 magnitude echoes", e.Message);
        Assert.Contains(magnitude.SeriesDescription!, e.ToString());
        Assert.Contains(pairing.Phase.SeriesDescription!, e.ToString());
        var first = pairing.Phase.Acquisitions[0].FrameReferences[0];
        Assert.Equal(Math.PI / 4096, ChemicalShiftSeriesLoader.PhaseRadiansPerUnit(first.Info, pairing.Phase.Manufacturer, first.Path));
    }

    [CorpusTheory]
    [InlineData("dcm_qa_me/In/2_me_FieldMap_GRE")]
    [InlineData("dcm_qa_philips_enh/In/cl")]
    [InlineData("ukat/b0map_ge_3d_dicom")]
    public void Cli_FatWaterOnARealTwoEchoFieldMap_IsATooFewEchoesErrorWithExitCode2(string folder)
    {
        var (code, _, error) = CliHarness.Run("fit", TestPaths.CorpusFile(folder), "--roi", "circle:30,30,5", "--model", "fatwater", "--field", "3", "--json");
        Assert.Equal(2, code);
        Assert.Contains("Too few echoes for the fat–water model", error);
        Assert.Contains("2 echo(es)", error);
    }

    [Fact]
    public void PhaseScaling_OfNoKnownConvention_IsAnErrorNamingTheFile()
    {
        var info = new IronNotebooks.Dicom.Imaging.DicomFrameInfo(0, 5, 1, 0, "US", null, null, null, null, null, null, ["ORIGINAL", "PRIMARY", "P"]);
        var e = Assert.Throws<ImagingException>(() => ChemicalShiftSeriesLoader.PhaseRadiansPerUnit(info, "ACME", "/data/phase.dcm"));
        Assert.Contains("Phase scaling not recognised", e.Message);
        Assert.Equal("/data/phase.dcm", e.SourcePath);
        Assert.Equal(1e-3, ChemicalShiftSeriesLoader.PhaseRadiansPerUnit(info with { RescaleType = "mrad" }, "Philips", "x"));
    }

    private SimulatedExam WriteExam(double pdffPercent = 18) =>
        SyntheticExamWriter.WritePatient(new VirtualPatient("SYN-0001", LiverIronConcentration.FromUmolPerGram(90), LiverFatFraction: pdffPercent / 100),
            [SynthProtocol.ChemicalShift], Path.Combine(_dir, "SYN-0001"), new SimulationOptions(5, 1.5, new AnatomyOptions(96), 50));

    private static string LiverRoiSpec(SimulatedExam exam)
    {
        var roi = (IronNotebooks.Roi.CircleRoi)IronNotebooks.Roi.RoiSet.Load(exam.PathOf(exam.RoiSetFile)).Rois.First(r => r.Role == IronNotebooks.Roi.RoiRole.Liver);
        return FormattableString.Invariant($"circle:{roi.Center.X},{roi.Center.Y},{roi.Radius}");
    }

    [Fact]
    public void Cli_FitOnExamSeriesFolder_FindsTheSiblingPhaseSeriesAndFitsComplex()
    {
        var exam = WriteExam();
        var truth = exam.Series.Single().ChemicalShift!;
        var series = exam.PathOf(exam.Series.Single().Folder);
        var (code, output, error) = CliHarness.Run("fit", series, "--roi", LiverRoiSpec(exam), "--model", "fatwater", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("complexRegularised", root.GetProperty("fitKind").GetString());
        Assert.Contains("phase images in series 2", root.GetProperty("fitKindReason").GetString());
        Assert.Equal(truth.LiverSignalFatFractionPercent, root.GetProperty("fatFractionPercent").GetDouble(), 2.0);
        Assert.Equal(truth.LiverR2StarPerSecond, root.GetProperty("r2StarPerSecond").GetDouble(), truth.LiverR2StarPerSecond * 0.15);
        Assert.Equal(truth.LiverRoiFieldMapHz.Values.First(), root.GetProperty("fieldMapHz").GetDouble(), 5.0);

        var (mcode, moutput, merror) = CliHarness.Run("fit", series, "--roi", LiverRoiSpec(exam), "--model", "fatwater", "--magnitude-only", "--json");
        Assert.True(mcode == 0, merror);
        var m = JsonDocument.Parse(moutput).RootElement;
        Assert.Equal("magnitude", m.GetProperty("fitKind").GetString());
        Assert.Contains("--magnitude-only", m.GetProperty("fitKindReason").GetString());
        Assert.Equal(JsonValueKind.Null, m.GetProperty("fieldMapHz").ValueKind);
    }

    [Fact]
    public void Cli_MapOnExamFolderWithPhase_WritesComplexMapsAndSaysSo()
    {
        var exam = WriteExam();
        var csv = Path.Combine(_dir, "map.csv");
        var (code, output, error) = CliHarness.Run("map", exam.Folder, "--series", "1", "--model", "fatwater", "--mask", "5", "--out", csv, "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("complexRegularised", root.GetProperty("fitKind").GetString());
        Assert.Contains("phase images in series 2", root.GetProperty("fitKindReason").GetString());
        Assert.True(root.GetProperty("fittedPixels").GetInt64() > 1000);
        Assert.StartsWith("slice,x,y,r2StarPerSecond,fatFractionPercent", File.ReadLines(csv).First());
    }

    [Fact]
    public void Cli_PhaseSeriesMissingAnEcho_IsExitCode2NamingBothSeries()
    {
        var exam = WriteExam();
        File.Delete(exam.PathOf(exam.Series.Single().ChemicalShift!.PhaseFiles[2]));
        var (code, _, error) = CliHarness.Run("fit", exam.Folder, "--series", "1", "--roi", LiverRoiSpec(exam), "--model", "fatwater");
        Assert.Equal(2, code);
        Assert.Contains("do not match the magnitude series", error);
        Assert.Contains("SYNTHETIC CSE GRE TR9 TE1.2x6 FA3 phase", error);
        Assert.Contains("SYNTHETIC CSE GRE TR9 TE1.2x6 FA3'", error);
    }
}
