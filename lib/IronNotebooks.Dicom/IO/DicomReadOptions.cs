namespace IronNotebooks.Dicom.IO;

/// <summary>Options for reading; change with <c>with</c>.</summary>
public sealed record DicomReadOptions
{
    /// <summary>The default options: warn on recoverable problems, read everything.</summary>
    public static DicomReadOptions Default { get; } = new();

    /// <summary>How to treat recoverable departures from the standard.</summary>
    public DicomValidation Validation { get; init; } = DicomValidation.Warn;

    /// <summary>
    /// When false, parsing stops at the first top-level element at or after Pixel Data (7FE0,0010); headers only,
    /// much faster over large folders. <see cref="DicomFile.GetPixelData"/> is then unavailable.
    /// </summary>
    public bool ReadPixelData { get; init; } = true;

    /// <summary>Largest size, in bytes, that a gzip or deflate stream may inflate to (guards against inflation bombs).</summary>
    public long MaxInflatedBytes { get; init; } = 1L << 30;

    /// <summary>Deepest sequence nesting accepted; deeper data is treated as corrupt.</summary>
    public int MaxSequenceDepth { get; init; } = 64;
}
