using System.Text.Json;
using IronNotebooks.Cli;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Tests.Cli;

public class RoiCommandTests
{

    [CorpusFact]
    public void RoiStatsJson_OnANiftiFolder_GivesOneObjectPerEchoMatchingNumpy()
    {
        var (code, output, error) = CliHarness.Run("roi", "stats", TestPaths.CorpusFile("ukat/r2star/philips"), "--roi", "rect:30,40,41,49", "--slice", "2", "--json");
        Assert.True(code == 0, error);
        var echoes = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        using var reference = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("roi/roi_reference.json")));
        var expected = reference.RootElement.GetProperty("vendors").GetProperty("philips").GetProperty("rois").GetProperty("rect:30,40,41,49").EnumerateArray().ToList();
        Assert.Equal(12, echoes.Count);
        for (int e = 0; e < 12; e++)
        {
            foreach (var key in new[] { "echoTimeMs", "mean", "sd", "median", "min", "max", "areaMm2" })
                Assert.Equal(expected[e].GetProperty(key).GetDouble(), echoes[e].GetProperty(key).GetDouble(), 1e-6 * Math.Max(1, Math.Abs(expected[e].GetProperty(key).GetDouble())));
            Assert.Equal(120, echoes[e].GetProperty("pixels").GetInt32());   // 12 × 10: both corners included
        }
    }

    [Fact]
    public void RoiStats_OnADicomFolder_MeasuresEveryEchoInOrder()
    {
        var dir = Directory.CreateTempSubdirectory("ironnb-roicli-").FullName;
        try
        {
            MrImageWriter.WriteClassic(SyntheticSeries.Phantom(), dir);
            var (code, output, error) = CliHarness.Run("roi", "stats", dir, "--roi", "circle:10,12,1", "--json");
            Assert.True(code == 0, error);
            var echoes = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
            Assert.Equal(SyntheticSeries.EchoTimesMs, echoes.Select(e => e.GetProperty("echoTimeMs").GetDouble()));
            // value = 1000 + 10·x + y + echo over the 5 centres of a radius-1 disc at (10, 12): mean = 1112 + echo.
            Assert.Equal([1112.0, 1113, 1114, 1115], echoes.Select(e => e.GetProperty("mean").GetDouble()));
            Assert.All(echoes, e => Assert.Equal(5 * 2.0 * 1.5, e.GetProperty("areaMm2").GetDouble(), 12));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("circle:10,10", "takes 3 values")]
    [InlineData("hexagon:1,2,3", "unknown shape")]
    [InlineData("rect:1,2,x,4", "'x' is not a number")]
    [InlineData("polygon:1,2,3,4", "at least 6")]
    public void RoiStats_BadRoiSpec_ExitsTwoSayingWhatIsWrong(string spec, string message)
    {
        var (code, _, error) = CliHarness.Run("roi", "stats", Path.GetTempPath(), "--roi", spec);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public void RoiStats_RoiOutsideTheImageOrSliceOutOfRange_ExitsTwo()
    {
        var dir = Directory.CreateTempSubdirectory("ironnb-roicli-").FullName;
        try
        {
            MrImageWriter.WriteClassic(SyntheticSeries.Phantom(), dir);
            var outside = CliHarness.Run("roi", "stats", dir, "--roi", "circle:30,30,5");
            Assert.Equal(2, outside.Code);
            Assert.Contains("outside", outside.Err);
            var slice = CliHarness.Run("roi", "stats", dir, "--roi", "circle:10,10,2", "--slice", "3");
            Assert.Equal(2, slice.Code);
            Assert.Contains("--slice 3", slice.Err);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void RoiStatsHelp_SaysTheRectangleFarCornerIsIncluded()
    {
        var (code, output, _) = CliHarness.Run("roi", "stats", "--help");
        Assert.Equal(0, code);
        Assert.Contains("both corners included", output);
        Assert.Contains("NIfTI i", output);
    }

    [CorpusFact]
    public void DicomTreeJson_ListsAcquisitionsWithComponentEchoTimeAndSliceCount()
    {
        var (code, output, _) = CliHarness.Run("dicom", "tree", TestPaths.CorpusFile("ukat/b0map_ge_3d_dicom"), "--json");
        Assert.Equal(0, code);
        var acquisitions = JsonDocument.Parse(output).RootElement.GetProperty("studies")[0].GetProperty("series")[0].GetProperty("acquisitions");
        Assert.Equal(6, acquisitions.GetArrayLength());
        Assert.Equal("magnitude", acquisitions[0].GetProperty("component").GetString());
        Assert.Equal(1.476, acquisitions[0].GetProperty("echoTimeMs").GetDouble());
        Assert.Equal(16, acquisitions[0].GetProperty("sliceCount").GetInt32());
        Assert.False(acquisitions[0].TryGetProperty("frameReferences", out _));
    }
}
