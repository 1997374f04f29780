namespace IronNotebooks.Dicom;

/// <summary>Facts about each value representation that the reader and writer need.</summary>
public static class DicomVRInfo
{
    private static readonly HashSet<DicomVR> LongLength =
        [DicomVR.OB, DicomVR.OD, DicomVR.OF, DicomVR.OL, DicomVR.OV, DicomVR.OW, DicomVR.SQ, DicomVR.SV, DicomVR.UC,
         DicomVR.UN, DicomVR.UR, DicomVR.UT, DicomVR.UV];

    private static readonly HashSet<DicomVR> Text =
        [DicomVR.AE, DicomVR.AS, DicomVR.CS, DicomVR.DA, DicomVR.DS, DicomVR.DT, DicomVR.IS, DicomVR.LO, DicomVR.LT,
         DicomVR.PN, DicomVR.SH, DicomVR.ST, DicomVR.TM, DicomVR.UC, DicomVR.UI, DicomVR.UR, DicomVR.UT];

    /// <summary>True where explicit-VR encoding uses two reserved bytes and a 32-bit length (PS3.5 Table 7.1-1).</summary>
    public static bool HasLongExplicitLength(DicomVR vr) => LongLength.Contains(vr);

    /// <summary>True for character-string VRs.</summary>
    public static bool IsText(DicomVR vr) => Text.Contains(vr);

    /// <summary>True for text VRs whose value is a single string in which backslash is an ordinary character.</summary>
    public static bool IsSingleValuedText(DicomVR vr) => vr is DicomVR.LT or DicomVR.ST or DicomVR.UT or DicomVR.UR;

    /// <summary>
    /// Size in bytes of one binary value (used for byte swapping and value multiplicity), or 1 for byte-string
    /// and text VRs that are never swapped.
    /// </summary>
    public static int UnitSize(DicomVR vr) => vr switch
    {
        DicomVR.US or DicomVR.SS or DicomVR.OW => 2,
        DicomVR.UL or DicomVR.SL or DicomVR.FL or DicomVR.OF or DicomVR.OL or DicomVR.AT => 4,
        DicomVR.FD or DicomVR.OD or DicomVR.SV or DicomVR.UV or DicomVR.OV => 8,
        _ => 1,
    };

    /// <summary>Padding byte for an odd-length value: space for text (except UI, padded with NUL), NUL otherwise.</summary>
    public static byte PaddingByte(DicomVR vr) => IsText(vr) && vr != DicomVR.UI ? (byte)' ' : (byte)0;

    /// <summary>Parses two ASCII bytes as a VR; false if they are not one of the standard's VRs.</summary>
    public static bool TryParse(byte first, byte second, out DicomVR vr)
    {
        vr = DicomVR.None;
        if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') return false;
        Span<char> s = [(char)first, (char)second];
        return Enum.TryParse(s, ignoreCase: false, out vr) && vr != DicomVR.None;
    }
}
