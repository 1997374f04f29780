using System.Text.Json;
using IronNotebooks.Cli;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Tests.Relaxometry;

public sealed class RelaxometryCliTests
{

    [Fact]
    public void FitJson_WithValuesFromAWorkstation_ReturnsTheContractFields()
    {
        var te = Enumerable.Range(0, 12).Select(i => 0.99 + 1.41 * i).ToArray();
        var s = te.Select(t => 800 * Math.Exp(-0.25 * t) + 20).ToArray();
        string Join(IEnumerable<double> v) => string.Join(",", v.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var (code, output, error) = CliHarness.Run("fit", "--te", Join(te), "--signal", Join(s), "--model", "offset", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(250, root.GetProperty("r2StarPerSecond").GetDouble(), 1e-4);
        Assert.Equal(4, root.GetProperty("t2StarMs").GetDouble(), 1e-6);
        Assert.Equal(800, root.GetProperty("s0").GetDouble(), 1e-3);
        Assert.Equal(20, root.GetProperty("offset").GetDouble(), 1e-3);
        Assert.Equal(12, root.GetProperty("echoesUsed").GetInt32());
        Assert.Equal("offset", root.GetProperty("model").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("pixels").ValueKind);
        Assert.True(root.TryGetProperty("rmse", out _));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
    }

    [Theory]
    [InlineData("fit", "--te", "1,2,3", "--signal", "10,8", "--json")]
    [InlineData("fit", "--te", "1,3,2", "--signal", "10,8,9", "--json")]
    [InlineData("fit", "--te", "1,2,3", "--signal", "10,8,6", "--model", "cubic")]
    [InlineData("fit", "--te", "1,2,3")]
    [InlineData("lic", "r2star", "--value", "100", "--field", "1.5", "--calibration", "nobody2020")]
    [InlineData("lic", "r2star", "--value", "100", "--field", "1.5", "--calibration", "stpierre2005")]
    public void Cli_BadInput_ExitsWithCode2(params string[] args)
    {
        var (code, _, error) = CliHarness.Run(args);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void LicR2StarJson_Wood_ReturnsLicRangeStatusAndFieldWarning()
    {
        var (code, output, error) = CliHarness.Run("lic", "r2star", "--value", "100", "--field", "3", "--calibration", "wood2005", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2.742, root.GetProperty("licMgPerGram").GetDouble(), 1e-9);
        Assert.Equal(2.742 * 17.907, root.GetProperty("licUmolPerGram").GetDouble(), 1e-9);
        Assert.Equal("wood2005", root.GetProperty("calibration").GetString());
        Assert.Equal(3, root.GetProperty("fieldStrengthT").GetDouble());
        Assert.Equal("1.33–32.9 mg/g", root.GetProperty("validityRange").GetString());
        Assert.Equal("secondary", root.GetProperty("status").GetString());
        Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("Field strength differs", StringComparison.Ordinal));
    }

    [Fact]
    public void LicR2Json_StPierreAboveDomain_ReturnsNullLicWithWarning()
    {
        var (code, output, error) = CliHarness.Run("lic", "r2", "--value", "420", "--field", "1.5", "--calibration", "stpierre2005", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("licMgPerGram").ValueKind);
        Assert.NotEmpty(root.GetProperty("warnings").EnumerateArray());
    }

    [CorpusFact]
    public void FitJson_OnUkatSiemensLiverRoi_GivesPlausibleR2StarAndPixelCount()
    {
        var (code, output, error) = CliHarness.Run("fit", TestPaths.CorpusFile("ukat/r2star/siemens"), "--roi", "circle:30,100,6", "--slice", "0", "--model", "mono", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.InRange(root.GetProperty("r2StarPerSecond").GetDouble(), 40, 100);
        Assert.True(root.GetProperty("pixels").GetInt32() > 50);
    }

    [CorpusFact]
    public void MapJson_OnUkatSiemens_WritesOneCsvRowPerPixelAndLiverMedianMatchesTheRoiFit()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"ironnb-map-{Guid.NewGuid():N}.csv");
        try
        {
            var (code, output, error) = CliHarness.Run("map", TestPaths.CorpusFile("ukat/r2star/siemens"), "--model", "arlo", "--mask", "50", "--out", csv, "--json");
            Assert.True(code == 0, error);
            var root = JsonDocument.Parse(output).RootElement;
            int slices = root.GetProperty("slices").GetInt32(), cols = root.GetProperty("columns").GetInt32(), rows = root.GetProperty("rows").GetInt32();
            var lines = File.ReadAllLines(csv);
            Assert.Equal(1 + slices * cols * rows, lines.Length);
            // Pixel R2* inside the liver ROI circle:30,100,6 on slice 0: the median (59 s⁻¹ when written) is near the ROI-mean fit (65 s⁻¹); pixel fits are noisier.
            var liver = lines.Skip(1).Select(l => l.Split(',')).Where(f => f[0] == "0" && f[3] != ""
                && Math.Pow(int.Parse(f[1]) - 30, 2) + Math.Pow(int.Parse(f[2]) - 100, 2) <= 36)
                .Select(f => double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
            Assert.True(liver.Count > 80);
            Assert.InRange(liver[liver.Count / 2], 50, 75);
        }
        finally { File.Delete(csv); }
    }

    [CorpusFact]
    public void FitJson_WithNoiseRoiInAir_UsesRayleighSigmaAndSaysWhereItCameFrom()
    {
        var (code, output, error) = CliHarness.Run("fit", TestPaths.CorpusFile("ukat/r2star/siemens"), "--roi", "circle:30,100,6", "--noise-roi", "rect:2,2,12,12",
            "--model", "rician", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.InRange(root.GetProperty("noiseSigma").GetDouble(), 1, 10);
        Assert.StartsWith("background ROI rect:2,2,12,12", root.GetProperty("noiseSource").GetString(), StringComparison.Ordinal);
        Assert.InRange(root.GetProperty("r2StarPerSecond").GetDouble(), 55, 75);
    }

    [Fact]
    public void Fit_NoiseAndNoiseRoiTogether_ExitsWithCode2()
    {
        var (code, _, _) = CliHarness.Run("fit", "--te", "1,2,3", "--signal", "10,8,6", "--noise-roi", "rect:0,0,5,5");
        Assert.Equal(ExitCodes.BadInput, code);
    }
}
