using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Imaging;
using Xunit;

namespace IronNotebooks.Tests.Imaging;

public class MultiEchoSeriesTests
{
    [Fact]
    public void FromCatalog_SyntheticClassicFiles_GivesEchoesInOrderAndPixelsAtTheRightPlace()
    {
        var dir = Directory.CreateTempSubdirectory("ironnb-mes-").FullName;
        try
        {
            MrImageWriter.WriteClassic(SyntheticSeries.Phantom(slices: 2), dir);
            var series = MultiEchoSeries.FromCatalog(Assert.Single(ImageCatalog.Scan(dir).AllSeries));
            Assert.Equal(SyntheticSeries.EchoTimesMs, series.EchoTimesMs);
            Assert.Equal(2, series.Slices.Count);
            Assert.True(series.Slices[1].SliceLocationMm > series.Slices[0].SliceLocationMm);
            var plane = series.Slices[1].Echoes[3];
            Assert.Equal(1000 + 10 * 7 + 5 + 3 + 100, plane[7, 5]);   // x = column 7, y = row 5, echo 4, slice 2
            Assert.Equal((2.0, 1.5), (plane.Geometry.RowSpacingMm, plane.Geometry.ColumnSpacingMm));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void FromCatalog_OneSeriesPerEcho_AreMergedIntoOneMultiEchoSeries()
    {
        var dir = Directory.CreateTempSubdirectory("ironnb-mes-").FullName;
        try
        {
            var full = SyntheticSeries.Phantom();
            for (int e = 0; e < full.Frames.Count; e++)
                MrImageWriter.WriteClassic(full with { Frames = [full.Frames[e]], SeriesNumber = 10 + e, SeriesInstanceUid = IronNotebooks.Dicom.DicomUid.Generate() },
                    Path.Combine(dir, $"echo{e}"));
            var catalog = ImageCatalog.Scan(dir);
            Assert.Equal(4, catalog.AllSeries.Count());
            var merged = MultiEchoSeries.FromCatalog([.. catalog.AllSeries]);
            Assert.Equal(SyntheticSeries.EchoTimesMs, merged.EchoTimesMs);
            Assert.Equal(1003, merged.Slices[0].Echoes[3][0, 0]);

            var twice = Assert.Throws<ImagingException>(() => MultiEchoSeries.FromCatalog([.. catalog.AllSeries, .. catalog.AllSeries]));
            Assert.Contains("more than one magnitude acquisition", twice.Message);
        }
        finally { Directory.Delete(dir, true); }
    }

    [CorpusFact]
    public void FromCatalog_PhilipsClassicAndEnhanced_LoadIdenticalPlanes()
    {
        var classic = MultiEchoSeries.FromCatalog(Assert.Single(ImageCatalog.Scan(TestPaths.CorpusFile("dcm_qa_philips_enh/In/cl")).AllSeries));
        var enhanced = MultiEchoSeries.FromCatalog(Assert.Single(ImageCatalog.Scan(TestPaths.CorpusFile("dcm_qa_philips_enh/In/enh")).AllSeries));
        Assert.Equal([2.3, 4.6], classic.EchoTimesMs);
        Assert.Equal(classic.EchoTimesMs, enhanced.EchoTimesMs);
        Assert.Equal(53, classic.Slices.Count);
        for (int s = 0; s < 53; s += 13)
            for (int e = 0; e < 2; e++)
            {
                Assert.Equal(classic.Slices[s].Echoes[e].Pixels.ToArray(), enhanced.Slices[s].Echoes[e].Pixels.ToArray());
                Assert.True(classic.Slices[s].Geometry.SamePlaneAs(enhanced.Slices[s].Geometry));
            }
    }

    [CorpusTheory]
    [InlineData("siemens", 128, 1)]
    [InlineData("philips", 128, 1)]
    [InlineData("ge", 256, 3)]
    public void FromNiftiFolder_UkatLiverData_SortsTwelveEchoesBySidecarEchoTime(string vendor, int size, int volumes)
    {
        var series = MultiEchoSeries.FromNiftiFolder(TestPaths.CorpusFile($"ukat/r2star/{vendor}"));
        Assert.Equal(12, series.EchoTimesMs.Count);
        Assert.Equal(series.EchoTimesMs.Order(), series.EchoTimesMs);
        Assert.InRange(series.EchoTimesMs[0], 4.6, 4.62);          // README: TE 4.61 … 55.32 ms
        Assert.InRange(series.EchoTimesMs[^1], 55.2, 55.4);
        Assert.Equal(5, series.Slices.Count);
        Assert.Equal((size, size), (series.Slices[0].Geometry.Rows, series.Slices[0].Geometry.Columns));
        Assert.Equal(3.0, series.FieldStrengthT!.Value, 1);
        if (volumes > 1) Assert.Contains(series.Warnings, w => w.Contains("3 volumes"));
    }

    [Fact]
    public void FromNiftiFolder_WithoutSidecar_FailsNamingTheFile()
    {
        var dir = Directory.CreateTempSubdirectory("ironnb-nii-").FullName;
        try
        {
            var path = Path.Combine(dir, "x_e1.nii");
            File.WriteAllBytes(path, NiftiBytes.Int16(2, 2, 1, [1, 2, 3, 4]));
            var e = Assert.Throws<ImagingException>(() => MultiEchoSeries.FromNiftiFolder(dir));
            Assert.Contains("sidecar", e.Message);
            Assert.Contains("x_e1.nii", e.Message);
        }
        finally { Directory.Delete(dir, true); }
    }
}
