using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Tests.Cli;

/// <summary>One synthetic cohort (`ironnb synth --patients 2 --matrix 64 --seed 7`) shared by the issue-13 regression tests; each test copies what it mutates.</summary>
public sealed class SynthCohortFixture : IDisposable
{
    public SynthCohortFixture()
    {
        Root = Directory.CreateTempSubdirectory("ironnb-i13-cohort-").FullName;
        var (code, _, err) = CliHarness.Run("synth", "--out", Root, "--patients", "2", "--matrix", "64", "--seed", "7");
        if (code != 0) throw new InvalidOperationException("synth failed: " + err);
    }

    public string Root { get; }

    /// <summary>A private copy of exam <paramref name="id"/> under <paramref name="into"/>.</summary>
    public string CopyExam(string id, string into)
    {
        var target = Path.Combine(into, id);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, id), "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(Path.Combine(Root, id), file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return target;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>
/// Issue 13, numbered defects 1–3 and 6–12 (data and command line): each test reproduces the reported case and fails
/// on the code before the fix. The whole-cohort cases of the issue (`--patients 5`) use the same exam layout.
/// </summary>
public sealed class BadInputRegressionTests : IClassFixture<SynthCohortFixture>, IDisposable
{
    private readonly SynthCohortFixture _cohort;
    private readonly string _dir = Directory.CreateTempSubdirectory("ironnb-i13-").FullName;

    public BadInputRegressionTests(SynthCohortFixture cohort) => _cohort = cohort;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void Truncate(string path, long length)
    {
        using var f = new FileStream(path, FileMode.Open, FileAccess.Write);
        f.SetLength(length);
    }

    private static void AssertBadInputNaming(string fragment, (int Code, string Out, string Err) r)
    {
        Assert.True(r.Code == 2, $"exit {r.Code}\nstdout: {r.Out}\nstderr: {r.Err}");
        Assert.Contains(fragment, r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Err, StringComparison.Ordinal);
    }

    private string Mgre(string exam) => Directory.GetDirectories(exam, "*_MGRE").Single();

    // ---- 1. unreadable files were skipped silently ---------------------------------------------------------------

    [Fact]
    public void Fit_FirstEchoTruncated_FailsNamingTheFileInsteadOfFittingWithoutIt()
    {
        var exam = _cohort.CopyExam("SYN-0002", _dir);
        var echo1 = Path.Combine(Mgre(exam), "IM00001.dcm");
        Truncate(echo1, 2000);
        var r = CliHarness.Run("fit", exam, "--series", "9", "--roi", "circle:15,29,2", "--json");
        AssertBadInputNaming(echo1, r);
        Assert.DoesNotContain("beyond measurable range", r.Out + r.Err, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(0)]
    public void Fit_FourthEchoTruncatedOrEmpty_FailsRatherThanFitElevenEchoes(long length)
    {
        var exam = _cohort.CopyExam("SYN-0002", _dir);
        var echo4 = Path.Combine(Mgre(exam), "IM00004.dcm");
        Truncate(echo4, length);
        var r = CliHarness.Run("fit", exam, "--series", "9", "--roi", "circle:15,29,2");
        AssertBadInputNaming(echo4, r);
    }

    [Fact]
    public void Fit_FourthEchoFileDeleted_FailsNamingTheMissingEchoNumber()
    {
        var exam = _cohort.CopyExam("SYN-0002", _dir);
        File.Delete(Path.Combine(Mgre(exam), "IM00004.dcm"));
        AssertBadInputNaming("echo number(s) 4 are missing", CliHarness.Run("fit", exam, "--series", "9", "--roi", "circle:15,29,2"));
    }

    [Fact]
    public void Fit_UnreadableFileInAnotherSeriesFolder_FitsAndNamesItInAWarning()
    {
        var exam = _cohort.CopyExam("SYN-0002", _dir);
        var t2 = Directory.GetFiles(Directory.GetDirectories(exam, "03_*").Single()).First();
        Truncate(t2, 0);
        var r = CliHarness.Run("fit", exam, "--series", "9", "--roi", "circle:15,29,2", "--json");
        Assert.True(r.Code == 0, r.Err);
        var warnings = JsonDocument.Parse(r.Out).RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.Contains(t2, StringComparison.Ordinal));
        Assert.Equal(12, JsonDocument.Parse(r.Out).RootElement.GetProperty("echoesUsed").GetInt32());
    }

    [Fact]
    public void LicSir_T2SeriesTruncated_FailsNamingTheFileInsteadOfSwitchingMethod()
    {
        var exam = _cohort.CopyExam("SYN-0002", _dir);
        var t2 = Path.Combine(Directory.GetDirectories(exam, "03_T2").Single(), "IM00001.dcm");
        Truncate(t2, 2000);
        var r = CliHarness.Run("lic", "sir", exam, "--rois", Path.Combine(exam, "rois.json"), "--json");
        AssertBadInputNaming(t2, r);
        Assert.Equal("", r.Out);
    }

    // ---- 2, 3, 6, 7. map output ------------------------------------------------------------------------------------

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public void Map_OutIsTheInputFolder_IsRefusedAndTheEchoesAreUntouched()
    {
        var mgre = Mgre(_cohort.CopyExam("SYN-0002", _dir));
        var before = Directory.GetFiles(mgre).Order().Select(Hash).ToList();
        var r = CliHarness.Run("map", mgre, "--out", mgre);
        AssertBadInputNaming("never written into an input folder", r);
        Assert.Equal(before, Directory.GetFiles(mgre).Order().Select(Hash).ToList());
        AssertBadInputNaming("input", CliHarness.Run("map", mgre, "--out", Path.Combine(mgre, "map.csv")));
        Assert.False(File.Exists(Path.Combine(mgre, "map.csv")));
    }

    [Fact]
    public void Map_OutIsAnExistingNonCsvFile_IsBadInputWithoutAStackTrace()
    {
        var mgre = Mgre(_cohort.CopyExam("SYN-0002", _dir));
        var existing = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(existing, "keep me");
        AssertBadInputNaming("existing file", CliHarness.Run("map", mgre, "--out", existing));
        Assert.Equal("keep me", File.ReadAllText(existing));
    }

    [Fact]
    public void AtomicOutput_WriterFailsHalfway_LeavesThePreviousFileWholeAndNoTemporaryFile()
    {
        var csv = Path.Combine(_dir, "map.csv");
        File.WriteAllText(csv, "previous good map\n");
        Assert.Throws<IOException>(() => AtomicOutput.WriteFile(csv, s =>
        {
            s.Write(new byte[100_000]);
            throw new IOException("interrupted");
        }, "--out"));
        Assert.Equal("previous good map\n", File.ReadAllText(csv));
        Assert.Equal([csv], Directory.GetFiles(_dir));
    }

    private string MultiSliceSeries(int slices)
    {
        var input = Path.Combine(_dir, $"in{slices}");
        MrImageWriter.WriteClassic(SyntheticSeries.Phantom(slices), input);   // files: slice-major, 4 echoes each
        return input;
    }

    [Fact]
    public void Map_FolderOutputOverAnEarlierLargerMap_HoldsOnlyTheNewSlices()
    {
        var out1 = Path.Combine(_dir, "map");
        Assert.Equal(0, CliHarness.Run("map", MultiSliceSeries(3), "--model", "loglinear", "--out", out1).Code);
        Assert.Equal(3, Directory.GetFiles(out1).Length);
        var r = CliHarness.Run("map", MultiSliceSeries(1), "--model", "loglinear", "--out", out1);
        Assert.True(r.Code == 0, r.Err);
        Assert.Single(Directory.GetFiles(out1));
        Assert.Empty(Directory.GetDirectories(_dir, ".map.*"));
    }

    [Fact]
    public void Map_FolderHoldingOtherFiles_IsRefused()
    {
        var out1 = Path.Combine(_dir, "mine");
        Directory.CreateDirectory(out1);
        File.WriteAllText(Path.Combine(out1, "report.docx"), "x");
        AssertBadInputNaming("report.docx", CliHarness.Run("map", MultiSliceSeries(1), "--model", "loglinear", "--out", out1));
        Assert.True(File.Exists(Path.Combine(out1, "report.docx")));
    }

    [Fact]
    public void Map_IncompleteFirstSlice_KeepsTheOtherSlicesIndexAndPositionAndNamesTheFiles()
    {
        var input = MultiSliceSeries(3);
        File.Delete(Path.Combine(input, "IM00002.dcm"));   // slice 0, echo 2 (TE 2.4 ms)
        var csv = Path.Combine(_dir, "map.csv");
        var r = CliHarness.Run("map", input, "--model", "loglinear", "--out", csv, "--json");
        Assert.True(r.Code == 0, r.Err);
        var root = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal([1, 2], root.GetProperty("sliceIndices").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal([15.0, 20.0], root.GetProperty("sliceLocationsMm").EnumerateArray().Select(x => x.GetDouble()));
        var gap = root.GetProperty("incompleteSlices").EnumerateArray().Single();
        Assert.Equal(0, gap.GetProperty("index").GetInt32());
        Assert.Equal(2.4, gap.GetProperty("missingEchoTimesMs")[0].GetDouble());
        Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("IM00001.dcm", StringComparison.Ordinal));

        var rows = File.ReadLines(csv).Skip(1).Select(l => l.Split(',')).ToList();
        var header = File.ReadLines(csv).First().Split(',');
        int slice = Array.IndexOf(header, "slice"), location = Array.IndexOf(header, "sliceLocationMm");
        Assert.Equal(["1", "2"], rows.Select(f => f[slice]).Distinct());
        Assert.Equal(["15", "20"], rows.Select(f => f[location]).Distinct());

        var dicom = Path.Combine(_dir, "mapdir");
        Assert.Equal(0, CliHarness.Run("map", input, "--model", "loglinear", "--out", dicom).Code);
        var positions = Directory.GetFiles(dicom).Order().Select(f => IronNotebooks.Dicom.DicomFile.Open(f).Dataset.GetDoubles(IronNotebooks.Dicom.DicomTags.ImagePositionPatient)[2]).ToList();
        Assert.Equal([15.0, 20.0], positions);

        AssertBadInputNaming("lacks the echo(es) at TE 2.4 ms", CliHarness.Run("fit", input, "--roi", "circle:10,10,3", "--slice", "0"));
        var fit1 = CliHarness.Run("fit", input, "--roi", "circle:10,10,3", "--slice", "1", "--json");
        Assert.True(fit1.Code == 0, fit1.Err);
        Assert.Equal(15.0, JsonDocument.Parse(fit1.Out).RootElement.GetProperty("sliceLocationMm").GetDouble());
    }

    // ---- 8. symlinks and FIFOs in a folder ------------------------------------------------------------------------

    [Fact]
    public async Task DicomTree_DirectorySymlinkLoopsAndAFifo_CountEachFileOnceAndFinish()
    {
        var mgre = Mgre(_cohort.CopyExam("SYN-0002", _dir));
        Directory.CreateSymbolicLink(Path.Combine(mgre, "loop1"), mgre);
        Directory.CreateSymbolicLink(Path.Combine(mgre, "loop2"), _dir);
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", Path.Combine(mgre, "pipe")) { UseShellExecute = false }))
            mkfifo?.WaitForExit();
        var run = Task.Run(() => CliHarness.Run("dicom", "tree", mgre, "--json"));
        Assert.True(await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))) == run, "dicom tree hung");
        var (code, output, error) = await run;
        Assert.True(code == 0, error);
        var series = JsonDocument.Parse(output).RootElement.GetProperty("studies")[0].GetProperty("series")[0];
        Assert.Equal(12, series.GetProperty("files").GetInt32());
    }

    // ---- 9. impossible inputs --------------------------------------------------------------------------------------

    [Theory]
    [InlineData("-5")]
    [InlineData("1e9")]
    [InlineData("NaN")]
    public void LicR2Star_ImpossibleRate_IsBadInputNamingValue(string value)
    {
        var r = CliHarness.Run("lic", "r2star", "--value", value, "--field", "1.5", "--calibration", "wood2005", "--json");
        AssertBadInputNaming("--value", r);
        Assert.Equal("", r.Out);
    }

    [Theory]
    [InlineData("0.1")]
    [InlineData("12")]
    public void LicR2Star_FieldOutsideWholeBodyRange_IsBadInputNamingField(string field)
    {
        var r = CliHarness.Run("lic", "r2star", "--value", "100", "--field", field, "--calibration", "wood2005");
        AssertBadInputNaming("--field", r);
        Assert.DoesNotContain("measuredFieldT", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_AllZeroDecay_IsBadInputNotAConvergedRate()
    {
        var r = CliHarness.Run("fit", "--te", "1,2,3,4,5,6", "--signal", "0,0,0,0,0,0", "--json");
        AssertBadInputNaming("signal 0", r);
    }

    [Fact]
    public void Fit_FlatDecay_GivesNoValueInsteadOfT2StarInSeconds()
    {
        var r = CliHarness.Run("fit", "--te", "1,2,3,4,5,6", "--signal", "500,500,500,500,500,500", "--json");
        Assert.True(r.Code == 0, r.Err);
        var root = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("t2StarMs").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("r2StarPerSecond").ValueKind);
        Assert.Equal("noValue", root.GetProperty("outcome").GetString());
        Assert.Contains(root.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("no measurable decay", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0.00099,0.0024,0.0038", "in seconds")]
    [InlineData("3,2,1", "must increase")]
    public void Fit_EchoTimesInWrongUnitOrOrder_IsBadInputNamingTe(string te, string fragment)
    {
        var r = CliHarness.Run("fit", "--te", te, "--signal", "900,700,500");
        AssertBadInputNaming(fragment, r);
        Assert.Contains("--te", r.Err, StringComparison.Ordinal);
    }

    // ---- 10, 12. not DICOM -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("empty")]
    [InlineData("zeros")]
    [InlineData("random")]
    [InlineData("gzip")]
    public void DicomInfo_FileThatIsNotDicom_SaysNotADicomFile(string kind)
    {
        var path = Path.Combine(_dir, kind + ".dcm");
        byte[] bytes = kind switch
        {
            "empty" => [],
            "zeros" => new byte[4096],
            "random" => RandomBytes(4096),
            _ => Gzip(RandomBytes(4096)),
        };
        File.WriteAllBytes(path, bytes);
        var r = CliHarness.Run("dicom", "info", path, "--json");
        AssertBadInputNaming("Not a DICOM file", r);
        Assert.Equal("", r.Out);
    }

    private static byte[] RandomBytes(int n)
    {
        var b = new byte[n];
        new Random(13).NextBytes(b);
        b[0] = 0x41; // never an accidental low even group
        return b;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(ms, System.IO.Compression.CompressionLevel.Fastest)) gz.Write(data);
        return ms.ToArray();
    }

    [Fact]
    public void DicomInfo_OnAFolder_SaysItIsAFolder()
    {
        AssertBadInputNaming("is a folder", CliHarness.Run("dicom", "info", _dir));
    }

    [Fact]
    public void Fit_MismatchedTeAndSignal_NamesTheOptionsNotTheParameter()
    {
        var r = CliHarness.Run("fit", "--te", "1,2,3", "--signal", "3,2");
        AssertBadInputNaming("--signal", r);
        Assert.DoesNotContain("(Parameter", r.Err, StringComparison.Ordinal);
    }

    // ---- 11, 12. BIDS sidecars -------------------------------------------------------------------------------------

    private string NiftiFolder(string echoTimeJson)
    {
        var folder = Path.Combine(_dir, "nifti");
        Directory.CreateDirectory(folder);
        for (int e = 1; e <= 3; e++)
        {
            File.WriteAllBytes(Path.Combine(folder, $"liver_e{e}.nii"), NiftiBytes.Int16(8, 8, 1, [.. Enumerable.Repeat((short)(1000 / e), 64)]));
            string te = e == 1 ? echoTimeJson : (0.002 * e).ToString(CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(folder, $"liver_e{e}.json"), $"{{\"EchoTime\": {te}, \"MagneticFieldStrength\": 1.5}}");
        }
        return folder;
    }

    [Fact]
    public void Fit_BidsEchoTimeWrittenInMilliseconds_IsBadInputNamingTheSidecar()
    {
        var r = CliHarness.Run("fit", NiftiFolder("23.051"), "--roi", "circle:4,4,2");
        AssertBadInputNaming("liver_e1.json", r);
        Assert.Contains("milliseconds", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_BidsEchoTimeAsString_SaysItIsAString()
    {
        var r = CliHarness.Run("fit", NiftiFolder("\"0.001\""), "--roi", "circle:4,4,2");
        AssertBadInputNaming("EchoTime is the string \"0.001\"", r);
    }

    // ---- NIfTI slice index = voxel index k (as nibabel) -------------------------------------------------------------

    [CorpusFact]
    public void RoiStats_NiftiSliceK_IsVoxelIndexKAsNibabelReadsIt()
    {
        // Fixture: nibabel's statistics of slice k = 2 (roi/make_roi_reference.py); the Siemens volume's k runs against
        // the plane normal, so ordering by position made --slice 2 another slice.
        using var doc = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("roi/roi_reference.json")));
        int k = doc.RootElement.GetProperty("slice").GetInt32();
        var expected = doc.RootElement.GetProperty("vendors").GetProperty("siemens").GetProperty("rois").GetProperty("circle:60,70,4")[0];
        var r = CliHarness.Run("roi", "stats", TestPaths.CorpusFile("ukat/r2star/siemens"), "--roi", "circle:60,70,4", "--slice", k.ToString(CultureInfo.InvariantCulture), "--json");
        Assert.True(r.Code == 0, r.Err);
        var echo1 = JsonDocument.Parse(r.Out).RootElement[0];
        Assert.Equal(expected.GetProperty("mean").GetDouble(), echo1.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(k, echo1.GetProperty("slice").GetInt32());
        Assert.EndsWith($"#k={k}", echo1.GetProperty("sliceSource").GetString(), StringComparison.Ordinal);
    }
}
