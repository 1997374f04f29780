namespace IronNotebooks.Dicom;

/// <summary>Compressed pixel data is corrupt or inconsistent with the image description.</summary>
public sealed class DicomCodecException : DicomException
{
    /// <summary>Creates the exception; <paramref name="frameIndex"/> is zero-based.</summary>
    public DicomCodecException(string message, string? transferSyntaxUid = null, int? frameIndex = null,
        string? filePath = null, long? byteOffset = null, Exception? innerException = null)
        : base(frameIndex is { } f ? $"{message} (frame {f}{(transferSyntaxUid is null ? "" : $", transfer syntax {transferSyntaxUid}")})" : message,
            filePath, byteOffset, DicomTags.PixelData, innerException)
    {
        TransferSyntaxUid = transferSyntaxUid;
        FrameIndex = frameIndex;
    }

    /// <summary>Transfer syntax of the pixel data, when known.</summary>
    public string? TransferSyntaxUid { get; }

    /// <summary>Zero-based frame that failed, when known.</summary>
    public int? FrameIndex { get; }
}
