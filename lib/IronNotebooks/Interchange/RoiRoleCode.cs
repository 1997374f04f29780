using IronNotebooks.Dicom.IO;
using IronNotebooks.Roi;

namespace IronNotebooks.Interchange;

/// <summary>
/// The coded meaning of one <see cref="RoiRole"/> in DICOM: the Segmented Property Category and Type of a Segmentation
/// segment (PS3.3 §C.8.20.2, Segment Description Macro) and, for TID 1500 measurement groups, the finding site.
/// </summary>
public sealed record RoiRoleCode
{
    /// <summary>The role coded.</summary>
    public required RoiRole Role { get; init; }

    /// <summary>Segmented Property Category (0062,0003), from CID 7150 "Segmentation Property Category".</summary>
    public required DicomCode Category { get; init; }

    /// <summary>Segmented Property Type (0062,000F), from the CID 7151 family named in <see cref="TypeContextGroup"/>.</summary>
    public required DicomCode Type { get; init; }

    /// <summary>Segmented Property Type Modifier (0062,0011), e.g. laterality from CID 244; null when none applies.</summary>
    public DicomCode? TypeModifier { get; init; }

    /// <summary>The context group the type comes from, e.g. "CID 7154 Abdominal Segmentation Type (in CID 7192)".</summary>
    public required string TypeContextGroup { get; init; }

    /// <summary>Why this code was chosen when the choice is not obvious (e.g. the code lies outside CID 7151's closure).</summary>
    public string Note { get; init; } = "";
}
