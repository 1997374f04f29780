using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.Interchange;

/// <summary>A numeric measurement as an SR carries it (any concept, including ones this library does not write).</summary>
/// <param name="Concept">Concept name, e.g. (126395, DCM, "R2*").</param>
/// <param name="Value">The value.</param>
/// <param name="Units">UCUM units.</param>
/// <param name="Derivation">Derivation modifier (mean, SD, …) or null.</param>
public sealed record ReportedMeasurement(Dicom.IO.DicomCode Concept, double Value, Dicom.IO.DicomCode Units, Dicom.IO.DicomCode? Derivation);
