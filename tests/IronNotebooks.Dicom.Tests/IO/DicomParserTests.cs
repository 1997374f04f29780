using System.IO.Compression;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Dicom.Tests.IO;

public class DicomParserTests
{
    private const string ExplicitLE = "1.2.840.10008.1.2.1";
    private const string ImplicitLE = "1.2.840.10008.1.2";
    private const string ExplicitBE = "1.2.840.10008.1.2.2";

    [Fact]
    public void Open_ExplicitLittleEndian_ReadsTextAndBinaryValues()
    {
        var ds = new DatasetBytes().Text(0x0008, 0x0060, "CS", "MR").Text(0x0018, 0x0081, "DS", "4.61\\9.2")
            .Explicit(0x0028, 0x0010, "US", [0x00, 0x01]).ToArray();
        var file = DicomFile.Open(DatasetBytes.Part10(ExplicitLE, ds), "t.dcm");

        Assert.True(file.HasPreamble);
        Assert.Equal(ExplicitLE, file.TransferSyntax.Uid);
        Assert.Equal("MR", file.Dataset.GetString(DicomTags.Modality));
        Assert.Equal([4.61, 9.2], file.Dataset.GetDoubles(DicomTags.EchoTime));
        Assert.Equal(256, file.Dataset.GetInt(DicomTags.Rows));
    }

    [Fact]
    public void Open_ExplicitBigEndian_SwapsBinaryValues()
    {
        var ds = new DatasetBytes(bigEndian: true).Explicit(0x0028, 0x0010, "US", [0x01, 0x00]).ToArray();
        var file = DicomFile.Open(DatasetBytes.Part10(ExplicitBE, ds));
        Assert.Equal(256, file.Dataset.GetInt(DicomTags.Rows));
    }

    [Fact]
    public void Open_ImplicitVR_TakesVRFromDictionaryAndKeepsUnknownTagsAsRawBytes()
    {
        var ds = new DatasetBytes().Implicit(0x0018, 0x0081, DatasetBytes.Ascii("12"))
            .Implicit(0x0019, 0x0010, DatasetBytes.Ascii("ACME 1  "))
            .Implicit(0x0019, 0x1001, [1, 2, 3, 4]).ToArray();
        var file = DicomFile.Open(DatasetBytes.Part10(ImplicitLE, ds));

        Assert.Equal(12.0, file.Dataset.GetDouble(DicomTags.EchoTime));
        var priv = file.Dataset.Find(new DicomTag(0x0019, 0x1001))!;
        Assert.Equal(DicomVR.UN, priv.VR);
        Assert.Equal([1, 2, 3, 4], priv.RawValue.ToArray());
        Assert.Equal("ACME 1", file.Dataset.PrivateCreatorOf(priv.Tag));
    }

    [Fact]
    public void Open_SequencesOfDefinedAndUndefinedLength_AreReadAsItems()
    {
        // (0018,9114) SQ undefined length: item 1 undefined length, item 2 defined length; each holds one FD.
        var fd = BitConverter.GetBytes(2.3);
        var inner = new DatasetBytes().Explicit(0x0018, 0x9082, "FD", fd).ToArray();
        var ds = new DatasetBytes().ExplicitLong(0x0018, 0x9114, "SQ", 0xFFFFFFFF)
            .Item(0xFFFFFFFF).Raw(inner).ItemEnd()
            .Item((uint)inner.Length).Raw(inner)
            .SequenceEnd()
            .Text(0x0020, 0x000E, "UI", "1.2.3").ToArray();
        var file = DicomFile.Open(DatasetBytes.Part10(ExplicitLE, ds));

        var items = file.Dataset.GetSequence(DicomTags.MREchoSequence);
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal(2.3, i.GetDouble(DicomTags.EffectiveEchoTime)));
        Assert.Equal("1.2.3", file.Dataset.GetString(DicomTags.SeriesInstanceUID));
    }

    [Fact]
    public void Open_UnknownVRWithUndefinedLength_IsReadAsImplicitSequence()
    {
        var inner = new DatasetBytes().Implicit(0x0018, 0x0081, DatasetBytes.Ascii("30")).ToArray();
        var ds = new DatasetBytes().ExplicitLong(0x0029, 0x1010, "UN", 0xFFFFFFFF).Item((uint)inner.Length).Raw(inner).SequenceEnd().ToArray();
        var file = DicomFile.Open(DatasetBytes.Part10(ExplicitLE, ds));
        var item = Assert.Single(file.Dataset.Find(new DicomTag(0x0029, 0x1010))!.Items!);
        Assert.Equal(30.0, item.GetDouble(DicomTags.EchoTime));
    }

    [Fact]
    public void Open_ValueLengthBeyondTheEnd_ThrowsTruncatedNamingTagAndOffsetWithoutAllocating()
    {
        var ds = new DatasetBytes().Text(0x0008, 0x0060, "CS", "MR").ExplicitLong(0x7FE0, 0x0010, "OW", 0x7FFFFFF0).Raw(0, 0, 0, 0).ToArray();
        var bytes = DatasetBytes.Part10(ExplicitLE, ds);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<DicomTruncatedException>(() => DicomFile.Open(bytes, "cut.dcm"));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(DicomTags.PixelData, e.Tag);
        Assert.Equal(bytes.Length - ds.Length + 10, e.ByteOffset);
        Assert.Equal(0x7FFFFFF0, e.ExpectedBytes);
        Assert.Equal(4, e.AvailableBytes);
        Assert.Contains("cut.dcm", e.Message);
        Assert.Contains("(7FE0,0010)", e.Message);
        Assert.True(allocated < 1_000_000, $"parsing a corrupt length allocated {allocated} bytes");
    }

    [Fact]
    public void Open_SequenceWithoutDelimiter_ThrowsTruncated()
    {
        var ds = new DatasetBytes().ExplicitLong(0x0018, 0x9114, "SQ", 0xFFFFFFFF).Item(0xFFFFFFFF)
            .Explicit(0x0018, 0x9082, "FD", BitConverter.GetBytes(1.0)).ToArray();
        Assert.Throws<DicomTruncatedException>(() => DicomFile.Open(DatasetBytes.Part10(ExplicitLE, ds)));
    }

    [Fact]
    public void Open_SequencesNestedDeeperThanTheLimit_ThrowFormatError()
    {
        var b = new DatasetBytes();
        for (int i = 0; i < 80; i++) b.ExplicitLong(0x0018, 0x9114, "SQ", 0xFFFFFFFF).Item(0xFFFFFFFF);
        var e = Assert.Throws<DicomFormatException>(() => DicomFile.Open(DatasetBytes.Part10(ExplicitLE, b.ToArray())));
        Assert.Contains("nested deeper", e.Message);
    }

    [Fact]
    public void Open_OddLength_WarnsByDefaultAndThrowsWhenStrict()
    {
        var ds = new DatasetBytes().Explicit(0x0008, 0x0060, "CS", DatasetBytes.Ascii("MRI")).ToArray();
        var bytes = DatasetBytes.Part10(ExplicitLE, ds);

        var file = DicomFile.Open(bytes);
        Assert.Equal("MRI", file.Dataset.GetString(DicomTags.Modality));
        Assert.Contains(file.Diagnostics, d => d.Message.Contains("Odd value length"));
        Assert.Throws<DicomFormatException>(() => DicomFile.Open(bytes, null, new DicomReadOptions { Validation = DicomValidation.Strict }));
        Assert.Empty(DicomFile.Open(bytes, null, new DicomReadOptions { Validation = DicomValidation.Lenient }).Diagnostics);
    }

    [Fact]
    public void Open_ImplicitElementInsideExplicitDataset_IsRecoveredWithADiagnostic()
    {
        var ds = new DatasetBytes().Implicit(0x0018, 0x0081, DatasetBytes.Ascii("12")).Text(0x0020, 0x000E, "UI", "1.2").ToArray();
        var file = DicomFile.Open(DatasetBytes.Part10(ExplicitLE, ds));
        Assert.Equal(12.0, file.Dataset.GetDouble(DicomTags.EchoTime));
        Assert.Equal("1.2", file.Dataset.GetString(DicomTags.SeriesInstanceUID));
        Assert.Contains(file.Diagnostics, d => d.Message.Contains("Invalid VR"));
    }

    [Fact]
    public void Open_BareDatasetsWithoutPreamble_InferByteOrderAndVR()
    {
        var explicitBE = new DatasetBytes(bigEndian: true).Text(0x0008, 0x0060, "CS", "MR").Explicit(0x0028, 0x0010, "US", [0, 64]).ToArray();
        var implicitLE = new DatasetBytes().Implicit(0x0008, 0x0060, DatasetBytes.Ascii("MR")).Implicit(0x0028, 0x0010, [64, 0]).ToArray();

        var be = DicomFile.Open(explicitBE);
        var il = DicomFile.Open(implicitLE);

        Assert.False(be.HasPreamble);
        Assert.Equal(ExplicitBE, be.TransferSyntax.Uid);
        Assert.Equal(64, be.Dataset.GetInt(DicomTags.Rows));
        Assert.Equal(ImplicitLE, il.TransferSyntax.Uid);
        Assert.Equal(64, il.Dataset.GetInt(DicomTags.Rows));
    }

    [Fact]
    public void Open_GzippedFile_IsDecompressedTransparently()
    {
        var plain = DatasetBytes.Part10(ExplicitLE, new DatasetBytes().Text(0x0008, 0x0060, "CS", "MR").ToArray());
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(plain);
        Assert.Equal("MR", DicomFile.Open(ms.ToArray()).Dataset.GetString(DicomTags.Modality));
    }

    [Fact]
    public void Open_DeflatedTransferSyntax_InflatesTheDataset()
    {
        var dataset = new DatasetBytes().Text(0x0008, 0x0060, "CS", "MR").Text(0x0020, 0x000E, "UI", "1.2.3.4").ToArray();
        using var ms = new MemoryStream();
        using (var d = new DeflateStream(ms, CompressionLevel.Optimal, leaveOpen: true)) d.Write(dataset);
        var file = DicomFile.Open(DatasetBytes.Part10("1.2.840.10008.1.2.1.99", ms.ToArray()));
        Assert.Equal("1.2.3.4", file.Dataset.GetString(DicomTags.SeriesInstanceUID));
    }

    [Fact]
    public void Open_CorruptGzipStream_ThrowsFormatErrorNamingTheFile()
    {
        var bytes = new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF };
        var e = Assert.Throws<DicomFormatException>(() => DicomFile.Open(bytes, "bad.dcm.gz"));
        Assert.Contains("bad.dcm.gz", e.Message);
    }

    [Fact]
    public void Open_ReadPixelDataFalse_StopsBeforePixelData()
    {
        var ds = new DatasetBytes().Text(0x0008, 0x0060, "CS", "MR").ExplicitLong(0x7FE0, 0x0010, "OW", 4).Raw(1, 2, 3, 4).ToArray();
        var file = DicomFile.Open(DatasetBytes.Part10(ExplicitLE, ds), null, new DicomReadOptions { ReadPixelData = false });
        Assert.Equal("MR", file.Dataset.GetString(DicomTags.Modality));
        Assert.Throws<InvalidOperationException>(file.GetPixelData);
    }

    [Fact]
    public void GetString_MissingTag_ThrowsNamingTagAndFile()
    {
        var file = DicomFile.Open(DatasetBytes.Part10(ExplicitLE, new DatasetBytes().Text(0x0008, 0x0060, "CS", "MR").ToArray()), "x.dcm");
        var e = Assert.Throws<DicomMissingTagException>(() => file.Dataset.GetString(DicomTags.SeriesInstanceUID));
        Assert.Contains("(0020,000E) SeriesInstanceUID", e.Message);
        Assert.Contains("x.dcm", e.Message);
        Assert.Null(file.Dataset.GetStringOrDefault(DicomTags.SeriesInstanceUID));
        Assert.False(file.Dataset.TryGetDouble(DicomTags.EchoTime, out _));
    }
}
