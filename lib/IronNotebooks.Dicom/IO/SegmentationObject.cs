namespace IronNotebooks.Dicom.IO;

/// <summary>One frame of a Segmentation as read: which segment, where, from which source images, and its pixels.</summary>
public sealed record SegmentationFrameRead
{
    /// <summary>Zero-based frame number in the object.</summary>
    public required int FrameIndex { get; init; }

    /// <summary>Referenced Segment Number of the frame's Segment Identification.</summary>
    public required int SegmentNumber { get; init; }

    /// <summary>Pixel indices y × Columns + x inside the segment (for FRACTIONAL, at or above the threshold), ascending.</summary>
    public required IReadOnlyList<int> PixelIndices { get; init; }

    /// <summary>Image Position (Patient) of the first pixel centre, mm; null when the object gives none.</summary>
    public IReadOnlyList<double>? ImagePositionPatientMm { get; init; }

    /// <summary>Image Orientation (Patient), per-frame or shared; null when absent.</summary>
    public IReadOnlyList<double>? ImageOrientationPatient { get; init; }

    /// <summary>Pixel Spacing (row, column), mm; null when absent.</summary>
    public IReadOnlyList<double>? PixelSpacingMm { get; init; }

    /// <summary>Slice Thickness, mm; null when absent.</summary>
    public double? SliceThicknessMm { get; init; }

    /// <summary>Source images of the frame's Derivation Image Sequence.</summary>
    public IReadOnlyList<DicomSourceImage> SourceImages { get; init; } = [];
}

/// <summary>The instances of one series a Segmentation references (Referenced Series Sequence, Common Instance Reference).</summary>
/// <param name="SeriesInstanceUid">Series Instance UID.</param>
/// <param name="Instances">Its referenced instances.</param>
public sealed record SegmentationSeriesReference(string SeriesInstanceUid, IReadOnlyList<DicomSourceImage> Instances);

/// <summary>A DICOM Segmentation read from a file: segments, frames with their masks, geometry and references.</summary>
public sealed record SegmentationObject
{
    /// <summary>The file read.</summary>
    public required string FilePath { get; init; }

    /// <summary>SOP Instance UID of the segmentation.</summary>
    public required string SopInstanceUid { get; init; }

    /// <summary>Its Series Instance UID.</summary>
    public required string SeriesInstanceUid { get; init; }

    /// <summary>Study Instance UID.</summary>
    public required string StudyInstanceUid { get; init; }

    /// <summary>Frame of Reference UID, or null when absent.</summary>
    public string? FrameOfReferenceUid { get; init; }

    /// <summary>Segmentation Type (0062,0001): BINARY or FRACTIONAL.</summary>
    public required string SegmentationType { get; init; }

    /// <summary>For FRACTIONAL: the fraction (of Maximum Fractional Value) at or above which a pixel counts as inside; null for BINARY.</summary>
    public double? FractionalThreshold { get; init; }

    /// <summary>Rows of every frame.</summary>
    public required int Rows { get; init; }

    /// <summary>Columns of every frame.</summary>
    public required int Columns { get; init; }

    /// <summary>Transfer syntax UID of the file.</summary>
    public required string TransferSyntaxUid { get; init; }

    /// <summary>The segments.</summary>
    public required IReadOnlyList<SegmentationSegment> Segments { get; init; }

    /// <summary>The frames, in file order.</summary>
    public required IReadOnlyList<SegmentationFrameRead> Frames { get; init; }

    /// <summary>Referenced series (Common Instance Reference).</summary>
    public required IReadOnlyList<SegmentationSeriesReference> ReferencedSeries { get; init; }

    /// <summary>What was odd but readable (e.g. functional-group items beyond the frames), for the user to see.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Manufacturer and software versions of the writer, for provenance ("" when absent).</summary>
    public string Creator { get; init; } = "";
}
