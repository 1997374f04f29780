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
