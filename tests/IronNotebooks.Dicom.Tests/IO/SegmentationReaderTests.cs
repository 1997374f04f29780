using System.Security.Cryptography;
using System.Text.Json;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Dicom.Tests.IO;

/// <summary>
/// Segmentations written by other tools (the corpus's pydicom-data liver SEGs in five transfer syntaxes and Debian's
/// 1-frame one) read into the same segments, frames and masks as the independent decoding in
/// Fixtures/seg_reference.json (made by Fixtures/make_seg_reference.py with Debian's pydicom and numpy).
/// </summary>
public sealed class SegmentationReaderTests
{
    private static readonly JsonElement Reference = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("seg_reference.json"))).RootElement;

    public static TheoryData<string> CorpusSegmentations() =>
        [.. Reference.EnumerateObject().Select(p => p.Name)];

    /// <summary>sha256 of a mask as one byte (0 or 1) per pixel, row by row: the fixture's form.</summary>
    public static string MaskHash(IReadOnlyList<int> indices, int pixels)
    {
        var mask = new byte[pixels];
        foreach (var i in indices) mask[i] = 1;
        return Convert.ToHexStringLower(SHA256.HashData(mask));
    }

    [CorpusTheory]
    [MemberData(nameof(CorpusSegmentations))]
    public void Read_CorpusSegmentation_MatchesTheIndependentDecoding(string name)
    {
        var expected = Reference.GetProperty(name);
        var seg = SegmentationReader.Read(TestPaths.CorpusFile(name));
        Assert.Equal(expected.GetProperty("transferSyntax").GetString(), seg.TransferSyntaxUid);
        Assert.Equal(expected.GetProperty("frameOfReference").GetString(), seg.FrameOfReferenceUid);
        Assert.Equal((expected.GetProperty("rows").GetInt32(), expected.GetProperty("columns").GetInt32()), (seg.Rows, seg.Columns));
        Assert.Equal("BINARY", seg.SegmentationType);
        var segments = expected.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(segments.Count, seg.Segments.Count);
        for (int s = 0; s < segments.Count; s++)
        {
            Assert.Equal(segments[s].GetProperty("number").GetInt32(), seg.Segments[s].Number);
            Assert.Equal(segments[s].GetProperty("label").GetString(), seg.Segments[s].Label);
            Assert.Equal(segments[s].GetProperty("algorithmType").GetString(), seg.Segments[s].AlgorithmType.ToString().ToUpperInvariant());
            Assert.Equal(segments[s].GetProperty("category").GetProperty("value").GetString(), seg.Segments[s].Category.Value);
            Assert.Equal(segments[s].GetProperty("type").GetProperty("value").GetString(), seg.Segments[s].Type.Value);
            Assert.Equal(segments[s].GetProperty("type").GetProperty("scheme").GetString(), seg.Segments[s].Type.Scheme);
        }
        Assert.Equal(expected.GetProperty("referencedSeries").EnumerateArray().Select(e => e.GetString()), seg.ReferencedSeries.Select(r => r.SeriesInstanceUid));
        var frames = expected.GetProperty("frames").EnumerateArray().ToList();
        Assert.Equal(frames.Count, seg.Frames.Count);
        for (int f = 0; f < frames.Count; f++)
        {
            Assert.Equal(frames[f].GetProperty("segment").GetInt32(), seg.Frames[f].SegmentNumber);
            Assert.Equal(frames[f].GetProperty("position").EnumerateArray().Select(e => e.GetDouble()), seg.Frames[f].ImagePositionPatientMm!);
            Assert.Equal(frames[f].GetProperty("sources").EnumerateArray().Select(e => e.GetString()), seg.Frames[f].SourceImages.Select(s => s.SopInstanceUid));
            Assert.Equal(frames[f].GetProperty("pixels").GetInt32(), seg.Frames[f].PixelIndices.Count);
            Assert.Equal(frames[f].GetProperty("sha256").GetString(), MaskHash(seg.Frames[f].PixelIndices, seg.Rows * seg.Columns));
        }
        bool extraItems = expected.GetProperty("perFrameItems").GetInt32() > frames.Count;
        Assert.Equal(extraItems, seg.Warnings.Any(w => w.Contains("describe no frame", StringComparison.Ordinal)));
    }

    [CorpusFact]
    public void Read_AnImageThatIsNotASegmentation_IsRefusedNamingTheSopClass()
    {
        var e = Assert.Throws<DicomFormatException>(() => SegmentationReader.Read(TestPaths.CorpusFile("pydicom-debian-testfiles/MR_small.dcm")));
        Assert.Contains("Not a DICOM Segmentation", e.Message, StringComparison.Ordinal);
        Assert.Contains("1.2.840.10008.5.1.4.1.1.4", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>Segmentation types other than BINARY: FRACTIONAL read at the stated threshold, LABELMAP refused naming the tag.</summary>
public sealed class SegmentationTypeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ironnb-segtype-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static DicomDataset Binary()
    {
        var source = new DicomDataset();
        source.SetString(DicomTags.StudyInstanceUID, DicomVR.UI, "1.2.3");
        source.SetString(DicomTags.FrameOfReferenceUID, DicomVR.UI, "1.2.3.4");
        return SegmentationWriter.Create(new SegmentationContent
        {
            Geometry = new DerivedImageGeometry { Rows = 2, Columns = 3, PixelSpacingMm = [1, 1], SliceThicknessMm = 1, ImageOrientationPatient = [1, 0, 0, 0, 1, 0] },
            Segments = [new SegmentationSegment { Number = 1, Label = "x", Category = new("85756007", "SCT", "Tissue"), Type = new("85756007", "SCT", "Tissue"), AlgorithmType = SegmentAlgorithmType.Manual }],
            Frames = [new SegmentationFrame { SegmentNumber = 1, PixelIndices = [0], ImagePositionPatientMm = [0, 0, 0] }],
            Source = source, SourceSeriesInstanceUid = "1.2.3.5",
        });
    }

    private string Save(DicomDataset ds)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".dcm");
        DicomWriter.Write(path, ds);
        return path;
    }

    [Fact]
    public void Read_Fractional_CountsPixelsAtOrAboveHalfTheMaximumAsInside()
    {
        var ds = Binary();
        ds.SetString(new DicomTag(0x0062, 0x0001), DicomVR.CS, "FRACTIONAL");
        ds.SetString(new DicomTag(0x0062, 0x0010), DicomVR.CS, "PROBABILITY");
        ds.SetNumbers(new DicomTag(0x0062, 0x000E), DicomVR.US, 200);
        ds.SetNumbers(DicomTags.BitsAllocated, DicomVR.US, 8);
        ds.SetNumbers(DicomTags.BitsStored, DicomVR.US, 8);
        ds.SetNumbers(DicomTags.HighBit, DicomVR.US, 7);
        ds.Set(new DicomElement(DicomTags.PixelData, DicomVR.OB, new byte[] { 0, 99, 100, 101, 200, 255 }));
        var seg = SegmentationReader.Read(Save(ds));
        Assert.Equal(SegmentationReader.FractionalThreshold, seg.FractionalThreshold);
        Assert.Equal([2, 3, 4, 5], Assert.Single(seg.Frames).PixelIndices);   // 100 = 0.5 × 200 is inside, 99 is not
    }

    [Fact]
    public void Read_Binary_UnpacksTheWrittenBits()
    {
        var seg = SegmentationReader.Read(Save(Binary()));
        Assert.Null(seg.FractionalThreshold);
        Assert.Equal([0], Assert.Single(seg.Frames).PixelIndices);
    }

    [Fact]
    public void Read_Labelmap_IsRefusedNamingTheSegmentationType()
    {
        var ds = Binary();
        ds.SetString(new DicomTag(0x0062, 0x0001), DicomVR.CS, "LABELMAP");
        var e = Assert.Throws<DicomFormatException>(() => SegmentationReader.Read(Save(ds)));
        Assert.Contains("LABELMAP", e.Message, StringComparison.Ordinal);
        Assert.Contains("(0062,0001)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FrameOfAnUndefinedSegment_IsRefused()
    {
        var ds = Binary();
        var frame = ds.GetSequence(DicomTags.PerFrameFunctionalGroupsSequence)[0];
        frame.GetSequence(SegmentationWriter.SegmentIdentificationSequence)[0].SetNumbers(SegmentationWriter.ReferencedSegmentNumber, DicomVR.US, 7);
        var e = Assert.Throws<DicomFormatException>(() => SegmentationReader.Read(Save(ds)));
        Assert.Contains("segment 7", e.Message, StringComparison.Ordinal);
    }
}
