using System.Globalization;
using System.Text.Json;
using IronNotebooks.Cli;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.FatWater;
using IronNotebooks.Simulation;
using Xunit;

namespace IronNotebooks.Tests.FatWater;

/// <summary>`ironnb fit|map … --model fatwater` on a noiseless simulated chemical-shift series written as DICOM.</summary>
public sealed class FatWaterCliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ironnb-fatwater-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>32 × 32, one slice, 1.5 T protocol; PDFF 12 %, R2* 150 s⁻¹ everywhere (ρ 3000), stored as integers.</summary>
    private string WriteSeries()
    {
        var folder = Path.Combine(_dir, "series");
        var te = ChemicalShiftSimulation.EchoTimesMs(1.5);
        var frames = te.Select((t, e) =>
        {
            double v = ChemicalShiftSimulation.Signal(FatSpectra.Hamilton2011, 1.5, t, 3000, 12, 150).Magnitude;
            return new MrFrame(t, [0, 0, 0], Enumerable.Repeat((ushort)Math.Round(v), 32 * 32).ToArray(), e + 1);
        }).ToList();
        MrImageWriter.WriteClassic(new MrImageSeries
        {
            Rows = 32, Columns = 32, PixelSpacingMm = [1.5, 1.5], SliceThicknessMm = 5, RepetitionTimeMs = 150, FlipAngleDeg = 5,
            MagneticFieldStrengthT = 1.5, Frames = frames, SeriesDescription = "SYNTHETIC chemical-shift GRE",
        }, folder);
        return folder;
    }

    [Fact]
    public void FitJson_RoiOfChemicalShiftSeries_ReportsPdffCcR2StarAndBranch()
    {
        var (code, output, error) = CliHarness.Run("fit", WriteSeries(), "--roi", "circle:16,16,6", "--model", "fatwater", "--field", "1.5", "--spectrum", "hamilton2011", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        // Stored integers round the signal by ≤ 0.5, so the truth comes back within rounding.
        Assert.Equal(150, root.GetProperty("r2StarPerSecond").GetDouble(), 1.0);
        Assert.Equal(12, root.GetProperty("fatFractionPercent").GetDouble(), 0.1);
        Assert.Equal(3000 * 0.88, root.GetProperty("waterSignal").GetDouble(), 5.0);
        Assert.Equal(3000 * 0.12, root.GetProperty("fatSignal").GetDouble(), 5.0);
        Assert.False(root.GetProperty("swapSuspected").GetBoolean());
        Assert.True(root.GetProperty("branchMargin").GetDouble() > 4);
        Assert.Equal("waterDominant", root.GetProperty("branch").GetString());
        Assert.Equal(1.5, root.GetProperty("fieldStrengthT").GetDouble());
        Assert.Equal("confounderCorrected", root.GetProperty("r2StarKind").GetString());
        Assert.True(root.GetProperty("pixels").GetInt32() > 100);
    }

    [Fact]
    public void MapCsv_ChemicalShiftSeries_WritesR2StarAndPdffPerPixel()
    {
        var csv = Path.Combine(_dir, "map.csv");
        var (code, output, error) = CliHarness.Run("map", WriteSeries(), "--model", "fatwater", "--field", "1.5", "--out", csv, "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(32 * 32, root.GetProperty("fittedPixels").GetInt64());
        Assert.Equal(12, root.GetProperty("medianFatFractionPercent").GetDouble(), 0.1);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("slice,x,y,r2StarPerSecond,fatFractionPercent,waterSignal,fatSignal,swapSuspected,status", lines[0]);
        var cells = lines[1].Split(',');
        Assert.Equal(150, double.Parse(cells[3], CultureInfo.InvariantCulture), 1.0);
        Assert.Equal(12, double.Parse(cells[4], CultureInfo.InvariantCulture), 0.1);
    }

    [Fact]
    public void MapDicom_ChemicalShiftSeries_WritesBothSeriesAtomicallyAndReplacesOnlyAnEarlierMap()
    {
        var series = WriteSeries();
        var folder = Path.Combine(_dir, "maps");
        var (code, _, error) = CliHarness.Run("map", series, "--model", "fatwater", "--field", "1.5", "--out", folder);
        Assert.True(code == 0, error);
        var pdff = Path.Combine(folder, "pdff", "IM00001.dcm");
        var ds = IronNotebooks.Dicom.DicomFile.Open(pdff).Dataset;
        Assert.Contains("PDFF", ds.GetStringOrDefault(IronNotebooks.Dicom.DicomTags.ImageType), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "r2star", "IM00001.dcm")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir, ".*tmp", SearchOption.AllDirectories));
        // Rerun: the earlier map is replaced; a foreign file in the target stops the write, naming the folder.
        Assert.Equal(0, CliHarness.Run("map", series, "--model", "fatwater", "--field", "1.5", "--out", folder).Code);
        File.WriteAllText(Path.Combine(folder, "pdff", "notes.txt"), "mine");
        var (again, _, refused) = CliHarness.Run("map", series, "--model", "fatwater", "--field", "1.5", "--out", folder);
        Assert.Equal(ExitCodes.BadInput, again);
        Assert.Contains("notes.txt", refused, StringComparison.Ordinal);
    }

    [Fact]
    public void MapFatWater_OutputInsideTheInputOrInAMissingFolder_ExitsWithCode2BeforeFitting()
    {
        var series = WriteSeries();
        var (inside, _, error) = CliHarness.Run("map", series, "--model", "fatwater", "--field", "1.5", "--out", Path.Combine(series, "map.csv"));
        Assert.Equal(ExitCodes.BadInput, inside);
        Assert.Contains("inside the input", error, StringComparison.Ordinal);
        var (missing, _, why) = CliHarness.Run("map", series, "--model", "fatwater", "--field", "1.5", "--out", Path.Combine(_dir, "nowhere", "map.csv"));
        Assert.Equal(ExitCodes.BadInput, missing);
        Assert.Contains("does not exist", why, StringComparison.Ordinal);
        Assert.Equal(["series"], Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("fit", "--te", "1.2,2.2,3.2", "--signal", "900,700,600", "--model", "fatwater", "--field", "1.5")]            // too few echoes
    [InlineData("fit", "--te", "4.61,9.21,13.82,18.42", "--signal", "900,700,600,500", "--model", "fatwater", "--field", "1.5")] // no opposed phase
    [InlineData("fit", "--te", "1.2,2.2,3.2,4.2", "--signal", "900,700,600,500", "--model", "fatwater")]                   // no field
    [InlineData("fit", "--te", "1.2,2.2,3.2,4.2", "--signal", "900,700,600,500", "--model", "fatwater", "--field", "1.5", "--spectrum", "ren2008")]
    public void FitFatWater_BadInput_ExitsWithCode2AndSaysWhy(params string[] args)
    {
        var (code, _, error) = CliHarness.Run(args);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
