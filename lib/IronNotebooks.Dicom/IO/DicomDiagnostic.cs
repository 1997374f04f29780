namespace IronNotebooks.Dicom.IO;

/// <summary>Something the reader noticed and recovered from, with where it was.</summary>
/// <param name="Message">What was found and what the reader did about it.</param>
/// <param name="ByteOffset">Offset in the parsed buffer, when known.</param>
/// <param name="Tag">The element concerned, when known.</param>
public sealed record DicomDiagnostic(string Message, long? ByteOffset = null, DicomTag? Tag = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        Message + (ByteOffset is { } o ? $" at offset {o}" : "") + (Tag is { } t ? $" {t}" : "");
}
