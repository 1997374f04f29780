using System.IO.Compression;

namespace IronNotebooks.Dicom.Imaging.Codec;

/// <summary>Deflated Image Frame Compression (1.2.840.10008.1.2.8.1): each frame is a raw deflate stream (RFC 1951) of the native frame.</summary>
public sealed class DeflatedFrameDecoder : IPixelDecoder
{
    /// <inheritdoc />
    public IReadOnlyList<string> TransferSyntaxUids { get; } = [DicomTransferSyntax.DeflatedImageFrameCompression.Uid];

    /// <inheritdoc />
    public void Decode(ReadOnlySpan<byte> compressed, DicomPixelFormat format, Span<byte> destination)
    {
        using var input = new MemoryStream(compressed.ToArray(), writable: false);
        using var inflater = new DeflateStream(input, CompressionMode.Decompress);
        int total = 0;
        try
        {
            while (total < destination.Length)
            {
                int n = inflater.Read(destination[total..]);
                if (n == 0) break;
                total += n;
            }
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Deflated frame is corrupt after {total} inflated bytes: {e.Message}", e);
        }
        if (total < destination.Length)
            throw new InvalidDataException($"Deflated frame inflates to {total} bytes, the image needs {destination.Length}");
    }
}
