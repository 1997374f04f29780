using System.Text;

namespace IronNotebooks.Dicom;

/// <summary>
/// Maps Specific Character Set (0008,0005) to a text encoding. Covers the single-byte sets .NET ships without
/// code-page providers (default repertoire as Latin-1, ISO_IR 100) and UTF-8 (ISO_IR 192); other defined terms fall
/// back to Latin-1, which keeps every byte as one character so nothing is lost.
/// </summary>
public static class DicomCharacterSets
{
    /// <summary>The default character repertoire, read as Latin-1 so that bytes above 0x7F survive.</summary>
    public static Encoding Default { get; } = Encoding.Latin1;

    /// <summary>The encoding for a Specific Character Set element.</summary>
    public static Encoding FromElement(DicomElement element)
    {
        var terms = element.WithVR(DicomVR.CS).GetStrings(Encoding.ASCII);
        // With code extensions the first value may be empty (default repertoire); the last named set decides.
        var term = terms.LastOrDefault(t => t.Length > 0) ?? "";
        return term switch
        {
            "ISO_IR 192" => new UTF8Encoding(false),
            _ => Encoding.Latin1,
        };
    }
}
