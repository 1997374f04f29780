using System.Buffers.Binary;

namespace IronNotebooks.Dicom.Imaging.Codec;

/// <summary>
/// RLE Lossless (PS3.5 Annex G): a 64-byte header of up to 15 segment offsets, then one PackBits segment per byte
/// plane of each sample, most significant byte first.
/// </summary>
public sealed class RleDecoder : IPixelDecoder
{
    /// <inheritdoc />
    public IReadOnlyList<string> TransferSyntaxUids { get; } = [DicomTransferSyntax.RleLossless.Uid];

    /// <inheritdoc />
    public void Decode(ReadOnlySpan<byte> compressed, DicomPixelFormat format, Span<byte> destination)
    {
        if (compressed.Length < 64) throw new InvalidDataException($"RLE header needs 64 bytes, the frame has {compressed.Length}");
        int bytesPerSample = format.BitsAllocated == 1 ? 1 : format.BitsAllocated / 8;
        int expectedSegments = bytesPerSample * format.SamplesPerPixel;
        int segments = (int)BinaryPrimitives.ReadUInt32LittleEndian(compressed);
        if (segments != expectedSegments)
            throw new InvalidDataException($"RLE header declares {segments} segments, the image description needs {expectedSegments} " +
                $"({format.SamplesPerPixel} sample(s) × {bytesPerSample} byte(s)) at offset 0");

        // Pixels per segment: each segment holds one byte plane; 1-bit data is RLE-coded as its packed bytes.
        long planeLength = format.BitsAllocated == 1 ? format.FrameByteLength : (long)format.Rows * format.Columns;
        int stride = expectedSegments;
        for (int s = 0; s < segments; s++)
        {
            uint start = BinaryPrimitives.ReadUInt32LittleEndian(compressed[(4 + 4 * s)..]);
            uint end = s + 1 < segments ? BinaryPrimitives.ReadUInt32LittleEndian(compressed[(8 + 4 * s)..]) : (uint)compressed.Length;
            if (start < 64 || start > end || end > compressed.Length)
                throw new InvalidDataException($"RLE segment {s + 1} spans bytes {start}–{end}, outside the frame's {compressed.Length} bytes (header offset {4 + 4 * s})");
            int sample = s / bytesPerSample;
            int byteInSample = s % bytesPerSample;
            // Segments run most significant byte first; little-endian output puts that byte last.
            int destOffset = sample * bytesPerSample + (bytesPerSample - 1 - byteInSample);
            if (format.BitsAllocated == 1) { destOffset = 0; stride = 1; }
            DecodeSegment(compressed[(int)start..(int)end], (int)start, destination, destOffset, stride, planeLength, s + 1);
        }
    }

    private static void DecodeSegment(ReadOnlySpan<byte> segment, int segmentOffset, Span<byte> destination, int offset,
        int stride, long count, int segmentNumber)
    {
        long written = 0;
        int i = 0;
        int d = offset;
        while (written < count)
        {
            if (i >= segment.Length)
                throw new InvalidDataException($"RLE segment {segmentNumber} ends after {written} of {count} bytes (offset {segmentOffset + i})");
            sbyte n = (sbyte)segment[i++];
            if (n >= 0)
            {
                int run = n + 1;
                if (i + run > segment.Length)
                    throw new InvalidDataException($"RLE segment {segmentNumber}: literal run of {run} bytes passes the end of the segment (offset {segmentOffset + i - 1})");
                if (written + run > count)
                    throw new InvalidDataException($"RLE segment {segmentNumber} decodes to more than the {count} bytes the image needs (offset {segmentOffset + i - 1})");
                for (int k = 0; k < run; k++, d += stride) destination[d] = segment[i + k];
                i += run;
                written += run;
            }
            else if (n != -128)
            {
                int run = 1 - n;
                if (i >= segment.Length)
                    throw new InvalidDataException($"RLE segment {segmentNumber}: replicate run has no byte to repeat (offset {segmentOffset + i - 1})");
                if (written + run > count)
                    throw new InvalidDataException($"RLE segment {segmentNumber} decodes to more than the {count} bytes the image needs (offset {segmentOffset + i - 1})");
                byte b = segment[i++];
                for (int k = 0; k < run; k++, d += stride) destination[d] = b;
                written += run;
            }
        }
    }
}
