using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.Interchange;

/// <summary>One ROI of a measurement report: its geometry, where it lies and what was measured in it.</summary>
public sealed record RoiReportEntry
{
    /// <summary>The ROI, in the pixel space of <see cref="Image"/> or in patient millimetres.</summary>
    public required RoiShape Roi { get; init; }

    /// <summary>The image the ROI lies on.</summary>
    public required RoiReportImage Image { get; init; }

    /// <summary>Tracking Unique Identifier; a new UID when not given.</summary>
    public string? TrackingUid { get; init; }

    /// <summary>The SEG segment standing for the ROI, when the ROI is referenced through a Segmentation.</summary>
    public RoiReportSegment? Segment { get; init; }

    /// <summary>The measurements.</summary>
    public required RoiReportValues Values { get; init; }

    /// <summary>On reading: every NUM item of the group as found, including concepts this library does not write.</summary>
    public IReadOnlyList<ReportedMeasurement> Measurements { get; init; } = [];
}
