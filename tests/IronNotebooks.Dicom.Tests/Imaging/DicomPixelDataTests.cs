using System.Buffers.Binary;
using IronNotebooks.Dicom.Imaging;
using Xunit;

namespace IronNotebooks.Dicom.Tests.Imaging;

public class DicomPixelDataTests
{
    private static DicomDataset Image(int rows, int columns, int bitsAllocated, int bitsStored, int highBit, int representation,
        byte[] pixelBytes, int frames = 1, int samples = 1, int planar = 0)
    {
        var ds = new DicomDataset();
        ds.SetNumbers(DicomTags.Rows, DicomVR.US, rows);
        ds.SetNumbers(DicomTags.Columns, DicomVR.US, columns);
        ds.SetNumbers(DicomTags.BitsAllocated, DicomVR.US, bitsAllocated);
        ds.SetNumbers(DicomTags.BitsStored, DicomVR.US, bitsStored);
        ds.SetNumbers(DicomTags.HighBit, DicomVR.US, highBit);
        ds.SetNumbers(DicomTags.PixelRepresentation, DicomVR.US, representation);
        ds.SetNumbers(DicomTags.SamplesPerPixel, DicomVR.US, samples);
        if (samples > 1) ds.SetNumbers(DicomTags.PlanarConfiguration, DicomVR.US, planar);
        ds.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, samples == 1 ? "MONOCHROME2" : "RGB");
        if (frames > 1) ds.SetIntegerString(DicomTags.NumberOfFrames, frames);
        ds.Set(new DicomElement(DicomTags.PixelData, bitsAllocated > 8 ? DicomVR.OW : DicomVR.OB, pixelBytes));
        return ds;
    }

    private static byte[] Words(params int[] values)
    {
        var b = new byte[2 * values.Length];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2 * i), (ushort)values[i]);
        return b;
    }

    [Fact]
    public void StoredValues_MaskBitsAboveBitsStored()
    {
        // 12 bits stored in 16: overlay or garbage bits above bit 11 must not leak into values.
        var ds = Image(1, 3, 16, 12, 11, 0, Words(0xF123, 0x0FFF, 0x1000));
        Assert.Equal([0x123, 0xFFF, 0], DicomPixelData.Create(ds, DicomTransferSyntax.ExplicitVRLittleEndian).GetStoredValues(0));
    }

    [Fact]
    public void StoredValues_SignExtendTwosComplementAtBitsStored()
    {
        var ds = Image(1, 4, 16, 12, 11, 1, Words(0x0800, 0x0FFF, 0x07FF, 0xF001));
        Assert.Equal([-2048, -1, 2047, 1], DicomPixelData.Create(ds, DicomTransferSyntax.ExplicitVRLittleEndian).GetStoredValues(0));
    }

    [Fact]
    public void StoredValues_HonourAHighBitAboveBitsStoredMinusOne()
    {
        // 8 bits stored at bits 12..5 (HighBit 12): value = (raw >> 5) & 0xFF.
        var ds = Image(1, 2, 16, 8, 12, 0, Words(0xFF << 5, 0x1F));
        Assert.Equal([255, 0], DicomPixelData.Create(ds, DicomTransferSyntax.ExplicitVRLittleEndian).GetStoredValues(0));
    }

    [Fact]
    public void StoredValues_EightBitSigned()
    {
        var ds = Image(1, 3, 8, 8, 7, 1, [0x80, 0xFF, 0x7F, 0]);
        Assert.Equal([-128, -1, 127], DicomPixelData.Create(ds, DicomTransferSyntax.ExplicitVRLittleEndian).GetStoredValues(0));
    }

    [Fact]
    public void OneBitFrames_ThatStartInsideAByte_AreUnpackedCorrectly()
    {
        // Two frames of 3×3 bits packed back to back: frame 2 starts at bit 9 of the stream (LSB first).
        var bits = new[] { 1, 0, 1, 0, 0, 0, 0, 0, 1, /* frame 2 */ 1, 1, 0, 0, 0, 0, 0, 0, 1 };
        var packed = new byte[4];
        for (int i = 0; i < bits.Length; i++) if (bits[i] == 1) packed[i >> 3] |= (byte)(1 << (i & 7));
        var pixels = DicomPixelData.Create(Image(3, 3, 1, 1, 0, 0, packed, frames: 2), DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal(bits[..9].Select(b => (double)b), pixels.GetStoredValues(0));
        Assert.Equal(bits[9..].Select(b => (double)b), pixels.GetStoredValues(1));
    }

    [Fact]
    public void PlanarColour_IsReturnedColourByPixel()
    {
        // 1×2 RGB, planar: R R G G B B.
        var pixels = DicomPixelData.Create(Image(1, 2, 8, 8, 7, 0, [10, 11, 20, 21, 30, 31], samples: 3, planar: 1), DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal([10, 20, 30, 11, 21, 31], pixels.GetStoredValues(0));
    }

    [Fact]
    public void NativePixelDataShorterThanDescribed_IsATruncationError()
    {
        var e = Assert.Throws<DicomTruncatedException>(() =>
            DicomPixelData.Create(Image(2, 2, 16, 16, 15, 0, Words(1, 2, 3, 4, 5, 6), frames: 2), DicomTransferSyntax.ExplicitVRLittleEndian));
        Assert.Equal(16, e.ExpectedBytes);
        Assert.Equal(12, e.AvailableBytes);
    }

    [Theory]
    [InlineData(0x0101, 12)]  // Bits Stored above Bits Allocated
    [InlineData(0x0100, 12)]  // Bits Allocated 12
    [InlineData(0x0102, 15)]  // High Bit at Bits Allocated
    public void InconsistentDescriptions_AreRejectedNamingTheTag(int element, int value)
    {
        var ds = Image(1, 1, 8, 8, 7, 0, [0, 0]);
        ds.SetNumbers(new DicomTag(0x0028, (ushort)element), DicomVR.US, value);
        var e = Assert.Throws<DicomFormatException>(() => DicomPixelData.Create(ds, DicomTransferSyntax.ExplicitVRLittleEndian));
        Assert.Equal(new DicomTag(0x0028, (ushort)element), e.Tag);
    }

    [Fact]
    public void EnhancedFrames_TakeRescaleFromPerFrameGroupsBeforeShared()
    {
        var ds = Image(1, 1, 16, 16, 15, 0, Words(100, 100), frames: 2);
        DicomDataset Transform(double slope)
        {
            var t = new DicomDataset();
            t.SetDecimalString(DicomTags.RescaleSlope, slope);
            t.SetDecimalString(DicomTags.RescaleIntercept, 1);
            var group = new DicomDataset();
            group.SetSequence(DicomTags.PixelValueTransformationSequence, t);
            return group;
        }
        ds.SetSequence(DicomTags.SharedFunctionalGroupsSequence, Transform(2));
        ds.SetSequence(DicomTags.PerFrameFunctionalGroupsSequence, new DicomDataset(), Transform(3));
        var pixels = DicomPixelData.Create(ds, DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal([201], pixels.GetRescaledValues(0));
        Assert.Equal([301], pixels.GetRescaledValues(1));
    }

    [Fact]
    public void RleFrames_DecodeByteSegmentsMostSignificantFirst()
    {
        // Two 16-bit pixels 0x0102, 0x0304 → segment 1 (high bytes) [01 03], segment 2 (low bytes) [02 04],
        // each PackBits literal runs (header byte 1 = two literal bytes).
        var frame = new byte[64 + 6];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, 2);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), 64);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), 67);
        frame[64] = 1; frame[65] = 1; frame[66] = 3; frame[67] = 1; frame[68] = 2; frame[69] = 4;
        var ds = Image(1, 2, 16, 16, 15, 0, []);
        ds.Set(new DicomElement(DicomTags.PixelData, DicomVR.OB, new DicomFragments([], [new DicomFragment(frame, 0)])));
        Assert.Equal([0x0102, 0x0304], DicomPixelData.Create(ds, DicomTransferSyntax.RleLossless).GetStoredValues(0));

        frame[64] = 5;   // a literal run longer than the segment
        var e = Assert.Throws<DicomCodecException>(() => DicomPixelData.Create(ds, DicomTransferSyntax.RleLossless).GetStoredValues(0));
        Assert.Equal(0, e.FrameIndex);
        Assert.Contains("RLE segment 1", e.Message);
    }

    [Fact]
    public void EncapsulatedFrames_AreLocatedThroughTheBasicOffsetTable()
    {
        // Two frames of encapsulated uncompressed data, frame 1 split over two fragments.
        var a = new DicomFragment(Words(1), 0);
        var b = new DicomFragment(Words(2), 0);
        var c = new DicomFragment(Words(7, 8), 0);
        var ds = Image(1, 2, 16, 16, 15, 0, [], frames: 2);
        ds.Set(new DicomElement(DicomTags.PixelData, DicomVR.OB, new DicomFragments([0, 20], [a, b, c])));
        var pixels = DicomPixelData.Create(ds, DicomTransferSyntax.EncapsulatedUncompressed);
        Assert.Equal([1, 2], pixels.GetStoredValues(0));
        Assert.Equal([7, 8], pixels.GetStoredValues(1));
    }

    [Fact]
    public void MoreFramesThanFragments_IsRejectedBeforeAnyAllocation()
    {
        var ds = Image(512, 512, 16, 16, 15, 0, []);
        ds.SetIntegerString(DicomTags.NumberOfFrames, int.MaxValue);
        ds.Set(new DicomElement(DicomTags.PixelData, DicomVR.OB, new DicomFragments([], [new DicomFragment(new byte[8], 0)])));
        Assert.Throws<DicomFormatException>(() => DicomPixelData.Create(ds, DicomTransferSyntax.RleLossless));
    }
}
