namespace IronNotebooks.Dicom;

/// <summary>A required element is absent, empty or cannot be read as the requested type.</summary>
public sealed class DicomMissingTagException : DicomException
{
    /// <summary>Creates the exception.</summary>
    public DicomMissingTagException(DicomTag tag, string what, string? filePath = null)
        : base(what, filePath, null, tag) { }
}
