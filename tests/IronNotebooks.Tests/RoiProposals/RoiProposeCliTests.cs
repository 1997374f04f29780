using System.Text.Json;
using IronNotebooks.Roi;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Tests.RoiProposals;

/// <summary>`ironnb roi propose` and the interval keys of `ironnb lic r2star`.</summary>
public sealed class RoiProposeCliTests
{
    [Fact]
    public void RoiPropose_RandomAnatomyExam_WritesALoadableRoiSetAndRefusesTheInputFolder()
    {
        string root = Path.Combine(Path.GetTempPath(), "ironnb-propose-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, error) = CliHarness.Run("synth", "--anatomy", "random", "--protocol", "multi-echo-gre", "--matrix", "128", "--lic", "80", "--seed", "5", "--out", root);
            Assert.True(code == 0, error);
            string exam = Path.Combine(root, "SYN-0001");
            Assert.True(File.Exists(Path.Combine(exam, "tissue-map.pgm")));
            string outFile = Path.Combine(root, "proposed.json");
            (code, var output, error) = CliHarness.Run("roi", "propose", exam, "--out", outFile, "--json");
            Assert.True(code == 0, error);
            using var doc = JsonDocument.Parse(output);
            Assert.True(doc.RootElement.GetProperty("liverFound").GetBoolean());
            Assert.Contains(doc.RootElement.GetProperty("rois").EnumerateArray(), r => r.GetProperty("name").GetString() == "liver-1" && r.GetProperty("confidence").GetDouble() > 0);
            var set = RoiSet.Load(outFile);
            Assert.Equal(3, set.Rois.Count(r => r.Role == RoiRole.Liver && r is CircleRoi));
            Assert.Empty(Directory.EnumerateFiles(root, "*.tmp", SearchOption.AllDirectories));
            (code, _, error) = CliHarness.Run("roi", "propose", exam, "--out", Path.Combine(exam, "rois-proposed.json"));
            Assert.Equal(2, code);
            Assert.Contains("inside the exam folder", error);
            Assert.False(File.Exists(Path.Combine(exam, "rois-proposed.json")));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    [Fact]
    public void LicR2Star_WithSe_PrintsIntervalAndProbabilityAboveKeys()
    {
        var (code, output, error) = CliHarness.Run("lic", "r2star", "--value", "250", "--field", "1.5", "--calibration", "wood2005", "--se", "4", "--spatial-sd", "6", "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        double sd = Math.Sqrt(52);
        Assert.Equal((0.0254 * (250 - 1.959964 * sd) + 0.202) * 17.907, root.GetProperty("licCiLowUmolPerGram").GetDouble(), 3);
        Assert.Equal((0.0254 * (250 + 1.959964 * sd) + 0.202) * 17.907, root.GetProperty("licCiHighUmolPerGram").GetDouble(), 3);
        Assert.Equal([3.0, 7.0, 15.0], root.GetProperty("probabilityAbove").EnumerateArray().Select(p => p.GetProperty("thresholdMgPerGram").GetDouble()));
        Assert.Equal(2, CliHarness.Run("lic", "r2star", "--value", "250", "--field", "1.5", "--calibration", "wood2005", "--spatial-sd", "6").Code);
    }
}
