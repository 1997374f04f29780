using System.Security.Cryptography;
using System.Text.Json;
using IronNotebooks.Calibration;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Simulation;
using Xunit;

namespace IronNotebooks.Tests.Simulation;

/// <summary>
/// Synthetic studies as outside tools see them: DCMTK parses every file without an error or warning, and pydicom
/// (Fixtures/simulation/read_synthetic_exam.py, strict reading) finds the expected tags, the same stored pixels as our
/// reader and, over the ground-truth ROIs, the same means the simulator recorded before writing.
/// </summary>
public sealed class SyntheticDicomToolTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ironnb-synth-tools-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private IReadOnlyList<SimulatedExam> WriteExams()
    {
        var options = new SimulationOptions(77, 1.5, new AnatomyOptions(96, Lesions: [FocalLesion.Default], IncludeHeartSeptum: true), 40,
            Scaling: VendorScalings.Arbitrary12Bit);
        var patient = new VirtualPatient("SYN-0007", LiverIronConcentration.FromUmolPerGram(140), LiverFatFraction: 0.1, HeartT2StarMs1p5T: 15);
        return
        [
            SyntheticExamWriter.WritePatient(patient, [SynthProtocol.Lille, SynthProtocol.MultiEchoSe], Path.Combine(_dir, "classic"), options),
            SyntheticExamWriter.WritePatient(patient, [SynthProtocol.MultiEchoGre], Path.Combine(_dir, "enhanced"),
                options with { EnhancedMultiEcho = true, Scaling = VendorScalings.Rescaled16Bit }),
            SyntheticExamWriter.WritePhantom(Path.Combine(_dir, "phantom"), options with { Anatomy = new AnatomyOptions(96) }),
        ];
    }

    [ToolFact("dcmdump")]
    public void Dcmtk_ParsesEverySyntheticFileWithoutErrorsOrWarnings()
    {
        foreach (var exam in WriteExams())
            foreach (var file in exam.Series.SelectMany(s => s.Files))
            {
                var (code, stdout, err) = ExternalTool.Run(ExternalTool.Require("dcmdump"), ["+E", exam.PathOf(file)]);
                Assert.True(code == 0 && !err.Contains("E:") && !err.Contains("W:"), $"dcmdump on {file}: exit {code}\n{err}");
                Assert.True(stdout.Contains("(0018,0081)") || stdout.Contains("(0018,9082)"), $"{file}: no Echo Time or Effective Echo Time");
                Assert.Contains("SYNTHETIC", stdout);
            }
    }

    [ToolFact("pydicom")]
    public void Pydicom_ReadsTheExpectedTagsPixelsAndRoiMeans()
    {
        var script = TestPaths.Fixture(Path.Combine("simulation", "read_synthetic_exam.py"));
        var exams = WriteExams();
        var (code, stdout, err) = ExternalTool.Run(ExternalTool.Require("pydicom"), [script, .. exams.Select(e => e.Folder)]);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(stdout);
        foreach (var exam in exams)
        {
            var files = doc.RootElement.GetProperty(exam.Folder);
            Assert.Equal(exam.Series.Sum(s => s.Files.Count), files.EnumerateObject().Count());
            var sopUids = new HashSet<string>();
            foreach (var series in exam.Series)
                for (int f = 0; f < series.Files.Count; f++)
                {
                    var py = files.GetProperty(series.Files[f]);
                    Assert.Equal(exam.PatientId, py.GetProperty("patientId").GetString());
                    Assert.Equal("MR", py.GetProperty("modality").GetString());
                    Assert.Equal(exam.StudyInstanceUid, py.GetProperty("studyInstanceUid").GetString());
                    Assert.Equal(series.SeriesInstanceUid, py.GetProperty("seriesInstanceUid").GetString());
                    Assert.True(sopUids.Add(py.GetProperty("sopInstanceUid").GetString()!), "SOP Instance UIDs are unique");
                    Assert.Equal(1.5, py.GetProperty("field").GetDouble());
                    Assert.Equal(exam.Scaling == VendorScalings.Arbitrary12Bit.Name ? 12 : 16, py.GetProperty("bitsStored").GetInt32());
                    Assert.Equal(series.RepetitionTimeMs, py.GetProperty("repetitionTime").GetDouble());
                    Assert.Equal(series.FlipAngleDeg, py.GetProperty("flipAngle").GetDouble());
                    Assert.Equal(series.RescaleSlope, py.GetProperty("rescaleSlope").GetDouble());
                    var tes = py.GetProperty("echoTimes").EnumerateArray().Select(e => e.GetDouble()).ToList();
                    var echoes = series.Files.Count == 1 ? Enumerable.Range(0, series.EchoTimesMs.Count).ToList() : [f];
                    Assert.Equal(echoes.Select(e => series.EchoTimesMs[e]), tes);

                    // Stored pixels: pydicom's array hashes like our reader's stored values.
                    var pixels = DicomFile.Open(exam.PathOf(series.Files[f])).GetPixelData();
                    var bytes = new List<byte>();
                    for (int k = 0; k < pixels.Frames.Count; k++)
                        foreach (var v in pixels.GetStoredValues(k)) { ushort u = checked((ushort)v); bytes.Add((byte)u); bytes.Add((byte)(u >> 8)); }
                    Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. bytes])), py.GetProperty("pixelSha256").GetString());

                    // ROI means over pydicom's pixels equal the simulator's own record (float32 planes: 1e-5 relative).
                    var means = py.GetProperty("roiMeans");
                    foreach (var roi in series.Rois)
                    {
                        var pyMeans = means.GetProperty(roi.Name).EnumerateArray().Select(e => e.GetDouble()).ToList();
                        for (int k = 0; k < echoes.Count; k++)
                            Assert.Equal(roi.Mean[echoes[k]], pyMeans[k], Math.Max(1e-3, Math.Abs(pyMeans[k]) * 1e-5));
                    }
                }
        }
    }
}
