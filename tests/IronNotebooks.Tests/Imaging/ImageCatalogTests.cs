using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Imaging;
using Xunit;

namespace IronNotebooks.Tests.Imaging;

public class ImageCatalogTests
{
    private static CatalogSeries Single(string folder) => Assert.Single(Assert.Single(ImageCatalog.Scan(TestPaths.CorpusFile(folder)).Studies).Series);

    [CorpusFact]
    public void Siemens_TwoEchoesInOneSeriesWithReusedInstanceNumbers_AreTwoMagnitudeAcquisitions()
    {
        var catalog = ImageCatalog.Scan(TestPaths.CorpusFile("dcm_qa_me/In"));
        var series = Assert.Single(catalog.Studies).Series;
        var magnitude = series.Single(s => s.SeriesNumber == 2);
        var phase = series.Single(s => s.SeriesNumber == 3);

        // dcm_qa_me README: magnitude TE 5.19 / 7.65 ms (36 files each, instance numbers not unique), phase 36 files.
        Assert.Equal([5.19, 7.65], magnitude.MagnitudeEchoTimesMs);
        Assert.All(magnitude.Acquisitions, a => Assert.Equal((ImageComponent.Magnitude, 36, 36), (a.Component, a.SliceCount, a.Frames)));
        Assert.Contains(magnitude.Warnings, w => w.Contains("instance number"));
        Assert.Equal(ImageComponent.Phase, Assert.Single(phase.Acquisitions).Component);
        Assert.Contains(series.Single(s => s.SeriesNumber == 4).Warnings, w => w.Contains("mosaic"));
        Assert.Equal((400.0, 60.0, 3.0), (magnitude.RepetitionTimeMs!.Value, magnitude.FlipAngleDeg!.Value, magnitude.FieldStrengthT!.Value));
    }

    [CorpusFact]
    public void Ge_MagnitudeRealAndImaginaryFrames_AreToldApartByTheRawDataTypeTag()
    {
        var series = Single("ukat/b0map_ge_3d_dicom");
        // dcm2niix_log.txt: 48 files per echo stacked as 256×256×16×3 (magnitude, real, imaginary).
        Assert.Equal(6, series.Acquisitions.Count);
        Assert.Equal([1.476, 4.476], series.MagnitudeEchoTimesMs);
        Assert.All(series.Acquisitions, a => Assert.Equal(16, a.SliceCount));
        Assert.Equal([ImageComponent.Magnitude, ImageComponent.Real, ImageComponent.Imaginary],
            series.Acquisitions.Where(a => a.EchoTimeMs == 1.476).Select(a => a.Component));
    }

    [CorpusTheory]
    [InlineData("dcm_qa_philips_enh/In/cl", 212)]
    [InlineData("dcm_qa_philips_enh/In/enh", 1)]
    public void Philips_ClassicAndEnhancedExports_GiveTheSameAcquisitions(string folder, int files)
    {
        var series = Single(folder);
        Assert.Equal(files, series.Files);
        Assert.Equal(212, series.Frames);
        Assert.Equal([(2.3, ImageComponent.Magnitude), (2.3, ImageComponent.Phase), (4.6, ImageComponent.Magnitude), (4.6, ImageComponent.Phase)],
            series.Acquisitions.Select(a => (a.EchoTimeMs!.Value, a.Component)));
        Assert.All(series.Acquisitions, a => Assert.Equal((53, 80, 80), (a.SliceCount, a.Rows, a.Columns)));
    }

    [Fact]
    public void FolderWithACorruptFile_RecordsTheFailureAndCataloguesTheRest()
    {
        var dir = Directory.CreateTempSubdirectory("ironnb-catalog-").FullName;
        try
        {
            MrImageWriter.WriteClassic(SyntheticSeries.Phantom(), dir);
            var victim = Path.Combine(dir, "IM00002.dcm");
            var bytes = File.ReadAllBytes(victim);
            File.WriteAllBytes(victim, bytes[..(bytes.Length / 3)]);
            File.WriteAllText(Path.Combine(dir, "notes.txt"), "not dicom");

            var catalog = ImageCatalog.Scan(dir);
            var series = Assert.Single(Assert.Single(catalog.Studies).Series);
            Assert.Equal(SyntheticSeries.EchoTimesMs.Length - 1, series.Files);
            Assert.Equal(victim, Assert.Single(catalog.Failures).Path);
            Assert.Contains("truncated", catalog.Failures[0].Reason);
            Assert.Contains(catalog.Skipped, s => s.Path.EndsWith("notes.txt"));
        }
        finally { Directory.Delete(dir, true); }
    }
}
