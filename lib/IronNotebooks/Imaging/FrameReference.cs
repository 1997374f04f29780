using IronNotebooks.Dicom.Imaging;

namespace IronNotebooks.Imaging;

/// <summary>One frame of one DICOM object: where it is and what it says about itself.</summary>
/// <param name="Path">The file.</param>
/// <param name="FrameIndex">Zero-based frame in that file.</param>
/// <param name="Info">Echo time, rescale, geometry of the frame.</param>
/// <param name="Component">Magnitude, phase, real or imaginary.</param>
/// <param name="InstanceNumber">Instance Number (0020,0013) of the file, if any.</param>
public sealed record FrameReference(string Path, int FrameIndex, DicomFrameInfo Info, ImageComponent Component, int? InstanceNumber)
{
    /// <summary>The plane of this frame in a <paramref name="rows"/> × <paramref name="columns"/> acquisition, or null when
    /// Image Position/Orientation (Patient) or Pixel Spacing is missing.</summary>
    public ImageGeometry? Geometry(int rows, int columns) =>
        Info.ImagePositionPatientMm is { Count: 3 } p && Info.ImageOrientationPatient is { Count: 6 } o && Info.PixelSpacingMm is { Count: 2 } s
            ? new ImageGeometry(rows, columns, Vector3Mm.From(p), Vector3Mm.From(o).Normalized(), Vector3Mm.From(o, 3).Normalized(), s[0], s[1], Info.SliceThicknessMm ?? double.NaN)
            : null;
}
