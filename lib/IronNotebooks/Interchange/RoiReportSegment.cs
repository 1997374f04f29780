using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.Interchange;

/// <summary>A segment of a DICOM Segmentation standing for an ROI (the SR then references it instead of image coordinates).</summary>
public sealed record RoiReportSegment
{
    /// <summary>SOP Instance UID of the SEG.</summary>
    public required string SegmentationSopInstanceUid { get; init; }

    /// <summary>Series Instance UID of the SEG.</summary>
    public required string SegmentationSeriesInstanceUid { get; init; }

    /// <summary>Segment Number (0062,0004), 1-based; null when read from an SR that names only the frame (a SEG frame
    /// belongs to one segment, so the reference carries no segment number: PS3.3 §10.4, Image SOP Instance Reference Macro).</summary>
    public required int? SegmentNumber { get; init; }

    /// <summary>1-based frame of the SEG that holds this ROI's plane.</summary>
    public required int FrameNumber { get; init; }

    /// <summary>Segmentation Storage.</summary>
    public const string SegmentationSopClassUid = "1.2.840.10008.5.1.4.1.1.66.4";
}
