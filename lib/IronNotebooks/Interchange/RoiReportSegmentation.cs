using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.StructuredReporting;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using static IronNotebooks.Dicom.StructuredReporting.SrRelationship;
using C = IronNotebooks.Interchange.MeasurementReportCodes;

namespace IronNotebooks.Interchange;

/// <summary>A DICOM Segmentation a report goes with.</summary>
public sealed record RoiReportSegmentation
{
    /// <summary>SOP Instance UID of the SEG.</summary>
    public required string SopInstanceUid { get; init; }

    /// <summary>Series Instance UID of the SEG.</summary>
    public required string SeriesInstanceUid { get; init; }
}
