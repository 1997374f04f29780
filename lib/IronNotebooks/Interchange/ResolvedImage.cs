using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.StructuredReporting;
using IronNotebooks.Exams;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using C = IronNotebooks.Interchange.MeasurementReportCodes;

namespace IronNotebooks.Interchange;

/// <summary>Where an image an SR references is on disk and how it lies.</summary>
/// <param name="Path">The image file.</param>
/// <param name="Geometry">The plane's geometry.</param>
public sealed record ResolvedImage(string Path, ImageGeometry Geometry);
