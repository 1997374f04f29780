namespace IronNotebooks.Dicom.Imaging.Codec;

/// <summary>
/// Decodes one frame of encapsulated pixel data for one or more transfer syntaxes. One implementation per
/// compression family, registered in <see cref="PixelDecoderRegistry"/> by transfer syntax UID.
/// </summary>
public interface IPixelDecoder
{
    /// <summary>Transfer syntax UIDs this decoder handles.</summary>
    IReadOnlyList<string> TransferSyntaxUids { get; }

    /// <summary>
    /// Decodes the compressed bytes of one frame into <paramref name="destination"/>, which is exactly
    /// <see cref="DicomPixelFormat.FrameByteLength"/> long, in native little-endian layout with samples interleaved
    /// (colour-by-pixel) whatever the file's Planar Configuration: 1 byte per sample for BitsAllocated 8, 2 for 16,
    /// 4 for 32; packed bits for BitsAllocated 1. Colour is returned in the components the bit stream holds (no
    /// YCbCr→RGB conversion).
    /// </summary>
    /// <exception cref="InvalidDataException">The bit stream is corrupt, truncated or inconsistent with
    /// <paramref name="format"/>; the message says what and where (byte offset within the frame).</exception>
    /// <exception cref="NotSupportedException">A valid stream uses a feature this decoder does not implement
    /// (e.g. arithmetic coding, hierarchical JPEG); the message names it.</exception>
    void Decode(ReadOnlySpan<byte> compressed, DicomPixelFormat format, Span<byte> destination);
}
