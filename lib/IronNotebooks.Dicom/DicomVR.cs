namespace IronNotebooks.Dicom;

/// <summary>
/// Value representations (PS3.5 §6.2). <see cref="UN"/> stands for unknown; <see cref="None"/> is used for items and
/// delimiters, which carry no VR.
/// </summary>
public enum DicomVR
{
    /// <summary>No VR (items and delimiters).</summary>
    None = 0,
#pragma warning disable CS1591 // the two-letter codes are the standard's own names
    AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH, SL, SQ, SS, ST, SV, TM, UC, UI, UL,
    UN, UR, US, UT, UV,
#pragma warning restore CS1591
}
