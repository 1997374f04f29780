namespace IronNotebooks.Dicom.IO;

/// <summary>How strictly the reader treats data that breaks the standard but can still be read unambiguously.</summary>
public enum DicomValidation
{
    /// <summary>Recover and record a <see cref="DicomDiagnostic"/> (the default).</summary>
    Warn,
    /// <summary>Throw <see cref="DicomFormatException"/> on the first departure from the standard.</summary>
    Strict,
    /// <summary>Recover silently.</summary>
    Lenient,
}
