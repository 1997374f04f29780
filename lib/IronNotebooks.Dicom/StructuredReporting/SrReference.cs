using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Dicom.StructuredReporting;

/// <summary>A reference to a composite instance (Referenced SOP Sequence item), with optional frames and segments.</summary>
/// <param name="SopClassUid">Referenced SOP Class UID (0008,1150).</param>
/// <param name="SopInstanceUid">Referenced SOP Instance UID (0008,1155).</param>
public sealed record SrReference(string SopClassUid, string SopInstanceUid)
{
    /// <summary>Referenced Frame Number (0008,1160), 1-based; empty for all frames.</summary>
    public IReadOnlyList<int> FrameNumbers { get; init; } = [];

    /// <summary>Referenced Segment Number (0062,000B); empty when no segment is meant.</summary>
    public IReadOnlyList<int> SegmentNumbers { get; init; } = [];
}
