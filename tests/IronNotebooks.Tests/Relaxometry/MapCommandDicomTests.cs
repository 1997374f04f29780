using System.Globalization;
using IronNotebooks.Cli;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Tests.Relaxometry;

/// <summary>`ironnb map` end to end on the bundled synthetic phantom, whose vials have known R2*.</summary>
public sealed class MapCommandDicomTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ironnb-map-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);


    [Fact]
    public void Map_ToDicom_RecoversThePhantomVialsAndMatchesTheCsv()
    {
        var input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(input);
        File.Copy(Path.Combine(TestPaths.RepositoryRoot, "datasets", "sample", "synthetic_r2star_phantom.dcm"), Path.Combine(input, "phantom.dcm"));
        var dicomOut = Path.Combine(_dir, "map");
        var csvOut = Path.Combine(_dir, "map.csv");

        var dicom = CliHarness.Run("map", input, "--model", "mono", "--mask", "100", "--out", dicomOut);
        var csv = CliHarness.Run("map", input, "--model", "mono", "--mask", "100", "--out", csvOut);
        Assert.True(dicom.Code == 0, dicom.Err);
        Assert.True(csv.Code == 0, csv.Err);

        var pixels = DicomFile.Open(Path.Combine(dicomOut, "IM00001.dcm")).GetPixelData();
        var r2 = pixels.GetRescaledValues(0);
        // Vial centres at (16,16), (48,16), (16,48), (48,48): R2* 30, 100, 300, 600 s⁻¹ (noise SD 10 on S0 2000).
        double[] expected = [30, 100, 300, 600];
        (int X, int Y)[] centres = [(16, 16), (48, 16), (16, 48), (48, 48)];
        for (int v = 0; v < 4; v++)
            Assert.InRange(r2[centres[v].Y * 64 + centres[v].X], expected[v] * 0.8, expected[v] * 1.2);

        // The DICOM map holds the CSV's values in 0.1 s⁻¹ steps.
        foreach (var line in File.ReadLines(csvOut).Skip(1))
        {
            var f = line.Split(',');
            if (f[3].Length == 0) continue;
            int x = int.Parse(f[1], CultureInfo.InvariantCulture), y = int.Parse(f[2], CultureInfo.InvariantCulture);
            Assert.Equal(double.Parse(f[3], CultureInfo.InvariantCulture), r2[y * 64 + x], 0.051);
        }
        Assert.Equal("DERIVED\\SECONDARY\\R2STAR", DicomFile.Open(Path.Combine(dicomOut, "IM00001.dcm")).Dataset.GetString(DicomTags.ImageType));
    }
}
