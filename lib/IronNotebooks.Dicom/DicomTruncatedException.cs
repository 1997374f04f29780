namespace IronNotebooks.Dicom;

/// <summary>
/// The data ends before a length field says it should. Raised instead of returning zero-filled or partial values.
/// </summary>
public sealed class DicomTruncatedException : DicomFormatException
{
    /// <summary>Creates the exception; <paramref name="expectedBytes"/> and <paramref name="availableBytes"/> say how short the data is.</summary>
    public DicomTruncatedException(string message, long expectedBytes, long availableBytes, string? filePath = null,
        long? byteOffset = null, DicomTag? tag = null)
        : base($"{message}: needs {expectedBytes} bytes but only {availableBytes} remain; the file is truncated or a length field is corrupt",
            filePath, byteOffset, tag)
    {
        ExpectedBytes = expectedBytes;
        AvailableBytes = availableBytes;
    }

    /// <summary>Bytes the length field or pixel description asks for.</summary>
    public long ExpectedBytes { get; }

    /// <summary>Bytes that actually remain.</summary>
    public long AvailableBytes { get; }
}
