namespace IronNotebooks.Dicom.IO;

/// <summary>One MR frame to write: its echo time, position and stored pixel values (row by row).</summary>
/// <param name="EchoTimeMs">Echo time in ms.</param>
/// <param name="ImagePositionPatientMm">x, y, z of the first pixel's centre in mm (LPS patient coordinates).</param>
/// <param name="StoredValues">Rows × Columns unsigned stored values, row by row.</param>
/// <param name="EchoNumber">1-based echo number.</param>
public sealed record MrFrame(double EchoTimeMs, IReadOnlyList<double> ImagePositionPatientMm, ushort[] StoredValues, int EchoNumber = 1);

/// <summary>
/// An MR acquisition to write as DICOM: geometry and acquisition parameters shared by its frames. Output values are
/// stored × <see cref="RescaleSlope"/> + <see cref="RescaleIntercept"/>.
/// </summary>
public sealed record MrImageSeries
{
    /// <summary>Rows of every frame.</summary>
    public required int Rows { get; init; }
    /// <summary>Columns of every frame.</summary>
    public required int Columns { get; init; }
    /// <summary>Row spacing then column spacing, mm.</summary>
    public required IReadOnlyList<double> PixelSpacingMm { get; init; }
    /// <summary>Slice thickness, mm.</summary>
    public required double SliceThicknessMm { get; init; }
    /// <summary>Row then column direction cosines.</summary>
    public IReadOnlyList<double> ImageOrientationPatient { get; init; } = [1, 0, 0, 0, 1, 0];
    /// <summary>Repetition time, ms.</summary>
    public required double RepetitionTimeMs { get; init; }
    /// <summary>Flip angle, degrees.</summary>
    public required double FlipAngleDeg { get; init; }
    /// <summary>Main field strength, tesla.</summary>
    public required double MagneticFieldStrengthT { get; init; }
    /// <summary>The frames, in the order they are written.</summary>
    public required IReadOnlyList<MrFrame> Frames { get; init; }
    /// <summary>Significant bits of the stored values (≤ 16).</summary>
    public int BitsStored { get; init; } = 16;
    /// <summary>Rescale slope.</summary>
    public double RescaleSlope { get; init; } = 1;
    /// <summary>Rescale intercept.</summary>
    public double RescaleIntercept { get; init; }
    /// <summary>Manufacturer (0008,0070).</summary>
    public string Manufacturer { get; init; } = "IronNotebooks";
    /// <summary>Patient ID.</summary>
    public string PatientId { get; init; } = "ANONYMOUS";
    /// <summary>Patient's name.</summary>
    public string PatientName { get; init; } = "Anonymous";
    /// <summary>Study Instance UID (a new one by default).</summary>
    public string StudyInstanceUid { get; init; } = DicomUid.Generate();
    /// <summary>Series Instance UID (a new one by default).</summary>
    public string SeriesInstanceUid { get; init; } = DicomUid.Generate();
    /// <summary>Frame of Reference UID (a new one by default).</summary>
    public string FrameOfReferenceUid { get; init; } = DicomUid.Generate();
    /// <summary>Series number.</summary>
    public int SeriesNumber { get; init; } = 1;
    /// <summary>Series description.</summary>
    public string SeriesDescription { get; init; } = "";
    /// <summary>Study date (DA, yyyyMMdd).</summary>
    public string StudyDate { get; init; } = "20000101";
    /// <summary>Image Type values.</summary>
    public IReadOnlyList<string> ImageType { get; init; } = ["DERIVED", "SECONDARY", "M"];
}
