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
    public void RoiPropose_ClassicDicomExam_ReferencesTheProposedSlicesFileAndExamMeasureAveragesTheThreeDiscsOnly()
    {
        // The reference image lets `exam measure` find the proposed slice through its geometry (a "SOURCE slice K" text
        // is no file, and the set would then be measured on slice 0); the parenchyma mask is the discs' region, not a
        // fourth liver ROI.
        string root = Path.Combine(Path.GetTempPath(), "ironnb-propose-ref-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, error) = CliHarness.Run("synth", "--anatomy", "random", "--protocol", "multi-echo-gre", "--matrix", "128", "--lic", "80", "--seed", "5", "--out", root);
            Assert.True(code == 0, error);
            string exam = Path.Combine(root, "SYN-0001");
            string proposedFile = Path.Combine(root, "proposed.json");
            (code, _, error) = CliHarness.Run("roi", "propose", exam, "--out", proposedFile);
            Assert.True(code == 0, error);
            var set = RoiSet.Load(proposedFile);
            Assert.NotNull(set.ReferenceImage);
            Assert.False(Path.IsPathRooted(set.ReferenceImage), set.ReferenceImage);
            Assert.True(File.Exists(Path.Combine(exam, set.ReferenceImage)), set.ReferenceImage);
            Assert.Contains(set.Rois, r => r is MaskRoi && r.Role == RoiRole.Liver);

            (code, var output, error) = CliHarness.Run("exam", "measure", exam, "--rois", proposedFile, "--json");
            Assert.True(code == 0, error);
            Assert.Contains($"pixel ROIs mapped to patient mm through '{set.ReferenceImage}'", output);
            Assert.DoesNotContain("not a readable image of the exam", output);
            using var doc = JsonDocument.Parse(output);
            var r2star = doc.RootElement.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("method").GetString() == "r2star" && r.GetProperty("status").GetString() == "estimated");
            Assert.Contains(r2star.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("rate = mean of 3 liver ROI fits", StringComparison.Ordinal));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    [Fact]
    public void RoiPropose_SyntheticRennesSirExam_LiverAndMuscleDiscsOnTheirTissuesAndLicSirWithinTenPercentOfTheTruthRois()
    {
        // The SIR series (PD, T2, T2+, T2++: one TR and flip angle) are loaded as one multi-echo series; the proposal must be
        // usable by `lic sir` as the simulator's own ROIs are. Low-iron livers touch the right paraspinal muscle with the
        // muscle's signal: the muscle discs must still land on muscle.
        string root = Path.Combine(Path.GetTempPath(), "ironnb-propose-sir-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var (seed, lic) in new[] { ("3", "120"), ("4", "30") })
            {
                string outDir = Path.Combine(root, "seed" + seed);
                var (code, _, error) = CliHarness.Run("synth", "--anatomy", "random", "--protocol", "rennes", "--field", "1.5", "--lic", lic, "--seed", seed, "--out", outDir);
                Assert.True(code == 0, error);
                string exam = Path.Combine(outDir, "SYN-0001");
                string proposedFile = Path.Combine(outDir, "proposed.json");
                (code, _, error) = CliHarness.Run("roi", "propose", exam, "--out", proposedFile);
                Assert.True(code == 0, error);
                var set = RoiSet.Load(proposedFile);
                var (rows, cols, labels) = IronNotebooks.Simulation.SyntheticExamWriter.ReadTissueMap(Path.Combine(exam, IronNotebooks.Simulation.SyntheticExamWriter.TissueMapFileName));
                IronNotebooks.Simulation.Tissue Label(CircleRoi c) => labels[(int)Math.Round(c.Center.Y) * cols + (int)Math.Round(c.Center.X)];
                var circles = set.Rois.OfType<CircleRoi>().ToList();
                Assert.Equal(3, circles.Count(c => c.Role == RoiRole.Liver));
                Assert.All(circles.Where(c => c.Role == RoiRole.Liver), c => Assert.Equal(IronNotebooks.Simulation.Tissue.Liver, Label(c)));
                Assert.All(circles.Where(c => c.Role is RoiRole.MuscleLeftParaspinal or RoiRole.MuscleRightParaspinal), c => Assert.Equal(IronNotebooks.Simulation.Tissue.Muscle, Label(c)));
                Assert.Equal(2, circles.Count(c => c.Role is RoiRole.MuscleLeftParaspinal or RoiRole.MuscleRightParaspinal));
                (code, var proposedOut, error) = CliHarness.Run("lic", "sir", exam, "--rois", proposedFile, "--json");
                Assert.True(code == 0, error);
                (code, var truthOut, error) = CliHarness.Run("lic", "sir", exam, "--rois", Path.Combine(exam, "rois.json"), "--json");
                Assert.True(code == 0, error);
                double proposedLic = JsonDocument.Parse(proposedOut).RootElement.GetProperty("licUmolPerGram").GetDouble();
                double truthLic = JsonDocument.Parse(truthOut).RootElement.GetProperty("licUmolPerGram").GetDouble();
                Assert.InRange(proposedLic / truthLic, 0.9, 1.1);
            }
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
