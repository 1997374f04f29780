using System.Globalization;

namespace IronNotebooks.Dicom;

/// <summary>
/// A DICOM attribute tag (gggg,eeee). Ordered as the standard orders elements in a dataset:
/// by group, then element, both unsigned.
/// </summary>
public readonly record struct DicomTag(ushort Group, ushort Element) : IComparable<DicomTag>
{
    /// <summary>The tag as one 32-bit number, group in the high half.</summary>
    public uint Value => ((uint)Group << 16) | Element;

    /// <summary>True for tags in an odd group other than 0001, 0003, 0005, 0007 and FFFF (PS3.5 §7.8).</summary>
    public bool IsPrivate => (Group & 1) == 1 && Group > 0x0007 && Group != 0xFFFF;

    /// <summary>True for a private creator element (gggg,0010–00FF) in a private group.</summary>
    public bool IsPrivateCreator => IsPrivate && Element >= 0x0010 && Element <= 0x00FF;

    /// <summary>Creates a tag from its 32-bit form, group in the high half.</summary>
    public static DicomTag FromValue(uint value) => new((ushort)(value >> 16), (ushort)value);

    /// <summary>Parses "(gggg,eeee)", "gggg,eeee" or "ggggeeee" (hexadecimal).</summary>
    /// <exception cref="FormatException">The text is not one of those forms.</exception>
    public static DicomTag Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().TrimStart('(').TrimEnd(')').Replace(",", "", StringComparison.Ordinal);
        if (t.Length != 8 || !uint.TryParse(t, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v))
            throw new FormatException($"'{text}' is not a DICOM tag; expected (gggg,eeee) in hexadecimal, e.g. (0018,0081).");
        return FromValue(v);
    }

    /// <inheritdoc />
    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    /// <summary>The tag as "(gggg,eeee)" in upper-case hexadecimal.</summary>
    public override string ToString() => $"({Group:X4},{Element:X4})";

    /// <summary>Tag ordering.</summary>
    public static bool operator <(DicomTag a, DicomTag b) => a.Value < b.Value;
    /// <summary>Tag ordering.</summary>
    public static bool operator >(DicomTag a, DicomTag b) => a.Value > b.Value;
    /// <summary>Tag ordering.</summary>
    public static bool operator <=(DicomTag a, DicomTag b) => a.Value <= b.Value;
    /// <summary>Tag ordering.</summary>
    public static bool operator >=(DicomTag a, DicomTag b) => a.Value >= b.Value;
}
