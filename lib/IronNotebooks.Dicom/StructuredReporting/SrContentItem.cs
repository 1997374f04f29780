using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Dicom.StructuredReporting;

/// <summary>
/// One node of an SR content tree (PS3.3 §C.17.3 SR Document Content): its value type, concept name, relationship to
/// its parent (none for the root), value and children. Immutable; build trees with the static factories, encode them
/// with <see cref="SrContentCodec"/>.
/// </summary>
public sealed record SrContentItem
{
    /// <summary>Value Type.</summary>
    public required SrValueType ValueType { get; init; }

    /// <summary>Relationship to the parent; null for the root container.</summary>
    public SrRelationship? Relationship { get; init; }

    /// <summary>Concept Name Code Sequence; null only for image library entries and SELECTED FROM references.</summary>
    public DicomCode? ConceptName { get; init; }

    /// <summary>TEXT, UIDREF and PNAME value.</summary>
    public string? Text { get; init; }

    /// <summary>CODE value.</summary>
    public DicomCode? Code { get; init; }

    /// <summary>NUM value.</summary>
    public double? NumericValue { get; init; }

    /// <summary>NUM units (UCUM).</summary>
    public DicomCode? Units { get; init; }

    /// <summary>IMAGE/COMPOSITE: the referenced SOP class and instance.</summary>
    public SrReference? Reference { get; init; }

    /// <summary>SCOORD Graphic Type: POINT, MULTIPOINT, POLYLINE, CIRCLE, ELLIPSE.</summary>
    public string? GraphicType { get; init; }

    /// <summary>SCOORD Graphic Data: (column, row) pairs in image pixel units, (0, 0) the top-left corner of the top-left pixel (PS3.3 §C.18.6.1.2).</summary>
    public IReadOnlyList<float>? GraphicData { get; init; }

    /// <summary>CONTAINER: Template Identifier (DCMR) it follows, e.g. "1500"; null when none is declared.</summary>
    public string? TemplateIdentifier { get; init; }

    /// <summary>Children, in order.</summary>
    public IReadOnlyList<SrContentItem> Children { get; init; } = [];

    /// <summary>The children whose concept name is <paramref name="name"/> (compared by scheme and value).</summary>
    public IEnumerable<SrContentItem> ChildrenNamed(DicomCode name) =>
        Children.Where(c => c.ConceptName is { } n && n.Value == name.Value && n.Scheme == name.Scheme);

    /// <summary>A CONTAINER (Continuity of Content SEPARATE).</summary>
    public static SrContentItem Container(SrRelationship? relationship, DicomCode name, IEnumerable<SrContentItem> children, string? templateIdentifier = null) =>
        new() { ValueType = SrValueType.Container, Relationship = relationship, ConceptName = name, Children = [.. children], TemplateIdentifier = templateIdentifier };

    /// <summary>A TEXT item.</summary>
    public static SrContentItem TextItem(SrRelationship relationship, DicomCode name, string text) =>
        new() { ValueType = SrValueType.Text, Relationship = relationship, ConceptName = name, Text = text };

    /// <summary>A CODE item.</summary>
    public static SrContentItem CodeItem(SrRelationship relationship, DicomCode name, DicomCode value, IEnumerable<SrContentItem>? children = null) =>
        new() { ValueType = SrValueType.Code, Relationship = relationship, ConceptName = name, Code = value, Children = [.. children ?? []] };

    /// <summary>A UIDREF item.</summary>
    public static SrContentItem UidItem(SrRelationship relationship, DicomCode name, string uid) =>
        new() { ValueType = SrValueType.UidRef, Relationship = relationship, ConceptName = name, Text = uid };

    /// <summary>A NUM item.</summary>
    public static SrContentItem NumItem(SrRelationship relationship, DicomCode name, double value, DicomCode units, IEnumerable<SrContentItem>? children = null) =>
        new() { ValueType = SrValueType.Num, Relationship = relationship, ConceptName = name, NumericValue = value, Units = units, Children = [.. children ?? []] };

    /// <summary>An IMAGE item (concept name optional, as in image library entries and SELECTED FROM targets).</summary>
    public static SrContentItem ImageItem(SrRelationship relationship, DicomCode? name, SrReference reference) =>
        new() { ValueType = SrValueType.Image, Relationship = relationship, ConceptName = name, Reference = reference };

    /// <summary>An SCOORD item whose single child selects the image it lies on.</summary>
    public static SrContentItem ScoordItem(SrRelationship relationship, DicomCode name, string graphicType, IReadOnlyList<float> data, SrReference image) =>
        new()
        {
            ValueType = SrValueType.Scoord, Relationship = relationship, ConceptName = name, GraphicType = graphicType, GraphicData = data,
            Children = [ImageItem(SrRelationship.SelectedFrom, null, image)],
        };
}
