using System.Text.Json;
using IronNotebooks.Cli;
using IronNotebooks.Dicom.Imaging.Codec.Jpeg2000;
using IronNotebooks.Dicom.Tests.Corpus;
using IronNotebooks.Dicom.Tests.IO;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Dicom.Tests.Cli;

public class DicomCommandTests
{

    [Fact]
    public void InfoJson_OnTheBundledSample_ReportsTheContractFieldsWithStoredAndRescaledStatistics()
    {
        var (code, output, error) = CliHarness.Run("dicom", "info", SamplePhantomTests.SamplePath, "--json");
        Assert.True(code == 0, error);
        var json = JsonDocument.Parse(output).RootElement;

        foreach (var key in new[] { "transferSyntaxUid", "modality", "rows", "columns", "frames", "bitsAllocated", "pixelRepresentation",
                     "echoTimesMs", "repetitionTimeMs", "flipAngleDeg", "fieldStrengthT", "manufacturer", "seriesInstanceUid",
                     "pixelMin", "pixelMax", "pixelMean", "storedMin", "storedMax", "storedMean" })
            Assert.True(json.TryGetProperty(key, out _), $"missing {key}");

        Assert.Equal(SamplePhantomTests.EchoTimesMs, json.GetProperty("echoTimesMs").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(1.5, json.GetProperty("fieldStrengthT").GetDouble());
        Assert.Equal(200, json.GetProperty("repetitionTimeMs").GetDouble());

        // Independent arithmetic: the stored values the writer was given, and the 0.5 rescale slope it recorded.
        var frames = SamplePhantomTests.Create().Frames;
        var stored = frames.SelectMany(f => f.StoredValues).Select(v => (double)v).ToArray();
        Assert.Equal(stored.Min(), json.GetProperty("storedMin").GetDouble());
        Assert.Equal(stored.Max(), json.GetProperty("storedMax").GetDouble());
        Assert.Equal(stored.Average(), json.GetProperty("storedMean").GetDouble(), 9);
        Assert.Equal(stored.Max() * 0.5, json.GetProperty("pixelMax").GetDouble());
        Assert.Equal(stored.Average() * 0.5, json.GetProperty("pixelMean").GetDouble(), 9);
    }

    [CorpusFact]
    public void InfoJson_OnAPhilipsEnhancedFile_RescalesEachFrameWithItsOwnSlope()
    {
        var path = TestPaths.CorpusFile("dcm_qa_philips_enh/In/enh/2001_WIP_fcMRI_Field_Mapping_e2_phMag.dcm.gz");
        var (code, output, _) = CliHarness.Run("dicom", "info", path, "--json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(212, json.GetProperty("frames").GetInt32());
        Assert.Equal([2.3, 4.6], json.GetProperty("echoTimesMs").EnumerateArray().Select(e => e.GetDouble()).Distinct().Order());

        var pixels = DicomFile.Open(path).GetPixelData();
        double min = double.MaxValue;
        for (int i = 0; i < pixels.NumberOfFrames; i++) min = Math.Min(min, pixels.GetStoredValues(i).Min() * pixels.Frames[i].RescaleSlope + pixels.Frames[i].RescaleIntercept);
        Assert.Equal(min, json.GetProperty("pixelMin").GetDouble(), 9);
        Assert.True(json.GetProperty("rescales").GetArrayLength() > 1, "phase frames carry their own rescale");
    }

    [Fact]
    public void Info_MissingFile_ExitsTwoNamingTheFile()
    {
        var (code, _, error) = CliHarness.Run("dicom", "info", "/nonexistent/x.dcm");
        Assert.Equal(2, code);
        Assert.Contains("/nonexistent/x.dcm", error);
    }

    [Fact]
    public void Info_TruncatedFile_ExitsTwoWithTheOffset()
    {
        var bytes = File.ReadAllBytes(SamplePhantomTests.SamplePath);
        var path = Path.Combine(Path.GetTempPath(), $"ironnb-cut-{Guid.NewGuid():N}.dcm");
        File.WriteAllBytes(path, bytes[..(bytes.Length - 1000)]);
        try
        {
            var (code, _, error) = CliHarness.Run("dicom", "info", path, "--json");
            Assert.Equal(2, code);
            Assert.Contains("truncated", error);
            Assert.Contains("offset", error);
            Assert.Contains("(7FE0,0010)", error);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void UnknownOption_ExitsTwo()
    {
        var (code, _, error) = CliHarness.Run("dicom", "info", SamplePhantomTests.SamplePath, "--frobnicate");
        Assert.Equal(2, code);
        Assert.Contains("--frobnicate", error);
    }

    [CorpusFact]
    public void Info_Jpeg2000File_GivesThePixelStatisticsOfTheGdcmDecode()
    {
        var (code, output, error) = CliHarness.Run("dicom", "info", TestPaths.CorpusFile("dcm_qa_ts/In/9.dcm"), "--json");
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(384, json.GetProperty("rows").GetInt32());
        if (Jpeg2000Decoder.Version is null && !Requirements.RequireAll)
        {
            // Without OpenJPEG the header is still printed and the pixel error says what to install.
            Assert.Equal(2, code);
            Assert.Contains("libopenjp2-7", json.GetProperty("pixelError").GetString());
            return;
        }
        Assert.True(code == 0, error);
        var reference = CorpusReference.Get("dcm_qa_ts/In/9.dcm").PixelFrames![0];
        Assert.Equal(reference.Min, json.GetProperty("storedMin").GetDouble());
        Assert.Equal(reference.Max, json.GetProperty("storedMax").GetDouble());
        Assert.Equal(reference.Sum / (384 * 384), json.GetProperty("storedMean").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("pixelError").ValueKind);
    }

    [CorpusFact]
    public void Info_ObjectWithoutPixelData_SucceedsWithNullPixelFields()
    {
        var (code, output, _) = CliHarness.Run("dicom", "info", TestPaths.CorpusFile("pydicom-debian-testfiles/ExplVR_LitEndNoMeta.dcm"), "--json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(JsonValueKind.Null, json.GetProperty("rows").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("pixelError").ValueKind);
        Assert.Contains(json.GetProperty("diagnostics").EnumerateArray(), d => d.GetString()!.Contains("inferred"));
    }

    [CorpusFact]
    public void TreeJson_ListsStudiesSeriesAndAcquisitionsWithEchoTimes()
    {
        var (code, output, _) = CliHarness.Run("dicom", "tree", TestPaths.CorpusFile("dcm_qa_me/In"), "--json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        var series = json.GetProperty("studies")[0].GetProperty("series");
        var magnitude = series.EnumerateArray().Single(s => s.GetProperty("seriesNumber").GetInt32() == 2);
        Assert.Equal([5.19, 7.65], magnitude.GetProperty("acquisitions").EnumerateArray().Select(a => a.GetProperty("echoTimeMs").GetDouble()));
        Assert.Equal(36, magnitude.GetProperty("acquisitions")[0].GetProperty("sliceCount").GetInt32());
    }
}
