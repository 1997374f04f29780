using System.Text.Json;
using IronNotebooks.Cli;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Roi;
using Xunit;

namespace IronNotebooks.Tests.SignalRatio;

public sealed class SignalRatioCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ironnb-sir-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void LicSir_Alustiza2004_SediaPoint_JsonHasTheContractKeys()
    {
        var (code, output, error) = CliHarness.Run("lic", "sir", "--protocol", "alustiza2004", "--ratio", "IW=0.95", "--ratio", "T2=0.47", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(52.128, root.GetProperty("licUmolPerGram").GetDouble(), 0.005);
        Assert.Equal(52.128 / 17.907, root.GetProperty("licMgPerGram").GetDouble(), 0.0005);
        Assert.Equal("Alústiza 2004 two-sequence formula", root.GetProperty("method").GetString());
        Assert.Equal("published", root.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        Assert.Equal("uncertain", root.GetProperty("decisions")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public void LicSir_Rennes_IsMarkedAsAReconstruction()
    {
        // ΔR 100 s⁻¹ exactly: R2* 130 → Wood 3.504 mg/g.
        string R(string l, double te) => $"{l}={Math.Exp(-0.1 * te).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
        var (code, output, error) = CliHarness.Run("lic", "sir", "--protocol", "rennes-1.5T", "--ratio", R("T1", 4), "--ratio", R("PD", 4), "--ratio", R("T2", 9),
            "--ratio", R("T2+", 14), "--ratio", R("T2++", 21), "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("reconstruction", root.GetProperty("status").GetString());
        Assert.Contains("reconstruction", root.GetProperty("method").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3.504, root.GetProperty("licMgPerGram").GetDouble(), 1e-9);
        Assert.Equal(130, root.GetProperty("liverR2StarPerSecond").GetDouble(), 1e-9);
        Assert.Equal("wood2005", root.GetProperty("r2StarCalibration").GetString());
    }

    [Fact]
    public void LicSir_RawRoiMeans_AreAveragedPerTheDocumentedRule()
    {
        // IW: (95 + 95 + 95)/3 / ((100 + 100)/2) = 0.95; T2: (40 + 47 + 54)/3 = 47 over 100 = 0.47 → 52.128 µmol/g.
        var (code, output, error) = CliHarness.Run("lic", "sir", "--protocol", "alustiza2004", "--liver", "IW=95,95,95", "--muscle", "IW=100,100",
            "--liver", "T2=40,47,54", "--muscle", "T2=90,110", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(52.128, root.GetProperty("licUmolPerGram").GetDouble(), 0.005);
        Assert.Equal(47, root.GetProperty("ratios")[1].GetProperty("liverMean").GetDouble(), 1e-12);
    }

    [Theory]
    [InlineData("T2", "lic", "sir", "--protocol", "alustiza2004", "--ratio", "IW=0.95")]
    [InlineData("T2", "lic", "sir", "--protocol", "alustiza2004", "--ratio", "IW=0.95", "--liver", "T2=40,47,54", "--muscle", "T2=100,0")]
    [InlineData("IW", "lic", "sir", "--protocol", "alustiza2004", "--ratio", "IW=9", "--ratio", "T2=0.4")]
    [InlineData("IW", "lic", "sir", "--protocol", "alustiza2004", "--ratio", "IW=-0.2", "--ratio", "T2=0.4")]
    [InlineData("T5", "lic", "sir", "--protocol", "alustiza2004", "--ratio", "IW=0.9", "--ratio", "T5=0.4")]
    [InlineData("nobody", "lic", "sir", "--protocol", "nobody", "--ratio", "IW=0.9")]
    [InlineData("SEQ=VALUE", "lic", "sir", "--protocol", "alustiza2004", "--ratio", "IW:0.9")]
    [InlineData("--protocol", "lic", "sir", "--ratio", "IW=0.9")]
    public void LicSir_BadInput_ExitsWith2AndNamesTheProblem(string named, params string[] args)
    {
        var (code, _, error) = CliHarness.Run(args);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public void LicSirHelp_ListsTheProtocolNames()
    {
        var (_, output, _) = CliHarness.Run("lic", "sir", "--help");
        foreach (var name in new[] { "rennes-0.5T", "rennes-1.0T", "rennes-1.5T", "rennes-3T", "alustiza2004", "lille-addon-1.5T" })
            Assert.Contains(name, output, StringComparison.Ordinal);
    }

    /// <summary>A Rennes 1.5 T exam: liver (left half) = max(20, 1130·e^(−rate·TE)), muscle (right half) = 1000; T1 sequence liver 1200; optional Lille sequence.</summary>
    private string WriteRennesExam(double fieldOfT2 = 1.5, double ratePerMs = 0.1, ushort? lilleLiver = null)
    {
        var exam = Path.Combine(_dir, "exam");
        int number = 1;
        var sequences = new List<(double Te, double Flip, double Tr)> { (4.0, 90.0, 120), (4.0, 20.0, 120), (9.0, 20.0, 120), (14.0, 20.0, 120), (21.0, 20.0, 120) };
        if (lilleLiver is not null) sequences.Add((1.8, 60, 48));
        foreach (var (te, flip, tr) in sequences)
        {
            ushort liver = flip == 90 ? (ushort)1200 : flip == 60 ? lilleLiver!.Value : (ushort)Math.Max(20, Math.Round(1130 * Math.Exp(-ratePerMs * te)));   // 20: the magnitude noise floor
            var values = new ushort[32 * 32];
            for (int y = 0; y < 32; y++)
                for (int x = 0; x < 32; x++) values[y * 32 + x] = x < 16 ? liver : (ushort)1000;
            var series = SyntheticSeries.Phantom() with
            {
                Frames = [new MrFrame(te, [-20, -30, 10], values)], FlipAngleDeg = flip, RepetitionTimeMs = tr,
                MagneticFieldStrengthT = te == 9 ? fieldOfT2 : 1.5, SeriesNumber = number, SeriesInstanceUid = IronNotebooks.Dicom.DicomUid.Generate(),
            };
            MrImageWriter.WriteClassic(series, Path.Combine(exam, $"s{number++}"));
        }
        return exam;
    }

    private string WriteRois()
    {
        var path = Path.Combine(_dir, "rois.json");
        RoiShape C(string n, RoiRole r, double x, double y) => new CircleRoi(n, r, RoiSpace.Pixel, new RoiPoint(x, y), 2);
        new RoiSet("test layout", null, [C("liver-1", RoiRole.Liver, 5, 8), C("liver-2", RoiRole.Liver, 8, 16), C("liver-3", RoiRole.Liver, 5, 24),
            C("muscle-right", RoiRole.MuscleRightParaspinal, 24, 10), C("muscle-left", RoiRole.MuscleLeftParaspinal, 24, 22)]).Save(path);
        return path;
    }

    [Fact]
    public void LicSir_DicomFolderAndRoiFile_IdentifiesRennes15T_AndMeasuresEverySequence()
    {
        var (code, output, error) = CliHarness.Run("lic", "sir", WriteRennesExam(), "--rois", WriteRois(), "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("rennes-1.5T", root.GetProperty("protocol").GetString());
        var ratios = root.GetProperty("ratios").EnumerateArray().ToDictionary(r => r.GetProperty("sequence").GetString()!, r => r.GetProperty("ratio").GetDouble());
        Assert.Equal(1.2, ratios["T1"], 1e-12);
        Assert.Equal(Math.Round(1130 * Math.Exp(-2.1)) / 1000, ratios["T2++"], 1e-12);   // 138 / 1000
        // ΔR = 100 s⁻¹ up to the rounding of stored values (< 0.4 % per ratio): liver R2* ≈ 130, Wood ≈ 3.504 mg/g.
        Assert.Equal(130, root.GetProperty("liverR2StarPerSecond").GetDouble(), 0.5);
        Assert.Equal(3.504, root.GetProperty("licMgPerGram").GetDouble(), 0.02);
        Assert.Contains(root.GetProperty("protocolFindings").EnumerateArray(), f => f.GetProperty("parameter").GetString() == "phase");
        Assert.Contains(root.GetProperty("protocolFindings").EnumerateArray(), f => f.GetProperty("parameter").GetString() == "coil");
        Assert.Equal(3, root.GetProperty("ratios")[0].GetProperty("liverRois").GetInt32());
    }

    [Fact]
    public void LicSir_SaturatedRennesExamWithTheLilleSequence_ReportsTheLilleReconstruction()
    {
        // Liver 1130·e^(−0.4·TE): PD 0.228, T2 0.031 < 0.05 → Rennes saturated. Lille liver 300 / muscle 1000 = 0.3:
        // K = 0.95·f(586)/f(856), f(T1) = sin60°(1 − e^(−48/T1))/(1 − cos60°·e^(−48/T1)); R2* = 30 + ln(K/0.3)/1.8 ms.
        double F(double t1) { double e1 = Math.Exp(-48 / t1); return Math.Sin(Math.PI / 3) * (1 - e1) / (1 - 0.5 * e1); }
        double r2 = 30 + Math.Log(0.95 * F(586) / F(856) / 0.3) / 1.8 * 1000;
        var (code, output, error) = CliHarness.Run("lic", "sir", WriteRennesExam(ratePerMs: 0.4, lilleLiver: 300), "--rois", WriteRois(), "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal("lille-addon-1.5T", root.GetProperty("protocol").GetString());
        Assert.Equal(r2, root.GetProperty("liverR2StarPerSecond").GetDouble(), 1e-9);
        Assert.Equal(0.0254 * r2 + 0.202, root.GetProperty("licMgPerGram").GetDouble(), 1e-9);
        Assert.Contains(root.GetProperty("protocolFindings").EnumerateArray(), f => f.GetProperty("parameter").GetString() == "protocol");   // also satisfies alustiza2004
    }

    [Fact]
    public void LicSir_DicomFolderWithMixedFieldStrengths_ExitsWith2NamingTheSequences()
    {
        var (code, _, error) = CliHarness.Run("lic", "sir", WriteRennesExam(fieldOfT2: 1.4), "--rois", WriteRois(), "--protocol", "rennes-1.5T");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("Mixed field strengths", error, StringComparison.Ordinal);
        Assert.Contains("T2 at 1.4 T", error, StringComparison.Ordinal);
    }

    [Fact]
    public void LicSirPhantom_ThenLicSirWithCalibrationFile_AppliesTheScannerFactors()
    {
        var file = Path.Combine(_dir, "scanner.json");
        var (code, output, error) = CliHarness.Run("lic", "sir-phantom", "--protocol", "alustiza2004", "--scanner", "site-A", "--date", "2026-11-22",
            "--measured", "IW=0.76", "--measured", "T2=0.376", "--out", file, "--json");
        Assert.True(code == 0, error);
        var cal = JsonDocument.Parse(output).RootElement;
        Assert.Equal("applyCorrection", cal.GetProperty("verdict").GetString());
        Assert.Equal(1.25, cal.GetProperty("factors").GetProperty("IW").GetDouble(), 1e-12);
        Assert.True(File.Exists(file));

        (code, output, error) = CliHarness.Run("lic", "sir", "--protocol", "alustiza2004", "--ratio", "IW=0.76", "--ratio", "T2=0.376", "--calibration-file", file, "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(52.128, root.GetProperty("licUmolPerGram").GetDouble(), 0.005);
        Assert.Equal("site-A, 2026-11-22", root.GetProperty("phantomCalibration").GetString());
    }

    [Fact]
    public void LicSir_CalibrationFileMissing_ExitsWith2()
    {
        var (code, _, error) = CliHarness.Run("lic", "sir", "--protocol", "alustiza2004", "--ratio", "IW=0.9", "--ratio", "T2=0.5", "--calibration-file", Path.Combine(_dir, "none.json"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--calibration-file", error, StringComparison.Ordinal);
    }
}
