using System.Globalization;
using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Dicom.StructuredReporting;

/// <summary>
/// Encodes an <see cref="SrContentItem"/> tree as SR Document Content (PS3.3 §C.17.3: the root's attributes at the top
/// level of the dataset, children in nested Content Sequences) and decodes it back. Numbers are written as Numeric
/// Value (DS) and, when the 16-character DS cannot hold the double exactly, also as Floating Point Value (FD), which the
/// decoder then prefers.
/// </summary>
public static class SrContentCodec
{
    internal static readonly DicomTag ValueTypeTag = new(0x0040, 0xA040);
    internal static readonly DicomTag RelationshipTypeTag = new(0x0040, 0xA010);
    internal static readonly DicomTag ConceptNameCodeSequence = new(0x0040, 0xA043);
    internal static readonly DicomTag ContinuityOfContent = new(0x0040, 0xA050);
    internal static readonly DicomTag ContentTemplateSequence = new(0x0040, 0xA504);
    internal static readonly DicomTag MappingResource = new(0x0008, 0x0105);
    internal static readonly DicomTag TemplateIdentifierTag = new(0x0040, 0xDB00);
    internal static readonly DicomTag TextValue = new(0x0040, 0xA160);
    internal static readonly DicomTag ConceptCodeSequence = new(0x0040, 0xA168);
    internal static readonly DicomTag MeasuredValueSequence = new(0x0040, 0xA300);
    internal static readonly DicomTag MeasurementUnitsCodeSequence = new(0x0040, 0x08EA);
    internal static readonly DicomTag NumericValue = new(0x0040, 0xA30A);
    internal static readonly DicomTag FloatingPointValue = new(0x0040, 0xA161);
    internal static readonly DicomTag UidValue = new(0x0040, 0xA124);
    internal static readonly DicomTag PersonName = new(0x0040, 0xA123);
    internal static readonly DicomTag ReferencedSopSequence = new(0x0008, 0x1199);
    internal static readonly DicomTag ReferencedSopClassUid = new(0x0008, 0x1150);
    internal static readonly DicomTag ReferencedSopInstanceUid = new(0x0008, 0x1155);
    internal static readonly DicomTag ReferencedFrameNumber = new(0x0008, 0x1160);
    internal static readonly DicomTag ReferencedSegmentNumber = new(0x0062, 0x000B);
    internal static readonly DicomTag GraphicData = new(0x0070, 0x0022);
    internal static readonly DicomTag GraphicType = new(0x0070, 0x0023);
    internal static readonly DicomTag ContentSequence = new(0x0040, 0xA730);

    private static readonly Dictionary<SrValueType, string> ValueTypeNames = new()
    {
        [SrValueType.Container] = "CONTAINER", [SrValueType.Text] = "TEXT", [SrValueType.Code] = "CODE", [SrValueType.Num] = "NUM",
        [SrValueType.UidRef] = "UIDREF", [SrValueType.Image] = "IMAGE", [SrValueType.Composite] = "COMPOSITE",
        [SrValueType.Scoord] = "SCOORD", [SrValueType.PName] = "PNAME",
    };

    private static readonly Dictionary<SrRelationship, string> RelationshipNames = new()
    {
        [SrRelationship.Contains] = "CONTAINS", [SrRelationship.HasObsContext] = "HAS OBS CONTEXT",
        [SrRelationship.HasConceptMod] = "HAS CONCEPT MOD", [SrRelationship.HasProperties] = "HAS PROPERTIES",
        [SrRelationship.HasAcqContext] = "HAS ACQ CONTEXT", [SrRelationship.InferredFrom] = "INFERRED FROM",
        [SrRelationship.SelectedFrom] = "SELECTED FROM",
    };

    /// <summary>Writes the root container's attributes and its whole content tree into <paramref name="dataset"/>.</summary>
    /// <exception cref="ArgumentException">The root is not a CONTAINER, or an item lacks the value its type needs.</exception>
    public static void WriteRoot(DicomDataset dataset, SrContentItem root)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(root);
        if (root.ValueType != SrValueType.Container || root.ConceptName is null)
            throw new ArgumentException("The root of an SR document must be a CONTAINER with a concept name.", nameof(root));
        Encode(dataset, root, "1");
    }

    private static void Encode(DicomDataset ds, SrContentItem item, string path)
    {
        if (item.Relationship is { } r) ds.SetString(RelationshipTypeTag, DicomVR.CS, RelationshipNames[r]);
        ds.SetString(ValueTypeTag, DicomVR.CS, ValueTypeNames[item.ValueType]);
        if (item.ConceptName is { } name) ds.SetSequence(ConceptNameCodeSequence, name.ToItem());
        string Need(string? v, string what) => v ?? throw new ArgumentException($"Content item {path} ({ValueTypeNames[item.ValueType]}) has no {what}.");
        switch (item.ValueType)
        {
            case SrValueType.Container:
                ds.SetString(ContinuityOfContent, DicomVR.CS, "SEPARATE");
                if (item.TemplateIdentifier is { } template)
                {
                    var t = new DicomDataset();
                    t.SetString(MappingResource, DicomVR.CS, "DCMR");
                    t.SetString(TemplateIdentifierTag, DicomVR.CS, template);
                    ds.SetSequence(ContentTemplateSequence, t);
                }
                break;
            case SrValueType.Text:
                ds.SetString(TextValue, DicomVR.UT, Need(item.Text, "text"));
                break;
            case SrValueType.UidRef:
                ds.SetString(UidValue, DicomVR.UI, Need(item.Text, "UID"));
                break;
            case SrValueType.PName:
                ds.SetString(PersonName, DicomVR.PN, Need(item.Text, "name"));
                break;
            case SrValueType.Code:
                ds.SetSequence(ConceptCodeSequence, (item.Code ?? throw new ArgumentException($"Content item {path} (CODE) has no code.")).ToItem());
                break;
            case SrValueType.Num:
            {
                double v = item.NumericValue ?? throw new ArgumentException($"Content item {path} (NUM) has no value.");
                if (!double.IsFinite(v)) throw new ArgumentException($"Content item {path} (NUM) is {v}; a measured value must be finite.");
                var measured = new DicomDataset();
                measured.SetSequence(MeasurementUnitsCodeSequence, (item.Units ?? throw new ArgumentException($"Content item {path} (NUM) has no units.")).ToItem());
                string ds16 = DicomNumberFormat.FormatDS(v);
                measured.SetDecimalString(NumericValue, v);
                if (double.Parse(ds16, CultureInfo.InvariantCulture) != v) measured.SetNumbers(FloatingPointValue, DicomVR.FD, v);
                ds.SetSequence(MeasuredValueSequence, measured);
                break;
            }
            case SrValueType.Image:
            case SrValueType.Composite:
            {
                var reference = item.Reference ?? throw new ArgumentException($"Content item {path} ({ValueTypeNames[item.ValueType]}) has no reference.");
                var sop = new DicomDataset();
                sop.SetString(ReferencedSopClassUid, DicomVR.UI, reference.SopClassUid);
                sop.SetString(ReferencedSopInstanceUid, DicomVR.UI, reference.SopInstanceUid);
                if (reference.FrameNumbers.Count > 0) sop.SetIntegerString(ReferencedFrameNumber, [.. reference.FrameNumbers.Select(f => (long)f)]);
                if (reference.SegmentNumbers.Count > 0) sop.SetNumbers(ReferencedSegmentNumber, DicomVR.US, [.. reference.SegmentNumbers.Select(s => (double)s)]);
                ds.SetSequence(ReferencedSopSequence, sop);
                break;
            }
            case SrValueType.Scoord:
                ds.SetString(GraphicType, DicomVR.CS, Need(item.GraphicType, "graphic type"));
                if (item.GraphicData is not { Count: >= 2 } data || data.Count % 2 != 0 || data.Any(f => !float.IsFinite(f)))
                    throw new ArgumentException($"Content item {path} (SCOORD) needs finite (column, row) pairs.");
                ds.SetNumbers(GraphicData, DicomVR.FL, [.. data.Select(f => (double)f)]);
                break;
        }
        if (item.Children.Count > 0)
        {
            var children = new DicomDataset[item.Children.Count];
            for (int i = 0; i < children.Length; i++)
            {
                // Items are encoded in the document's Specific Character Set (UTF-8 for this library's documents).
                children[i] = new DicomDataset { TextEncoding = ds.TextEncoding };
                Encode(children[i], item.Children[i], $"{path}.{i + 1}");
            }
            ds.SetSequence(ContentSequence, children);
        }
    }

    /// <summary>Reads the content tree whose root attributes are at the top level of <paramref name="dataset"/>.</summary>
    /// <exception cref="SrContentException">An item lacks its value type, concept name, value or units; the message names the item's path (1 = root, 1.2 = its second child).</exception>
    public static SrContentItem ReadRoot(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Decode(dataset, "1", dataset.SourcePath, isRoot: true);
    }

    private static SrContentItem Decode(DicomDataset ds, string path, string? file, bool isRoot)
    {
        SrContentException Bad(string what, DicomTag? tag = null) => new(path, what, file, tag);
        if (!ds.TryGetString(ValueTypeTag, out var vtName)) throw Bad("has no Value Type", ValueTypeTag);
        var vt = ValueTypeNames.FirstOrDefault(p => p.Value == vtName.Trim());
        if (vt.Value is null) throw Bad($"has value type '{vtName}', which this reader does not handle", ValueTypeTag);
        SrRelationship? relationship = null;
        if (!isRoot)
        {
            if (!ds.TryGetString(RelationshipTypeTag, out var relName)) throw Bad("has no Relationship Type", RelationshipTypeTag);
            var rel = RelationshipNames.FirstOrDefault(p => p.Value == relName.Trim());
            if (rel.Value is null) throw Bad($"has relationship '{relName}', which this reader does not handle", RelationshipTypeTag);
            relationship = rel.Key;
        }
        var item = new SrContentItem
        {
            ValueType = vt.Key, Relationship = relationship,
            ConceptName = ReadCode(ds.GetFirstItemOrDefault(ConceptNameCodeSequence), path, file, ConceptNameCodeSequence),
        };
        switch (vt.Key)
        {
            case SrValueType.Container:
                var template = ds.GetFirstItemOrDefault(ContentTemplateSequence);
                item = item with { TemplateIdentifier = template?.GetStringOrDefault(TemplateIdentifierTag)?.Trim() };
                break;
            case SrValueType.Text:
                item = item with { Text = ds.GetStringOrDefault(TextValue) ?? throw Bad("(TEXT) has no Text Value", TextValue) };
                break;
            case SrValueType.UidRef:
                item = item with { Text = ds.GetStringOrDefault(UidValue)?.TrimEnd('\0', ' ') ?? throw Bad("(UIDREF) has no UID Value", UidValue) };
                break;
            case SrValueType.PName:
                item = item with { Text = ds.GetStringOrDefault(PersonName) ?? "" };
                break;
            case SrValueType.Code:
                item = item with { Code = ReadCode(ds.GetFirstItemOrDefault(ConceptCodeSequence), path, file, ConceptCodeSequence) ?? throw Bad("(CODE) has no Concept Code Sequence", ConceptCodeSequence) };
                break;
            case SrValueType.Num:
            {
                // An empty Measured Value Sequence is allowed (no value, e.g. with a Numeric Value Qualifier): read as no value.
                var measured = ds.GetFirstItemOrDefault(MeasuredValueSequence);
                if (measured is null) break;
                double value = measured.TryGetDouble(FloatingPointValue, out var fd) ? fd
                    : measured.TryGetDouble(NumericValue, out var dsv) ? dsv : throw Bad("(NUM) has a Measured Value without Numeric Value", NumericValue);
                var units = ReadCode(measured.GetFirstItemOrDefault(MeasurementUnitsCodeSequence), path, file, MeasurementUnitsCodeSequence)
                    ?? throw Bad("(NUM) has no Measurement Units Code Sequence", MeasurementUnitsCodeSequence);
                item = item with { NumericValue = value, Units = units };
                break;
            }
            case SrValueType.Image:
            case SrValueType.Composite:
            {
                var sop = ds.GetFirstItemOrDefault(ReferencedSopSequence) ?? throw Bad($"({vtName}) has no Referenced SOP Sequence", ReferencedSopSequence);
                var reference = new SrReference(
                    sop.GetStringOrDefault(ReferencedSopClassUid)?.TrimEnd('\0', ' ') ?? throw Bad("has no Referenced SOP Class UID", ReferencedSopClassUid),
                    sop.GetStringOrDefault(ReferencedSopInstanceUid)?.TrimEnd('\0', ' ') ?? throw Bad("has no Referenced SOP Instance UID", ReferencedSopInstanceUid))
                {
                    FrameNumbers = sop.TryGetDoubles(ReferencedFrameNumber, out var frames) ? [.. frames.Select(f => (int)f)] : [],
                    SegmentNumbers = sop.TryGetDoubles(ReferencedSegmentNumber, out var segments) ? [.. segments.Select(s => (int)s)] : [],
                };
                item = item with { Reference = reference };
                break;
            }
            case SrValueType.Scoord:
                item = item with
                {
                    GraphicType = ds.GetStringOrDefault(GraphicType)?.Trim() ?? throw Bad("(SCOORD) has no Graphic Type", GraphicType),
                    GraphicData = ds.TryGetDoubles(GraphicData, out var data) ? [.. data.Select(d => (float)d)] : throw Bad("(SCOORD) has no Graphic Data", GraphicData),
                };
                break;
        }
        if (ds.TryGetSequence(ContentSequence, out var children))
            item = item with { Children = [.. children.Select((c, i) => Decode(c, $"{path}.{i + 1}", file, isRoot: false))] };
        return item;
    }

    private static DicomCode? ReadCode(DicomDataset? item, string path, string? file, DicomTag sequence)
    {
        if (item is null) return null;
        // Long Code Value (0008,0119) and URN Code Value (0008,0120) replace Code Value for long or URN codes (PS3.3 §8.8).
        string? value = item.GetStringOrDefault(new DicomTag(0x0008, 0x0100)) ?? item.GetStringOrDefault(new DicomTag(0x0008, 0x0119))
            ?? item.GetStringOrDefault(new DicomTag(0x0008, 0x0120));
        string? scheme = item.GetStringOrDefault(new DicomTag(0x0008, 0x0102));
        if (value is null || (scheme is null && item.GetStringOrDefault(new DicomTag(0x0008, 0x0120)) is null))
            throw new SrContentException(path, "has a code without Code Value or Coding Scheme Designator", file, sequence);
        return new DicomCode(value.Trim(), scheme?.Trim() ?? "", item.GetStringOrDefault(new DicomTag(0x0008, 0x0104))?.Trim() ?? "");
    }
}
