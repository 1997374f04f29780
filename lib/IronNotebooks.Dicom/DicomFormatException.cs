namespace IronNotebooks.Dicom;

/// <summary>The bytes are not a well-formed DICOM dataset: bad header, impossible length, bad structure.</summary>
public class DicomFormatException : DicomException
{
    /// <summary>Creates the exception.</summary>
    public DicomFormatException(string message, string? filePath = null, long? byteOffset = null, DicomTag? tag = null,
        Exception? innerException = null)
        : base(message, filePath, byteOffset, tag, innerException) { }
}
