using IronNotebooks.Dicom.IO;
using IronNotebooks.Roi;

namespace IronNotebooks.Interchange;

/// <summary>
/// Registry of the DICOM codes for each <see cref="RoiRole"/> (docs/methods.md §6.4). Categories come from CID 7150
/// (Segmentation Property Category); types from the context group CID 7150 assigns to the category (CID 7191 tissue,
/// 7192 anatomical structure, 7193 physical object, 7194 morphologically abnormal structure, 7196 spatial and
/// relational concept), each of which includes the narrower group cited per row. Every code was looked up in the
/// PS3.16 tables (transcribed as FHIR value sets by bvdh/dicom-terminology-in-fhir, 2026 edition) and, for laterality,
/// CID 244 as used by the DICOM master list of 3D Slicer's terminology; none is guessed.
/// Reading accepts the legacy and alternative codes listed in <see cref="Aliases"/>.
/// </summary>
public static class RoiRoleCodes
{
    /// <summary>CID 7150: Tissue.</summary>
    public static readonly DicomCode Tissue = new("85756007", "SCT", "Tissue");
    /// <summary>CID 7150: Anatomical Structure (91723000, as PS3.16 lists it).</summary>
    public static readonly DicomCode AnatomicalStructure = new("91723000", "SCT", "Anatomical Structure");
    /// <summary>CID 7150: Physical object.</summary>
    public static readonly DicomCode PhysicalObject = new("260787004", "SCT", "Physical object");
    /// <summary>CID 7150: Morphologically Abnormal Structure.</summary>
    public static readonly DicomCode MorphologicallyAbnormalStructure = new("49755003", "SCT", "Morphologically Abnormal Structure");
    /// <summary>CID 7150: Spatial and Relational Concept.</summary>
    public static readonly DicomCode SpatialAndRelationalConcept = new("309825002", "SCT", "Spatial and Relational Concept");
    /// <summary>CID 244 Laterality: Left.</summary>
    public static readonly DicomCode Left = new("7771000", "SCT", "Left");
    /// <summary>CID 244 Laterality: Right.</summary>
    public static readonly DicomCode Right = new("24028007", "SCT", "Right");

    /// <summary>
    /// Codes other tools write for the same concepts, mapped to the codes of this table when reading (writing always
    /// uses the table's). 3D Slicer's and TotalSegmentator's DICOM master list code "Anatomical Structure" as SCT
    /// 123037004 where PS3.16 CID 7150 lists SCT 91723000; older objects use SNOMED RT (scheme SRT) codes, whose SCT
    /// equivalents PS3.16 lists beside them (CID 7150, 7154, 6116, 7166, 4052). pydicom's liver SEGs, for instance,
    /// say (T-D0050, SRT, "Tissue") and (T-62000, SRT, "Liver").
    /// </summary>
    public static IReadOnlyDictionary<(string Scheme, string Value), DicomCode> Aliases { get; } = new Dictionary<(string, string), DicomCode>
    {
        [("SCT", "123037004")] = AnatomicalStructure,
        [("SRT", "T-D0005")] = AnatomicalStructure,
        [("SRT", "T-D0050")] = Tissue,
        [("SRT", "A-00004")] = PhysicalObject,
        [("SRT", "M-01000")] = MorphologicallyAbnormalStructure,
        [("SRT", "R-42018")] = SpatialAndRelationalConcept,
        [("SRT", "T-62000")] = new("10200004", "SCT", "Liver"),
        [("SRT", "T-14020")] = new("44947003", "SCT", "Erector spinae muscle"),
        [("SRT", "T-32410")] = new("589001", "SCT", "Interventricular septum"),
        [("SRT", "R-FE0C7")] = new("706342009", "SCT", "Phantom"),
    };

    private static readonly RoiRoleCode[] Rows =
    [
        new()
        {
            Role = RoiRole.Liver, Category = AnatomicalStructure, Type = new("10200004", "SCT", "Liver"),
            TypeContextGroup = "CID 7154 Abdominal Segmentation Type (in CID 7192)",
        },
        new()
        {
            Role = RoiRole.MuscleLeftParaspinal, Category = AnatomicalStructure, Type = new("44947003", "SCT", "Erector spinae muscle"),
            TypeModifier = Left, TypeContextGroup = "CID 6116 Muscular Anatomy (in CID 7192); modifier CID 244",
            Note = "The SIR methods' paraspinal ROI lies in the erector spinae; SNOMED CT has no 'paraspinal muscle' concept in the DICOM groups.",
        },
        new()
        {
            Role = RoiRole.MuscleRightParaspinal, Category = AnatomicalStructure, Type = new("44947003", "SCT", "Erector spinae muscle"),
            TypeModifier = Right, TypeContextGroup = "CID 6116 Muscular Anatomy (in CID 7192); modifier CID 244",
            Note = "As the left paraspinal ROI, with laterality Right.",
        },
        new()
        {
            Role = RoiRole.Spleen, Category = AnatomicalStructure, Type = new("78961009", "SCT", "Spleen"),
            TypeContextGroup = "CID 4030 CT, MR and PET Anatomy Imaged (in CID 7192)",
        },
        new()
        {
            Role = RoiRole.HeartSeptum, Category = AnatomicalStructure, Type = new("589001", "SCT", "Interventricular septum"),
            TypeContextGroup = "CID 6116 Muscular Anatomy (in CID 7192)",
        },
        new()
        {
            Role = RoiRole.Lesion, Category = MorphologicallyAbnormalStructure, Type = new("52988006", "SCT", "Lesion"),
            TypeContextGroup = "CID 7159 Lesion Segmentation Type (in CID 7194)",
        },
        new()
        {
            Role = RoiRole.PhantomVial, Category = PhysicalObject, Type = new("706342009", "SCT", "Phantom"),
            TypeContextGroup = "CID 4052 Phantom Device",
            Note = "CID 7193 has no phantom concept; CID 7151 is a baseline group, so CID 4052's 'Phantom' is used. A vial is one compartment of the phantom.",
        },
        new()
        {
            Role = RoiRole.Background, Category = SpatialAndRelationalConcept, Type = new("125040", "DCM", "Background"),
            TypeContextGroup = "CID 7165 Abstract Segmentation Type (in CID 7196)",
        },
        new()
        {
            Role = RoiRole.Other, Category = Tissue, Type = new("85756007", "SCT", "Tissue"),
            TypeContextGroup = "CID 7166 Common Tissue Segmentation Type (in CID 7191)",
            Note = "The most general segmentation type; the ROI's name carries what it is.",
        },
    ];

    private static readonly Dictionary<RoiRole, RoiRoleCode> ByRole = Rows.ToDictionary(r => r.Role);

    /// <summary>Every row, in <see cref="RoiRole"/> order.</summary>
    public static IReadOnlyList<RoiRoleCode> All => Rows;

    /// <summary>The codes for a role.</summary>
    /// <exception cref="KeyNotFoundException">The role has no row (a new enum member without codes; a test guards this).</exception>
    public static RoiRoleCode For(RoiRole role) =>
        ByRole.TryGetValue(role, out var row) ? row : throw new KeyNotFoundException($"RoiRole {role} has no DICOM codes in RoiRoleCodes.");

    /// <summary>
    /// The role whose type and modifier match the coded segment (compared by scheme and value, never by meaning, after
    /// <see cref="Aliases"/>). The category is not compared: other tools file the same type under another category
    /// (pydicom's liver SEG says Tissue for Liver), and the type is what names the structure.
    /// </summary>
    public static bool TryGetRole(DicomCode type, DicomCode? modifier, out RoiRole role)
    {
        ArgumentNullException.ThrowIfNull(type);
        var t = Normalize(type);
        var m = modifier is null ? null : Normalize(modifier);
        foreach (var row in Rows)
            if (SameCode(row.Type, t) && (row.TypeModifier is null ? m is null : m is not null && SameCode(row.TypeModifier, m)))
            {
                role = row.Role;
                return true;
            }
        role = RoiRole.Other;
        return false;
    }

    /// <summary>As <see cref="TryGetRole(DicomCode, DicomCode?, out RoiRole)"/>; the category is accepted for callers that have it and not compared.</summary>
    public static bool TryGetRole(DicomCode category, DicomCode type, DicomCode? modifier, out RoiRole role)
    {
        ArgumentNullException.ThrowIfNull(category);
        return TryGetRole(type, modifier, out role);
    }

    /// <summary>The table's code for an alias, else the code itself.</summary>
    public static DicomCode Normalize(DicomCode code) =>
        Aliases.TryGetValue((Guard.NotNull(code).Scheme, code.Value), out var alias) ? alias : code;

    /// <summary>Two codes are the same concept when scheme designator and code value match (PS3.3 §8.8); meanings may differ.</summary>
    public static bool SameCode(DicomCode a, DicomCode b) =>
        string.Equals(a.Value, b.Value, StringComparison.Ordinal) && string.Equals(a.Scheme, b.Scheme, StringComparison.Ordinal);
}
