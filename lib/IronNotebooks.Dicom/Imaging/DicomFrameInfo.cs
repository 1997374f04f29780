namespace IronNotebooks.Dicom.Imaging;

/// <summary>
/// What one frame says about itself: echo time, stored-to-output rescale, Philips scale factors and geometry. For
/// enhanced multi-frame objects each value comes from the frame's Per-Frame Functional Groups item, else the Shared
/// Functional Groups item, else the top-level element; single-frame objects use the top-level elements.
/// </summary>
/// <param name="FrameIndex">Zero-based frame number.</param>
/// <param name="EchoTimeMs">Effective Echo Time (0018,9082) or Echo Time (0018,0081) in ms; null when absent.</param>
/// <param name="RescaleSlope">Rescale Slope (0028,1053); 1 when absent.</param>
/// <param name="RescaleIntercept">Rescale Intercept (0028,1052); 0 when absent.</param>
/// <param name="RescaleType">Rescale Type (0028,1054), if given.</param>
/// <param name="PhilipsScaleSlope">Philips private scale slope (2005,100E) when present under the creator
/// "Philips MR Imaging DD 001"; null otherwise.</param>
/// <param name="PhilipsScaleIntercept">Philips private scale intercept (2005,100D); null when absent.</param>
/// <param name="ImagePositionPatientMm">Image Position (Patient) (0020,0032): x, y, z of the first pixel's centre in mm.</param>
/// <param name="ImageOrientationPatient">Image Orientation (Patient) (0020,0037): row then column direction cosines.</param>
/// <param name="PixelSpacingMm">Pixel Spacing (0028,0030): row spacing then column spacing in mm.</param>
/// <param name="SliceThicknessMm">Slice Thickness (0018,0050) in mm.</param>
/// <param name="ImageType">Frame Type (0008,9007) for enhanced frames, else Image Type (0008,0008).</param>
/// <param name="ComplexImageComponent">Complex Image Component (0008,9208) of enhanced frames (MAGNITUDE, PHASE, REAL,
/// IMAGINARY, MIXED), or null when absent.</param>
/// <param name="RepetitionTimeMs">Repetition Time (0018,0080), ms, from the MR Timing and Related Parameters macro or the top level.</param>
/// <param name="FlipAngleDeg">Flip Angle (0018,1314), degrees, from the same macro or the top level.</param>
public sealed record DicomFrameInfo(
    int FrameIndex,
    double? EchoTimeMs,
    double RescaleSlope,
    double RescaleIntercept,
    string? RescaleType,
    double? PhilipsScaleSlope,
    double? PhilipsScaleIntercept,
    IReadOnlyList<double>? ImagePositionPatientMm,
    IReadOnlyList<double>? ImageOrientationPatient,
    IReadOnlyList<double>? PixelSpacingMm,
    double? SliceThicknessMm,
    IReadOnlyList<string> ImageType,
    string? ComplexImageComponent = null,
    double? RepetitionTimeMs = null,
    double? FlipAngleDeg = null)
{
    /// <summary>
    /// True when Philips scale factors turn rescaled values into the scanner's floating-point values:
    /// FP = (SV × RS + RI) / (RS × SS), with SV stored value, RS/RI rescale slope/intercept, SS scale slope (Philips
    /// PAR/REC convention; Chenevert et al., Transl Oncol 2014;7:65, doi:10.1593/tlo.13811).
    /// </summary>
    public bool HasPhilipsScaling => PhilipsScaleSlope is { } ss && ss != 0 && double.IsFinite(ss) && RescaleSlope != 0;
}
