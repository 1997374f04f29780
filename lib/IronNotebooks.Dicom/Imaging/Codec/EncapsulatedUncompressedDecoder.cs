namespace IronNotebooks.Dicom.Imaging.Codec;

/// <summary>Encapsulated Uncompressed Explicit VR Little Endian (1.2.840.10008.1.2.1.98): each frame is native pixel data in a fragment.</summary>
public sealed class EncapsulatedUncompressedDecoder : IPixelDecoder
{
    /// <inheritdoc />
    public IReadOnlyList<string> TransferSyntaxUids { get; } = [DicomTransferSyntax.EncapsulatedUncompressed.Uid];

    /// <inheritdoc />
    public void Decode(ReadOnlySpan<byte> compressed, DicomPixelFormat format, Span<byte> destination)
    {
        if (compressed.Length < destination.Length)
            throw new InvalidDataException($"Frame has {compressed.Length} bytes, the image needs {destination.Length}");
        compressed[..destination.Length].CopyTo(destination);
    }
}
