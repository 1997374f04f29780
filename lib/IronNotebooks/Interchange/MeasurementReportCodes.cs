using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.StructuredReporting;

namespace IronNotebooks.Interchange;

/// <summary>
/// The coded concepts of the TID 1500 Measurement Report this library writes and reads (docs/methods.md §6.4). Every
/// code was looked up, none guessed: DCM and SCT codes in the PS3.16 concept dictionary that Debian's pydicom (2.3.1,
/// generated from PS3.16) ships (<c>pydicom.sr._concepts_dict</c>, with its context-group membership; a test re-checks
/// each one there), R2* in CID 7469 as DCMTK's generated class lists it, UCUM "{pixels}" in DCMTK's UCUM header, the
/// language in CID 5000 (RFC 5646) as highdicom writes it. Where no standard concept exists (LIC) a private code of
/// <see cref="LocalScheme"/> is used and declared in the Coding Scheme Identification Sequence.
/// </summary>
public static class MeasurementReportCodes
{
    /// <summary>The private coding scheme for concepts DICOM has no code for (PS3.16 §8: designators starting "99").</summary>
    public static SrCodingScheme LocalScheme { get; } = new("99IRONNB", "IronNotebooks local codes", "IronNotebooks project");

    // ---- TID 1500 document ----
    /// <summary>CID 7021 Measurement Report Document Title: the root's concept name.</summary>
    public static readonly DicomCode ImagingMeasurementReport = new("126000", "DCM", "Imaging Measurement Report");
    /// <summary>TID 1204 row 1: Language of Content Item and Descendants.</summary>
    public static readonly DicomCode Language = new("121049", "DCM", "Language of Content Item and Descendants");
    /// <summary>CID 5000 Language (RFC 5646): English (United States).</summary>
    public static readonly DicomCode EnglishUnitedStates = new("en-US", "RFC5646", "English (United States)");
    /// <summary>TID 1002 Observer Type.</summary>
    public static readonly DicomCode ObserverType = new("121005", "DCM", "Observer Type");
    /// <summary>CID 270 Observer Type: Device.</summary>
    public static readonly DicomCode Device = new("121007", "DCM", "Device");
    /// <summary>TID 1004 Device Observer UID.</summary>
    public static readonly DicomCode DeviceObserverUid = new("121012", "DCM", "Device Observer UID");
    /// <summary>TID 1004 Device Observer Name.</summary>
    public static readonly DicomCode DeviceObserverName = new("121013", "DCM", "Device Observer Name");
    /// <summary>TID 1004 Device Observer Manufacturer.</summary>
    public static readonly DicomCode DeviceObserverManufacturer = new("121014", "DCM", "Device Observer Manufacturer");
    /// <summary>TID 1004 Device Observer Model Name.</summary>
    public static readonly DicomCode DeviceObserverModelName = new("121015", "DCM", "Device Observer Model Name");
    /// <summary>TID 1500 Procedure reported.</summary>
    public static readonly DicomCode ProcedureReported = new("121058", "DCM", "Procedure reported");
    /// <summary>CID 100 Quantitative Diagnostic Imaging Procedure: MRI unspecified body region (LOINC).</summary>
    public static readonly DicomCode MriUnspecifiedBodyRegion = new("25056-3", "LN", "MRI unspecified body region");
    /// <summary>TID 1600 Image Library.</summary>
    public static readonly DicomCode ImageLibrary = new("111028", "DCM", "Image Library");
    /// <summary>TID 1600 Image Library Group.</summary>
    public static readonly DicomCode ImageLibraryGroup = new("126200", "DCM", "Image Library Group");
    /// <summary>TID 1500 Imaging Measurements container.</summary>
    public static readonly DicomCode ImagingMeasurements = new("126010", "DCM", "Imaging Measurements");
    /// <summary>TID 1410/1411 Measurement Group container.</summary>
    public static readonly DicomCode MeasurementGroup = new("125007", "DCM", "Measurement Group");

    // ---- TID 1410 planar ROI group ----
    /// <summary>TID 1410 Tracking Identifier (the ROI's name).</summary>
    public static readonly DicomCode TrackingIdentifier = new("112039", "DCM", "Tracking Identifier");
    /// <summary>TID 1410 Tracking Unique Identifier.</summary>
    public static readonly DicomCode TrackingUniqueIdentifier = new("112040", "DCM", "Tracking Unique Identifier");
    /// <summary>TID 1410 Finding (value: the role's segmented property type, <see cref="RoiRoleCodes"/>).</summary>
    public static readonly DicomCode Finding = new("121071", "DCM", "Finding");
    /// <summary>TID 1410 Finding Site (value: the role's anatomic type, <see cref="RoiRoleCodes"/>).</summary>
    public static readonly DicomCode FindingSite = new("363698007", "SCT", "Finding Site");
    /// <summary>TID 1410 Finding Site's Laterality modifier (value CID 244).</summary>
    public static readonly DicomCode Laterality = new("272741003", "SCT", "Laterality");
    /// <summary>TID 1410 Image Region (SCOORD on a source image).</summary>
    public static readonly DicomCode ImageRegion = new("111030", "DCM", "Image Region");
    /// <summary>TID 1410 Referenced Segmentation Frame (IMAGE: SEG instance, frame, segment number).</summary>
    public static readonly DicomCode ReferencedSegmentationFrame = new("121214", "DCM", "Referenced Segmentation Frame");
    /// <summary>TID 1410 Source image for segmentation.</summary>
    public static readonly DicomCode SourceImageForSegmentation = new("121233", "DCM", "Source image for segmentation");

    // ---- measurements (TID 1419 / TID 300) ----
    /// <summary>CID 7469 Generic Intensity and Size Measurement (also CID 7180, 218): R2*.</summary>
    public static readonly DicomCode R2Star = new("126395", "DCM", "R2*");
    /// <summary>CID 7469: Area (in mm² and, for the pixel count, in UCUM "{pixels}").</summary>
    public static readonly DicomCode Area = new("42798000", "SCT", "Area");
    /// <summary>TID 300 Derivation concept modifier.</summary>
    public static readonly DicomCode Derivation = new("121401", "DCM", "Derivation");
    /// <summary>CID 7464 General Region of Interest Measurement Modifier: Mean.</summary>
    public static readonly DicomCode Mean = new("373098007", "SCT", "Mean");
    /// <summary>CID 7464: Standard Deviation.</summary>
    public static readonly DicomCode StandardDeviation = new("386136009", "SCT", "Standard Deviation");
    /// <summary>Liver iron concentration, dry weight: no DICOM, SNOMED CT or LOINC code in PS3.16, so a local code.</summary>
    public static readonly DicomCode LiverIronConcentration = new("LIC", "99IRONNB", "Liver iron concentration (dry weight)");
    /// <summary>TID 4019 Algorithm Name.</summary>
    public static readonly DicomCode AlgorithmName = new("111001", "DCM", "Algorithm Name");
    /// <summary>TID 4019 Algorithm Version.</summary>
    public static readonly DicomCode AlgorithmVersion = new("111003", "DCM", "Algorithm Version");
    /// <summary>TID 4019 Algorithm Parameters.</summary>
    public static readonly DicomCode AlgorithmParameters = new("111002", "DCM", "Algorithm Parameters");

    // ---- UCUM units ----
    /// <summary>UCUM per second (R2*), as in the Parametric Map.</summary>
    public static readonly DicomCode PerSecond = new("1/s", "UCUM", "per second");
    /// <summary>UCUM {pixels} (DCMTK's UCUM list): an area counted in pixels.</summary>
    public static readonly DicomCode Pixels = new("{pixels}", "UCUM", "pixels");
    /// <summary>UCUM square millimetre.</summary>
    public static readonly DicomCode SquareMillimetre = new("mm2", "UCUM", "square millimeter");
    /// <summary>UCUM milligram per gram.</summary>
    public static readonly DicomCode MilligramPerGram = new("mg/g", "UCUM", "milligram per gram");
    /// <summary>UCUM micromole per gram.</summary>
    public static readonly DicomCode MicromolePerGram = new("umol/g", "UCUM", "micromole per gram");

    /// <summary>Every standard (non-local, non-UCUM) code above, for the test that re-checks them against PS3.16.</summary>
    public static IReadOnlyList<DicomCode> StandardCodes { get; } =
    [
        ImagingMeasurementReport, Language, ObserverType, Device, DeviceObserverUid, DeviceObserverName, DeviceObserverManufacturer,
        DeviceObserverModelName, ProcedureReported, MriUnspecifiedBodyRegion, ImageLibrary, ImageLibraryGroup, ImagingMeasurements,
        MeasurementGroup, TrackingIdentifier, TrackingUniqueIdentifier, Finding, FindingSite, Laterality, ImageRegion,
        ReferencedSegmentationFrame, SourceImageForSegmentation, R2Star, Area, Derivation, Mean, StandardDeviation, AlgorithmName,
        AlgorithmVersion, AlgorithmParameters,
    ];

    /// <summary>Same concept: scheme and value equal (meanings may differ between editions, PS3.3 §8.8).</summary>
    public static bool Is(this DicomCode? code, DicomCode expected) =>
        code is not null && code.Value == expected.Value && code.Scheme == expected.Scheme;
}
