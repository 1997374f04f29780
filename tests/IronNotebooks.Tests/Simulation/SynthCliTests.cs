using System.Globalization;
using System.Text.Json;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Roi;
using IronNotebooks.Simulation;
using Xunit;

namespace IronNotebooks.Tests.Simulation;

public sealed class SynthCliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ironnb-synth-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Synth_WritesACohortAndAManifestWithTheTruthPerPatient()
    {
        string outDir = Path.Combine(_dir, "cohort");
        var (code, output, error) = CliHarness.Run("synth", "--out", outDir, "--patients", "4", "--protocol", "multi-echo-gre", "--matrix", "64", "--seed", "3", "--json");
        Assert.True(code == 0, error);
        var m = JsonDocument.Parse(output).RootElement;
        Assert.Equal(Path.GetFullPath(outDir), m.GetProperty("out").GetString());
        Assert.Equal("rennes-171", m.GetProperty("cohort").GetString());
        Assert.Equal(["multi-echo-gre"], m.GetProperty("protocols").EnumerateArray().Select(p => p.GetString()));
        var exams = m.GetProperty("exams").EnumerateArray().ToList();
        Assert.Equal(4, exams.Count);
        Assert.Equal(4 * (12 + 2), m.GetProperty("fileCount").GetInt32());
        foreach (var e in exams)
        {
            double mg = e.GetProperty("licMgPerGram").GetDouble();
            Assert.Equal(e.GetProperty("licUmolPerGram").GetDouble(), mg * 17.907, 9);
            Assert.Equal((mg - 0.202) / 0.0254, e.GetProperty("liverR2StarPerSecond").GetDouble(), 6); // wood2005 inverted by hand
            Assert.Equal("wood2005", e.GetProperty("r2StarCalibration").GetString());
            Assert.Equal("stpierre2005", e.GetProperty("r2Calibration").GetString());
            foreach (var f in e.GetProperty("series")[0].GetProperty("files").EnumerateArray())
                Assert.True(File.Exists(Path.Combine(outDir, f.GetString()!)));
            Assert.True(File.Exists(Path.Combine(outDir, e.GetProperty("roiSet").GetString()!)));
        }
        // manifest.json on disk: the same content with out ".", so it does not depend on the folder.
        var onDisk = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json"))).RootElement;
        Assert.Equal(".", onDisk.GetProperty("out").GetString());
        Assert.Equal(4, onDisk.GetProperty("exams").GetArrayLength());
    }

    [Fact]
    public void SynthThenFit_FromTheShell_RecoversTheLiverR2Star()
    {
        string outDir = Path.Combine(_dir, "one");
        var (code, output, error) = CliHarness.Run("synth", "--out", outDir, "--lic", "150", "--protocol", "multi-echo-gre", "--matrix", "128", "--json");
        Assert.True(code == 0, error);
        var exam = JsonDocument.Parse(output).RootElement.GetProperty("exams")[0];
        double truth = exam.GetProperty("liverR2StarPerSecond").GetDouble();
        var rois = RoiSet.Load(Path.Combine(outDir, exam.GetProperty("roiSet").GetString()!));
        string Spec(string name) { var c = (CircleRoi)rois[name]; return string.Create(CultureInfo.InvariantCulture, $"circle:{c.Center.X},{c.Center.Y},{c.Radius}"); }
        var seriesFolder = Path.Combine(outDir, exam.GetProperty("series")[0].GetProperty("folder").GetString()!);
        var fit = CliHarness.Run("fit", seriesFolder, "--roi", Spec("liver-2"), "--model", "rician", "--noise-roi", Spec("background"), "--json");
        Assert.True(fit.Code == 0, fit.Err);
        double fitted = JsonDocument.Parse(fit.Out).RootElement.GetProperty("r2StarPerSecond").GetDouble();
        Assert.InRange(fitted / truth, 0.95, 1.05);
    }

    [Fact]
    public void Synth_RennesAtOneTesla_WritesTheFourSequences()
    {
        string outDir = Path.Combine(_dir, "rennes");
        var (code, output, error) = CliHarness.Run("synth", "--out", outDir, "--lic", "60", "--protocol", "rennes", "--field", "1.0", "--matrix", "64", "--json");
        Assert.True(code == 0, error);
        var series = JsonDocument.Parse(output).RootElement.GetProperty("exams")[0].GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["T1", "PD", "T2", "T2+"], series.Select(s => s.GetProperty("label").GetString()));
        Assert.Equal([7.0, 7, 14, 21], series.Select(s => s.GetProperty("echoTimesMs")[0].GetDouble()));
        Assert.All(series, s => Assert.True(s.GetProperty("liverToMuscleRatio")[0].GetDouble() > 0));
    }

    [Fact]
    public void Synth_TwiceWithTheSameSeed_WritesTheSameManifestAndFiles()
    {
        string a = Path.Combine(_dir, "a"), b = Path.Combine(_dir, "b");
        foreach (var d in new[] { a, b })
            Assert.Equal(0, CliHarness.Run("synth", "--out", d, "--patients", "2", "--protocol", "two-sequence", "--matrix", "64", "--seed", "9").Code);
        var files = Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a, f)).Order().ToList();
        Assert.Equal(2 + 2 * (2 + 2), files.Count);   // manifest.json, cohort.csv, and per exam 2 series + rois.json + truth.json
        foreach (var f in files) Assert.Equal(File.ReadAllBytes(Path.Combine(a, f)), File.ReadAllBytes(Path.Combine(b, f)));
    }

    [Theory]
    [InlineData("--field", "2", "--field")]
    [InlineData("--protocol", "dixon", "--protocol")]
    [InlineData("--cohort", "nowhere", "--cohort")]
    [InlineData("--calibration", "stpierre2005", "R2 calibration")]
    [InlineData("--snr", "-1", "--snr")]
    public void Synth_BadArguments_ExitWithTwoAndNameTheArgument(string option, string value, string named)
    {
        var (code, _, error) = CliHarness.Run("synth", "--out", Path.Combine(_dir, "bad"), "--matrix", "64", option, value);
        Assert.Equal(2, code);
        Assert.Contains(named, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Synth_ProtocolNotAtThatField_AndLicWithACohort_AreRefused()
    {
        var (code, _, error) = CliHarness.Run("synth", "--out", Path.Combine(_dir, "bad"), "--protocol", "rennes", "--field", "0.35", "--matrix", "64");
        Assert.Equal(2, code);
        Assert.Contains("0.5 T", error, StringComparison.Ordinal);
        (code, _, error) = CliHarness.Run("synth", "--out", Path.Combine(_dir, "bad"), "--lic", "50", "--patients", "3");
        Assert.Equal(2, code);
        Assert.Contains("--lic", error, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultFolder_IsUnderIronnbCacheWhenSet_AndUnderTheUsersCacheOtherwise()
    {
        var before = Environment.GetEnvironmentVariable(SynthCache.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(SynthCache.EnvironmentVariable, "/tmp/ironnb-cache-test");
            Assert.Equal(Path.Combine("/tmp/ironnb-cache-test", "synth"), SynthCache.DefaultFolder());
            Environment.SetEnvironmentVariable(SynthCache.EnvironmentVariable, null);
            Assert.EndsWith(Path.Combine(".cache", "ironnotebooks", "synth"), SynthCache.DefaultFolder(), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(SynthCache.EnvironmentVariable, before);
        }
    }
}
