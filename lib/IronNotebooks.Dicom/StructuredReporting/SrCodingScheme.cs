using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Dicom.StructuredReporting;

/// <summary>A local coding scheme used by the document (Coding Scheme Identification Sequence, PS3.3 §C.12.1.1.4).</summary>
/// <param name="Designator">Coding Scheme Designator, "99…" for a private scheme (PS3.16 §8.1).</param>
/// <param name="Name">Coding Scheme Name.</param>
/// <param name="ResponsibleOrganization">Who maintains it.</param>
public sealed record SrCodingScheme(string Designator, string Name, string ResponsibleOrganization);
