using IronNotebooks.Dicom.Imaging;

namespace IronNotebooks.Imaging;

/// <summary>One frame of one DICOM object: where it is and what it says about itself.</summary>
/// <param name="Path">The file.</param>
/// <param name="FrameIndex">Zero-based frame in that file.</param>
/// <param name="Info">Echo time, rescale, geometry of the frame.</param>
/// <param name="Component">Magnitude, phase, real or imaginary.</param>
/// <param name="InstanceNumber">Instance Number (0020,0013) of the file, if any.</param>
public sealed record FrameReference(string Path, int FrameIndex, DicomFrameInfo Info, ImageComponent Component, int? InstanceNumber);
