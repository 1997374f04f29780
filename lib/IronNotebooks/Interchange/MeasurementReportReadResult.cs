using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.StructuredReporting;
using IronNotebooks.Exams;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using C = IronNotebooks.Interchange.MeasurementReportCodes;

namespace IronNotebooks.Interchange;

/// <summary>What a TID 1500 SR gave back.</summary>
public sealed record MeasurementReportReadResult
{
    /// <summary>The ROIs as a set: pixel space of the one image they lie on (<see cref="RoiSet.ReferenceImage"/> = its file
    /// when resolved), or patient mm when they lie on several resolved images.</summary>
    public required RoiSet Rois { get; init; }

    /// <summary>Each group's ROI, image, segment and measurements, in report order.</summary>
    public required IReadOnlyList<RoiReportEntry> Entries { get; init; }

    /// <summary>Device Observer Name of the report, or null (a person observer, or none).</summary>
    public string? ObserverName { get; init; }

    /// <summary>How the ROIs were placed, and anything doubtful.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
