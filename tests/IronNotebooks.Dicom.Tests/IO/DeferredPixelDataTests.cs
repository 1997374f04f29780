using IronNotebooks.Dicom.IO;
using Xunit;

namespace IronNotebooks.Dicom.Tests.IO;

/// <summary>Files opened from disk keep native pixel data in the file until a frame is read.</summary>
public sealed class DeferredPixelDataTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ironnb-deferred-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteLargeFile(Action<DicomDataset>? change = null)
    {
        // 8 frames of 64×64×16 bits: 64 KiB of pixels, so the file is larger than the head read first.
        var ds = MrImageWriter.CreateEnhancedDataset(SamplePhantomTests.Create());
        change?.Invoke(ds);
        var path = Path.Combine(_dir, $"{Guid.NewGuid():N}.dcm");
        DicomWriter.Write(path, ds);
        return path;
    }

    [Fact]
    public void OpenFromPath_LeavesPixelsInTheFileAndReadsTheSameValuesAsInMemory()
    {
        var path = WriteLargeFile();
        var fromPath = DicomFile.Open(path);
        var inMemory = DicomFile.Open(File.ReadAllBytes(path), path);

        Assert.NotNull(fromPath.Dataset.Find(DicomTags.PixelData)!.Deferred);
        Assert.Null(inMemory.Dataset.Find(DicomTags.PixelData)!.Deferred);
        var a = fromPath.GetPixelData();
        var b = inMemory.GetPixelData();
        for (int i = 0; i < a.NumberOfFrames; i++)
        {
            Assert.Equal(b.GetStoredValues(i), a.GetStoredValues(i));
            Assert.Equal(b.GetFrameBytes(i), a.GetFrameBytes(i));
        }
        Assert.Equal(inMemory.Dataset.Select(e => e.Tag), fromPath.Dataset.Select(e => e.Tag));
    }

    [Fact]
    public void ElementsAfterThePixelData_AreKept()
    {
        var padding = new DicomTag(0xFFFC, 0xFFFC);
        var path = WriteLargeFile(ds => ds.Set(new DicomElement(padding, DicomVR.OB, new byte[6])));
        var file = DicomFile.Open(path);
        Assert.Equal(6, file.Dataset.Find(padding)!.Length);
    }

    [Fact]
    public void TruncatedLargeFile_IsReportedWhenOpenedEvenWithoutReadingPixels()
    {
        var path = WriteLargeFile();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^100]);
        var full = Assert.Throws<DicomTruncatedException>(() => DicomFile.Open(path));
        var headers = Assert.Throws<DicomTruncatedException>(() => DicomFile.Open(path, new DicomReadOptions { ReadPixelData = false }));
        Assert.Equal(DicomTags.PixelData, full.Tag);
        Assert.Equal(full.ByteOffset, headers.ByteOffset);
        Assert.Equal(100, full.ExpectedBytes - full.AvailableBytes);
    }

    [Fact]
    public void FileChangedAfterOpening_IsAnErrorNotStalePixels()
    {
        var path = WriteLargeFile();
        var pixels = DicomFile.Open(path).GetPixelData();
        File.AppendAllText(path, "changed");
        Assert.Contains("changed on disk", Assert.Throws<DicomFormatException>(() => pixels.GetStoredValues(0)).Message);
    }

    [Fact]
    public void SavingOntoTheSourceFile_KeepsItsPixels()
    {
        var path = WriteLargeFile();
        var before = DicomFile.Open(path).GetPixelData().GetStoredValues(7);
        DicomFile.Open(path).Save(path);
        Assert.Equal(before, DicomFile.Open(path).GetPixelData().GetStoredValues(7));
    }
}
