using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.StructuredReporting;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using static IronNotebooks.Dicom.StructuredReporting.SrRelationship;
using C = IronNotebooks.Interchange.MeasurementReportCodes;

namespace IronNotebooks.Interchange;

/// <summary>What a measurement report holds besides its ROIs.</summary>
public sealed record MeasurementReportContent
{
    /// <summary>One entry per ROI, in report order; names (tracking identifiers) unique.</summary>
    public required IReadOnlyList<RoiReportEntry> Entries { get; init; }

    /// <summary>A dataset of the source images: patient and study are copied from it.</summary>
    public required DicomDataset Source { get; init; }

    /// <summary>Software version, written as Device Observer Model Name suffix, Software Versions and Algorithm Version.</summary>
    public string SoftwareVersion { get; init; } = DicomUid.ImplementationVersionName;

    /// <summary>Series Description of the SR.</summary>
    public string SeriesDescription { get; init; } = "ROI measurements (TID 1500)";

    /// <summary>The Segmentation of the same ROIs, named as evidence of the report even where no group references it.</summary>
    public RoiReportSegmentation? Segmentation { get; init; }
}
