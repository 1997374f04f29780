using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Dicom.StructuredReporting;

/// <summary>A referenced instance and the study and series it belongs to (for the evidence sequences).</summary>
/// <param name="StudyInstanceUid">Study Instance UID of the instance.</param>
/// <param name="SeriesInstanceUid">Series Instance UID of the instance.</param>
/// <param name="SopClassUid">SOP Class UID.</param>
/// <param name="SopInstanceUid">SOP Instance UID.</param>
public sealed record SrEvidence(string StudyInstanceUid, string SeriesInstanceUid, string SopClassUid, string SopInstanceUid);
