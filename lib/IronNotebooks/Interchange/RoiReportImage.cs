using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.Interchange;

/// <summary>An image an ROI was drawn or measured on: its identity and, for writing patient-space ROIs, its geometry.</summary>
public sealed record RoiReportImage
{
    /// <summary>SOP Class UID of the image.</summary>
    public required string SopClassUid { get; init; }

    /// <summary>SOP Instance UID of the image.</summary>
    public required string SopInstanceUid { get; init; }

    /// <summary>1-based frame of a multi-frame image; null for a single-frame image.</summary>
    public int? FrameNumber { get; init; }

    /// <summary>Study Instance UID (for the evidence sequence).</summary>
    public required string StudyInstanceUid { get; init; }

    /// <summary>Series Instance UID (for the evidence sequence).</summary>
    public required string SeriesInstanceUid { get; init; }

    /// <summary>Where the plane lies: needed to write a patient-space ROI as image coordinates; null when read from an SR.</summary>
    public ImageGeometry? Geometry { get; init; }
}
