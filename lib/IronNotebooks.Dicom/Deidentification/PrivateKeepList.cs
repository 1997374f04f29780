namespace IronNotebooks.Dicom.Deidentification;

/// <summary>
/// A private attribute kept through de-identification because quantification needs it: matched by private creator,
/// group and the low byte of the element (the block a creator reserves moves between files, PS3.5 §7.8.1).
/// </summary>
public sealed record PrivateKeepRule
{
    /// <summary>Private creator string, e.g. "Philips MR Imaging DD 001".</summary>
    public required string Creator { get; init; }

    /// <summary>The odd group, e.g. 0x2005.</summary>
    public required ushort Group { get; init; }

    /// <summary>Element offset within the creator's block (low byte of the element), e.g. 0x0E for (2005,xx0E).</summary>
    public required byte ElementOffset { get; init; }

    /// <summary>Attribute, for the report.</summary>
    public required string Name { get; init; }

    /// <summary>Why quantification needs it (none of these carries patient or institution identity).</summary>
    public required string Why { get; init; }

    /// <summary>True when <paramref name="tag"/>, reserved by <paramref name="creator"/>, is this attribute.</summary>
    public bool Matches(DicomTag tag, string? creator) =>
        tag.Group == Group && (tag.Element & 0xFF) == ElementOffset && tag.Element >= 0x1000 &&
        string.Equals(creator?.Trim(), Creator, StringComparison.Ordinal);
}

/// <summary>The private attributes kept by default (each a number, a code or a sequence of them; never free text).</summary>
public static class PrivateKeepList
{
    /// <summary>The default keep-list.</summary>
    public static IReadOnlyList<PrivateKeepRule> Default { get; } =
    [
        new()
        {
            Creator = "Philips MR Imaging DD 001", Group = 0x2005, ElementOffset = 0x0E, Name = "Philips scale slope (2005,100E)",
            Why = "Philips floating-point values FP = (SV·RS + RI)/(RS·SS) need SS; without it signal ratios across series with different scaling are wrong",
        },
        new()
        {
            Creator = "Philips MR Imaging DD 001", Group = 0x2005, ElementOffset = 0x0D, Name = "Philips scale intercept (2005,100D)",
            Why = "the intercept term of the same Philips floating-point conversion",
        },
        new()
        {
            Creator = "Philips MR Imaging DD 005", Group = 0x2005, ElementOffset = 0x0F, Name = "Philips per-frame private sequence (2005,140F)",
            Why = "enhanced Philips files repeat the scale slope/intercept per frame inside it; its items are de-identified like the rest of the file",
        },
        new()
        {
            Creator = "GEMS_PARM_01", Group = 0x0043, ElementOffset = 0x2F, Name = "GE raw data type (0043,102F)",
            Why = "tells GE magnitude, phase, real and imaginary images apart (0–3); without it phase images would be fitted as magnitude",
        },
        new()
        {
            Creator = "SIEMENS MR HEADER", Group = 0x0019, ElementOffset = 0x0A, Name = "Siemens number of images in mosaic (0019,100A)",
            Why = "the count of slices tiled in a Siemens mosaic, needed to cut it into slices",
        },
    ];
}
