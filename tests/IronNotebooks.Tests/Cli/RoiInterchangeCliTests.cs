using System.Globalization;
using System.Text.Json;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.Imaging;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Roi;
using Xunit;

namespace IronNotebooks.Tests.Cli;

/// <summary>`roi export`, `roi import` and `map --format parametric-map` as a user runs them on a synthetic exam.</summary>
public sealed class RoiInterchangeCliTests : IClassFixture<SynthCohortFixture>, IDisposable
{
    private readonly SynthCohortFixture _cohort;
    private readonly string _dir = Directory.CreateTempSubdirectory("ironnb-seg-cli-").FullName;

    public RoiInterchangeCliTests(SynthCohortFixture cohort) => _cohort = cohort;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void AssertBadInput(string fragment, (int Code, string Out, string Err) r)
    {
        Assert.True(r.Code == 2, $"exit {r.Code}\nstdout: {r.Out}\nstderr: {r.Err}");
        Assert.Contains(fragment, r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportThenImport_GivesTheSameRoiFitsAsTheOriginalSet()
    {
        var exam = _cohort.CopyExam("SYN-0001", _dir);
        var mgre = Directory.GetDirectories(exam, "*_MGRE").Single();
        var rois = Path.Combine(exam, "rois.json");
        var export = CliHarness.Run("roi", "export", exam, "--rois", rois, "--out", Path.Combine(_dir, "out"));
        Assert.True(export.Code == 0, export.Err);
        Assert.True(File.Exists(Path.Combine(_dir, "out", "rois-seg.dcm")));
        var back = Path.Combine(_dir, "back.json");
        var import = CliHarness.Run("roi", "import", Path.Combine(_dir, "out", "rois-seg.dcm"), "--exam", exam, "--out", back, "--json");
        Assert.True(import.Code == 0, import.Err);
        Assert.Equal("sopInstance", JsonDocument.Parse(import.Out).RootElement.GetProperty("matching").GetString());
        var before = CliHarness.Run("fit", mgre, "--rois", rois, "--model", "arlo", "--json");
        var after = CliHarness.Run("fit", mgre, "--rois", back, "--model", "arlo", "--json");
        Assert.True(before.Code == 0 && after.Code == 0, before.Err + after.Err);
        static IEnumerable<(string?, double?)> Fits(string json) => JsonDocument.Parse(json).RootElement.GetProperty("fits").EnumerateArray()
            .Select(f => (f.GetProperty("roi").GetString(), f.GetProperty("r2StarPerSecond").ValueKind == JsonValueKind.Number ? f.GetProperty("r2StarPerSecond").GetDouble() : (double?)null));
        Assert.Equal(Fits(before.Out), Fits(after.Out));
        Assert.Equal(RoiSet.Load(rois).Rois.Select(r => (r.Name, r.Role)), RoiSet.Load(back).Rois.Select(r => (r.Name, r.Role)));
    }

    [Fact]
    public void Export_IntoTheExamFolder_IsRefused()
    {
        var exam = _cohort.CopyExam("SYN-0002", _dir);
        AssertBadInput("inside the input", CliHarness.Run("roi", "export", exam, "--rois", Path.Combine(exam, "rois.json"), "--out", Path.Combine(exam, "seg")));
        Assert.False(Directory.Exists(Path.Combine(exam, "seg")));
    }

    [Fact]
    public void Import_SegmentationOfAnotherExam_ExitsTwoNamingItsFrameOfReference()
    {
        var a = _cohort.CopyExam("SYN-0001", _dir);
        var b = _cohort.CopyExam("SYN-0002", _dir);
        Assert.Equal(0, CliHarness.Run("roi", "export", a, "--rois", Path.Combine(a, "rois.json"), "--out", Path.Combine(_dir, "a")).Code);
        var seg = Path.Combine(_dir, "a", "rois-seg.dcm");
        string frameOfReference = DicomFile.Open(seg).Dataset.GetString(DicomTags.FrameOfReferenceUID);
        var r = CliHarness.Run("roi", "import", seg, "--exam", b, "--out", Path.Combine(_dir, "wrong.json"));
        AssertBadInput("does not belong to this exam", r);
        Assert.Contains(frameOfReference, r.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "wrong.json")));
    }

    [Fact]
    public void Import_AnImageThatIsNoSegmentation_ExitsTwoNamingItsSopClass()
    {
        var exam = _cohort.CopyExam("SYN-0001", _dir);
        var image = Directory.EnumerateFiles(Directory.GetDirectories(exam, "*_MGRE").Single()).First();
        AssertBadInput("SOP Class UID", CliHarness.Run("roi", "import", image, "--out", Path.Combine(_dir, "x.json")));
    }

    [Fact]
    public void MapParametricMap_HoldsTheSameR2StarAsTheCsvMap()
    {
        var exam = _cohort.CopyExam("SYN-0001", _dir);
        var mgre = Directory.GetDirectories(exam, "*_MGRE").Single();
        var csv = Path.Combine(_dir, "map.csv");
        var dcm = Path.Combine(_dir, "map.dcm");
        Assert.Equal(0, CliHarness.Run("map", mgre, "--model", "loglinear", "--out", csv).Code);
        var pm = CliHarness.Run("map", mgre, "--model", "loglinear", "--format", "parametric-map", "--calibration", "wood2005", "--out", dcm, "--json");
        Assert.True(pm.Code == 0, pm.Err);
        Assert.Equal(Path.Combine(_dir, "map-lic.dcm"), JsonDocument.Parse(pm.Out).RootElement.GetProperty("licOut").GetString());
        var file = DicomFile.Open(dcm);
        var pixels = DicomPixelData.Create(file.Dataset, file.TransferSyntax, dcm);
        int columns = pixels.Format.Columns;
        var lines = File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(pixels.NumberOfFrames * pixels.Format.Rows * columns, lines.Count);
        for (int f = 0; f < pixels.NumberOfFrames; f++)
        {
            var values = pixels.GetStoredValues(f);
            foreach (var l in lines.Where(l => l[0] == lines.Select(x => x[0]).Distinct().ElementAt(f)))
            {
                int i = int.Parse(l[2], CultureInfo.InvariantCulture) * columns + int.Parse(l[1], CultureInfo.InvariantCulture);
                if (l[3].Length == 0) Assert.True(double.IsNaN(values[i]), $"frame {f} pixel {i}: {values[i]}");
                else Assert.Equal(double.Parse(l[3], CultureInfo.InvariantCulture), values[i], 1e-3 * Math.Max(1, Math.Abs(values[i])));
            }
        }
    }

    [Fact]
    public void MapParametricMap_WithACalibrationOfAnotherField_WritesNothing()
    {
        var exam = _cohort.CopyExam("SYN-0001", _dir);
        var mgre = Directory.GetDirectories(exam, "*_MGRE").Single();
        var dcm = Path.Combine(_dir, "map3t.dcm");
        AssertBadInput("3 T", CliHarness.Run("map", mgre, "--model", "loglinear", "--format", "parametric-map", "--calibration", "hernando-3t", "--out", dcm));
        Assert.False(File.Exists(dcm));
    }
}

/// <summary>`roi propose` output exported as a Segmentation: automatic segments with the proposer named, on the proposal's slice.</summary>
public sealed class ProposedRoiExportTests : IClassFixture<SynthCohortFixture>, IDisposable
{
    private readonly SynthCohortFixture _cohort;
    private readonly string _dir = Directory.CreateTempSubdirectory("ironnb-seg-proposed-").FullName;

    public ProposedRoiExportTests(SynthCohortFixture cohort) => _cohort = cohort;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Export_ProposedRois_AreAutomaticWithTheProposerNamedOnTheProposedSlice()
    {
        var exam = _cohort.CopyExam("SYN-0002", _dir);
        var mgre = Directory.GetDirectories(exam, "*_MGRE").Single();
        var proposed = Path.Combine(_dir, "proposed.json");
        var propose = CliHarness.Run("roi", "propose", mgre, "--out", proposed, "--json");
        Assert.True(propose.Code == 0, propose.Err);
        int slice = JsonDocument.Parse(propose.Out).RootElement.GetProperty("sliceIndex").GetInt32();
        var export = CliHarness.Run("roi", "export", mgre, "--rois", proposed, "--out", Path.Combine(_dir, "seg"), "--json");
        Assert.True(export.Code == 0, export.Err);
        var segments = JsonDocument.Parse(export.Out).RootElement.GetProperty("outputs")[0].GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(RoiSet.Load(proposed).Rois.Select(r => r.Name), segments.Select(s => s.GetProperty("roi").GetString()));
        Assert.All(segments, s => Assert.Equal([slice], s.GetProperty("planes").EnumerateArray().Select(p => p.GetInt32())));
        var seg = IronNotebooks.Dicom.IO.SegmentationReader.Read(Path.Combine(_dir, "seg", "rois-seg.dcm"));
        Assert.All(seg.Segments, s => Assert.Equal((IronNotebooks.Dicom.IO.SegmentAlgorithmType.Automatic, "IronNotebooks RoiProposer"), (s.AlgorithmType, s.AlgorithmName)));
    }
}
