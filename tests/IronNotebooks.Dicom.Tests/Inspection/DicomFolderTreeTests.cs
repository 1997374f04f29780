using IronNotebooks.Dicom.Inspection;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Dicom.Tests.Inspection;

public class DicomFolderTreeTests
{
    [CorpusFact]
    public void SiemensMultiEchoFolder_GroupsEchoesAndWarnsAboutReusedInstanceNumbers()
    {
        var tree = DicomFolderTree.Scan(TestPaths.CorpusFile("dcm_qa_me/In"));
        var series = Assert.Single(tree.Studies).Series;
        var magnitude = series.Single(s => s.SeriesNumber == 2);

        // dcm_qa_me README: magnitude TE 5.19 / 7.65 ms, 36 slices each, instance numbers not unique.
        Assert.Equal([5.19, 7.65], magnitude.Acquisitions.Select(a => a.EchoTimeMs!.Value));
        Assert.All(magnitude.Acquisitions, a => Assert.Equal(36, a.SliceCount));
        Assert.Contains(magnitude.Warnings, w => w.Contains("instance number"));
        Assert.Contains(tree.Skipped, s => s.Path.EndsWith("protocols.pdf"));
        Assert.Empty(tree.Failures);
    }

    [CorpusFact]
    public void GeFolder_SplitsTheTwoEchoesOfTheB0Map()
    {
        var tree = DicomFolderTree.Scan(TestPaths.CorpusFile("ukat/b0map_ge_3d_dicom"));
        var series = Assert.Single(Assert.Single(tree.Studies).Series);
        Assert.Equal("GE MEDICAL SYSTEMS", series.Manufacturer);
        Assert.Equal(96, series.Files);
        Assert.Equal([1.476, 4.476], series.Acquisitions.Select(a => a.EchoTimeMs!.Value));
        Assert.All(series.Acquisitions, a => Assert.Equal(48, a.Frames));
    }

    [Fact]
    public void FolderWithAnUnreadableDicomFile_ListsTheFailureAndKeepsTheRest()
    {
        var dir = Directory.CreateTempSubdirectory("ironnb-tree-").FullName;
        try
        {
            IronNotebooks.Dicom.IO.MrImageWriter.WriteClassic(IO.SamplePhantomTests.Create(), dir);
            var victim = Path.Combine(dir, "IM00003.dcm");
            var bytes = File.ReadAllBytes(victim);
            File.WriteAllBytes(victim, bytes[..(bytes.Length / 3)]);   // cut inside the dataset
            File.WriteAllText(Path.Combine(dir, "notes.txt"), "not dicom");

            var tree = DicomFolderTree.Scan(dir);
            var series = Assert.Single(Assert.Single(tree.Studies).Series);
            Assert.Equal(7, series.Files);
            var failure = Assert.Single(tree.Failures);
            Assert.Equal(victim, failure.Path);
            Assert.Contains("truncated", failure.Reason);
            Assert.Contains(tree.Skipped, s => s.Path.EndsWith("notes.txt"));
        }
        finally { Directory.Delete(dir, true); }
    }
}
