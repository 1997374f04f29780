using IronNotebooks.Dicom.Inspection;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.Tests.IO;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Dicom.Tests.Inspection;

public class DicomFolderScanTests
{
    [CorpusFact]
    public void Scan_SiemensFolder_ReadsEveryDicomFileAndSkipsThePdf()
    {
        var scan = DicomFolderScan.Scan(TestPaths.CorpusFile("dcm_qa_me/In"));
        Assert.Equal(72 + 36 + 6, scan.Objects.Count);
        Assert.Contains(scan.Skipped, s => s.Path.EndsWith("protocols.pdf"));
        Assert.Empty(scan.Failures);
        Assert.All(scan.Objects, o => Assert.False(o.Header.Contains(DicomTags.PixelData)));
    }

    [Fact]
    public void Scan_FolderWithAnUnreadableDicomFile_ListsTheFailureAndKeepsTheRest()
    {
        var dir = Directory.CreateTempSubdirectory("ironnb-scan-").FullName;
        try
        {
            MrImageWriter.WriteClassic(SamplePhantomTests.Create(), dir);
            var victim = Path.Combine(dir, "IM00003.dcm");
            var bytes = File.ReadAllBytes(victim);
            File.WriteAllBytes(victim, bytes[..(bytes.Length / 3)]);   // cut inside the dataset
            File.WriteAllText(Path.Combine(dir, "notes.txt"), "not dicom");

            var scan = DicomFolderScan.Scan(dir);
            Assert.Equal(7, scan.Objects.Count);
            var failure = Assert.Single(scan.Failures);
            Assert.Equal(victim, failure.Path);
            Assert.Contains("truncated", failure.Reason);
            Assert.Contains(scan.Skipped, s => s.Path.EndsWith("notes.txt"));
        }
        finally { Directory.Delete(dir, true); }
    }
}
