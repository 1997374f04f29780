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

/// <summary>
/// The measurements of one ROI as the SR carries them. Every value is optional on reading (another tool may report fewer);
/// the writer needs the R2* mean, SD and pixel count.
/// </summary>
public sealed record RoiReportValues
{
    /// <summary>Mean R2* over the ROI's pixels, s⁻¹.</summary>
    public double? R2StarMeanPerSecond { get; init; }

    /// <summary>Standard deviation of R2* over the ROI's pixels (n − 1), s⁻¹.</summary>
    public double? R2StarSdPerSecond { get; init; }

    /// <summary>Pixels whose centre lies in the ROI.</summary>
    public int? PixelCount { get; init; }

    /// <summary>Pixel count × pixel area, mm².</summary>
    public double? AreaMm2 { get; init; }

    /// <summary>LIC from the mean R2* through <see cref="Calibration"/>, mg Fe/g dry weight; null outside the calibration's validity range.</summary>
    public double? LicMgPerGram { get; init; }

    /// <summary>The same LIC in µmol Fe/g dry weight.</summary>
    public double? LicUmolPerGram { get; init; }

    /// <summary>How R2* was obtained (TID 4019 Algorithm Name of the R2* items), e.g. "IronNotebooks R2* map".</summary>
    public string? R2StarAlgorithm { get; init; }

    /// <summary>R2* parameters (TID 4019 Algorithm Parameters), e.g. "decay model: arlo", "echo times ms: 1.2, 2.4, …".</summary>
    public IReadOnlyList<string> R2StarParameters { get; init; } = [];

    /// <summary>The calibration's registry name (TID 4019 Algorithm Name of the LIC items), e.g. "wood2005".</summary>
    public string? Calibration { get; init; }

    /// <summary>The calibration's citation, field and validity range (TID 4019 Algorithm Parameters of the LIC items).</summary>
    public IReadOnlyList<string> CalibrationParameters { get; init; } = [];

    /// <summary>Software version that computed the values (TID 4019 Algorithm Version).</summary>
    public string? AlgorithmVersion { get; init; }
}

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

/// <summary>A numeric measurement as an SR carries it (any concept, including ones this library does not write).</summary>
/// <param name="Concept">Concept name, e.g. (126395, DCM, "R2*").</param>
/// <param name="Value">The value.</param>
/// <param name="Units">UCUM units.</param>
/// <param name="Derivation">Derivation modifier (mean, SD, …) or null.</param>
public sealed record ReportedMeasurement(Dicom.IO.DicomCode Concept, double Value, Dicom.IO.DicomCode Units, Dicom.IO.DicomCode? Derivation);
