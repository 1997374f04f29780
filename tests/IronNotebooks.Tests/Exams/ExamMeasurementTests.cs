using System.Text.Json;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Exams;
using IronNotebooks.Simulation;
using IronNotebooks.Tests.Relaxometry;
using Xunit;

namespace IronNotebooks.Tests.Exams;

public sealed class ExamMeasurementTests : IDisposable
{
    private readonly SyntheticExams _exams = new();

    public void Dispose() => _exams.Dispose();

    [Fact]
    public void Open_SyntheticExam_IdentifiesEachAcquisitionKindWithItsEvidence()
    {
        var written = _exams.Write("SYN-K", 60, SyntheticExams.All);
        var exam = Exam.Open(written.Folder);

        var gre = Assert.Single(exam.OfKind(ExamAcquisitionKind.MultiEchoGradientEcho));
        Assert.Equal(12, gre.EchoTimesMs.Count);
        Assert.Contains(gre.Evidence, e => e.Contains("Scanning Sequence (0018,0020) GR", StringComparison.Ordinal));
        var se = Assert.Single(exam.OfKind(ExamAcquisitionKind.MultiEchoSpinEcho));
        Assert.Contains(se.Evidence, e => e.Contains("SE", StringComparison.Ordinal));
        var sir = exam.OfKind(ExamAcquisitionKind.SignalRatioSequence);
        Assert.Contains(sir, a => a.SignalRatioSteps.Contains("rennes-1.5T:T2"));
        Assert.Contains(sir, a => a.SignalRatioSteps.Contains("lille-addon-1.5T:Lille"));
        Assert.All(exam.Acquisitions, a => Assert.Empty(a.Incompleteness));
        Assert.False(exam.IsPhantom);
        Assert.NotNull(exam.Rois?.Reference);
    }

    [Fact]
    public void Measure_CompleteExam_EveryMethodEstimatedNearTheTruth()
    {
        var written = _exams.Write("SYN-OK", 60, SyntheticExams.All);
        var result = ExamMeasurement.Measure(written.Folder);

        Assert.DoesNotContain(result.Rows, r => r.Status == MeasurementStatus.Failed);
        // The simulator made the liver R2* by inverting wood2005 and R2 from St Pierre: those rows must give back the LIC.
        foreach (var key in new[] { "r2star/rician/wood2005", "r2star/secondmoment/wood2005", "r2/mono/stpierre2005" })
        {
            var row = Assert.Single(result.Rows, r => r.Key == key);
            Assert.Equal(MeasurementStatus.Estimated, row.Status);
            Assert.InRange(row.LicUmolPerGram!.Value, 60 * 0.9, 60 * 1.1);
            Assert.Equal(IronNotebooks.Calibration.LiverIronConcentration.FromUmolPerGram(row.LicUmolPerGram!.Value).MgPerGram, row.LicMgPerGram!.Value, 9);
        }
        Assert.Contains(result.Rows, r => r.Key == "sir/rennes-1.5T/reconstruction" && r.Status == MeasurementStatus.Estimated);
        Assert.Contains(result.Rows, r => r.Key == "sir/alustiza2004/published" && r.Status == MeasurementStatus.Estimated);
    }

    // Issue 13 defect 1 / issue 14 "no silent skips": echo 4 truncated used to be fitted as 11 echoes without a word.
    [Fact]
    public void Measure_TruncatedEchoFile_FailsEveryR2StarRowNamingTheFile_OtherMethodsUnaffected()
    {
        var written = _exams.Write("SYN-TRUNC", 60, SyntheticExams.All);
        var echo4 = Directory.GetFiles(Path.Combine(written.Folder, "09_MGRE")).Order(StringComparer.Ordinal).ElementAt(3);
        using (var f = new FileStream(echo4, FileMode.Open)) f.SetLength(2000);

        var result = ExamMeasurement.Measure(written.Folder);

        var r2star = result.Rows.Where(r => r.Method == "r2star").ToList();
        Assert.NotEmpty(r2star);
        Assert.All(r2star, r =>
        {
            Assert.Equal(MeasurementStatus.Failed, r.Status);
            Assert.Contains(echo4, r.Error!, StringComparison.Ordinal);
            Assert.Contains("echo 4 of the train is missing", r.Error!, StringComparison.Ordinal);
            Assert.Null(r.LicUmolPerGram);
        });
        Assert.All(result.Rows.Where(r => r.Method != "r2star"), r => Assert.Equal(MeasurementStatus.Estimated, r.Status));
    }

    // Issue 13 defect 4 (first half): a Rennes exam without its T2 series was measured with the two-sequence model silently.
    [Fact]
    public void RennesExamWithoutT2_RennesRowFailsNamingT2_AndLicSirStatesTheSwitch()
    {
        var written = _exams.Write("SYN-NOT2", 150, SynthProtocol.Rennes, SynthProtocol.MultiEchoGre);
        Directory.Delete(Path.Combine(written.Folder, "03_T2"), recursive: true);

        var rows = ExamMeasurement.Measure(written.Folder).Rows;
        var rennes = Assert.Single(rows, r => r.Model == "rennes-1.5T");
        Assert.Equal(MeasurementStatus.Failed, rennes.Status);
        Assert.Contains("T2:", rennes.Error!, StringComparison.Ordinal);
        var two = Assert.Single(rows, r => r.Model == "alustiza2004");
        Assert.Equal(MeasurementStatus.Estimated, two.Status);
        Assert.Null(two.MethodSwitch);   // measured in its own right, not in place of Rennes
        Assert.Contains(rows, r => r.Method == "r2star" && r.Status == MeasurementStatus.Estimated);

        var (code, output, error) = CliHarness.Run("lic", "sir", written.Folder, "--rois", written.PathOf(written.RoiSetFile), "--json");
        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("alustiza2004", json.GetProperty("protocol").GetString());
        var note = json.GetProperty("methodSwitch").GetString()!;
        Assert.Contains("rennes-1.5T was not possible (missing T2", note, StringComparison.Ordinal);
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("method switch:", StringComparison.Ordinal));
    }

    // Issue 13 defect 4 (second half): under --protocol rennes-1.5T an exam with a Lille series returned the Lille estimate silently.
    [Fact]
    public void RennesProtocolWithLilleSeries_HighIron_LilleEstimateCarriesTheSwitchInJsonAndRows()
    {
        var written = _exams.Write("SYN-LILLE", 420, SynthProtocol.Lille);
        var (code, output, error) = CliHarness.Run("lic", "sir", written.Folder, "--rois", written.PathOf(written.RoiSetFile), "--protocol", "rennes-1.5T", "--json");
        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("lille-addon-1.5T", json.GetProperty("protocol").GetString());
        Assert.StartsWith("rennes-1.5T → lille-addon-1.5T", json.GetProperty("methodSwitch").GetString(), StringComparison.Ordinal);

        var rennes = Assert.Single(ExamMeasurement.Measure(written.Folder).Rows, r => r.Model == "rennes-1.5T");
        Assert.StartsWith("rennes-1.5T → lille-addon-1.5T", rennes.MethodSwitch, StringComparison.Ordinal);
    }

    [Fact]
    public void LicSir_RennesExamBelowTheLilleIndication_HasNoMethodSwitch()
    {
        var written = _exams.Write("SYN-LOW", 60, SynthProtocol.Lille);
        var (code, output, error) = CliHarness.Run("lic", "sir", written.Folder, "--rois", written.PathOf(written.RoiSetFile), "--protocol", "rennes-1.5T", "--json");
        Assert.True(code == 0, error);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(output).RootElement.GetProperty("methodSwitch").ValueKind);
    }

    [Fact]
    public void ExamMeasure_Json_ColumnsArePinnedAndMatchTheCsvHeader()
    {
        var written = _exams.Write("SYN-JSON", 60, SynthProtocol.MultiEchoGre, SynthProtocol.Rennes);
        var (code, output, error) = CliHarness.Run("exam", "measure", written.Folder, "--methods", "r2star,sir", "--models", "rician", "--calibrations", "wood2005", "--json");
        Assert.True(code == 0, error);
        // Warnings carry seeded numbers (σ, per-ROI rates) that another simulator change may move: the approval pins keys and kinds.
        var node = System.Text.Json.Nodes.JsonNode.Parse(output)!;
        foreach (var r in node["rows"]!.AsArray()) r!["warnings"] = new System.Text.Json.Nodes.JsonArray("<text>");
        Approvals.VerifyJson(node.ToJsonString(), "exam-measure");
        var row = JsonDocument.Parse(output).RootElement.GetProperty("rows")[0];
        var keys = row.EnumerateObject().Select(p => p.Name).Where(k => k != "durationMs").ToList();
        Assert.Equal(ExamMeasurementCsv.Columns, keys);
        Assert.Equal("fieldStrengthT", keys[4]);
        var statuses = Enum.GetValues<MeasurementStatus>().Select(ExamMeasurementCsv.StatusName).ToList();
        Assert.Equal(["estimated", "aboveRange", "beyondMeasurableRange", "failed"], statuses);
    }

    [Fact]
    public void DicomTree_Json_ReportsTheKindOfEverySeries()
    {
        var written = _exams.Write("SYN-TREE", 60, SynthProtocol.MultiEchoGre, SynthProtocol.MultiEchoSe);
        var (code, output, error) = CliHarness.Run("dicom", "tree", written.Folder, "--json");
        Assert.True(code == 0, error);
        var kinds = JsonDocument.Parse(output).RootElement.GetProperty("kinds").EnumerateArray().Select(k => k.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["multiEchoGradientEcho", "multiEchoSpinEcho"], kinds);
    }

    [Fact]
    public void FitRois_FitsEveryRoiOfTheSetWithSigmaFromTheAirRoi()
    {
        var written = _exams.Write("SYN-FITROIS", 60, SynthProtocol.MultiEchoGre);
        var (code, output, error) = CliHarness.Run("fit", Path.Combine(written.Folder, "01_MGRE"), "--rois", written.PathOf(written.RoiSetFile), "--model", "rician", "--json");
        Assert.True(code == 0, error + output);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(3, json.GetProperty("liverRois").GetInt32());
        Assert.All(json.GetProperty("fits").EnumerateArray(), f => Assert.StartsWith("background ROI", f.GetProperty("noiseSource").GetString(), StringComparison.Ordinal));
        double mean = json.GetProperty("liverMeanR2StarPerSecond").GetDouble();
        Assert.InRange(mean, written.LiverR2StarPerSecond!.Value * 0.9, written.LiverR2StarPerSecond!.Value * 1.1);
    }
}
