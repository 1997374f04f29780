using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace IronNotebooks.Dicom;

/// <summary>
/// One data element: tag, VR and value as stored. Values stay as raw bytes (a view of the file, never copied) until
/// asked for; typed access is on <see cref="DicomDataset"/>. A sequence has <see cref="Items"/>, encapsulated pixel
/// data has <see cref="Fragments"/>; private and unknown elements keep their raw bytes.
/// </summary>
public sealed class DicomElement
{
    /// <summary>Creates an element with a binary or text value as stored (byte order given by <paramref name="isBigEndian"/>).</summary>
    public DicomElement(DicomTag tag, DicomVR vr, ReadOnlyMemory<byte> rawValue, bool isBigEndian = false, long byteOffset = -1)
    {
        Tag = tag;
        VR = vr;
        RawValue = rawValue;
        IsBigEndian = isBigEndian;
        ByteOffset = byteOffset;
    }

    /// <summary>Creates an element whose value stays in its file until read (see <see cref="DicomDeferredValue"/>).</summary>
    public DicomElement(DicomTag tag, DicomVR vr, DicomDeferredValue deferred, bool isBigEndian, long byteOffset)
    {
        Tag = tag;
        VR = vr;
        Deferred = deferred;
        IsBigEndian = isBigEndian;
        ByteOffset = byteOffset;
    }

    /// <summary>Creates a sequence element.</summary>
    public DicomElement(DicomTag tag, IReadOnlyList<DicomDataset> items, long byteOffset = -1)
    {
        Tag = tag;
        VR = DicomVR.SQ;
        Items = items;
        ByteOffset = byteOffset;
    }

    /// <summary>Creates an encapsulated pixel data element.</summary>
    public DicomElement(DicomTag tag, DicomVR vr, DicomFragments fragments, long byteOffset = -1)
    {
        Tag = tag;
        VR = vr;
        Fragments = fragments;
        ByteOffset = byteOffset;
    }

    /// <summary>The element's tag.</summary>
    public DicomTag Tag { get; }

    /// <summary>The VR as stored (explicit VR) or as looked up (implicit VR; UN when unknown).</summary>
    public DicomVR VR { get; }

    private ReadOnlyMemory<byte> _rawValue;
    private bool _loaded;

    /// <summary>
    /// The value bytes as stored, in the dataset's byte order. Empty for sequences and encapsulated data. A deferred
    /// value is read from its file on first access and kept.
    /// </summary>
    public ReadOnlyMemory<byte> RawValue
    {
        get
        {
            if (Deferred is null || _loaded) return _rawValue;
            var bytes = GC.AllocateUninitializedArray<byte>(Deferred.Length);
            Deferred.Read(0, bytes);
            _rawValue = bytes;
            _loaded = true;
            return _rawValue;
        }
        private init => _rawValue = value;
    }

    /// <summary>Where a value not yet read lies in its file; null for values held in memory.</summary>
    public DicomDeferredValue? Deferred { get; }

    /// <summary>True when <see cref="RawValue"/> is big endian (explicit VR big endian datasets).</summary>
    public bool IsBigEndian { get; }

    /// <summary>Offset of the element's tag in the parsed buffer, or -1 for elements made in memory.</summary>
    public long ByteOffset { get; }

    /// <summary>Items of a sequence (VR SQ, or UN with undefined length read as a sequence); null otherwise.</summary>
    public IReadOnlyList<DicomDataset>? Items { get; }

    /// <summary>Fragments of encapsulated pixel data; null otherwise.</summary>
    public DicomFragments? Fragments { get; }

    /// <summary>Value length in bytes (raw or deferred value; 0 for sequences and encapsulated data).</summary>
    public int Length => Deferred?.Length ?? _rawValue.Length;

    /// <summary>
    /// Decodes a text value into its values (split at backslash except for LT, ST, UT, UR), trailing padding removed.
    /// </summary>
    public string[] GetStrings(Encoding encoding)
    {
        if (RawValue.IsEmpty) return [];
        var text = encoding.GetString(RawValue.Span);
        if (DicomVRInfo.IsSingleValuedText(VR)) return [text.TrimEnd(' ', '\0')];
        var parts = text.Split('\\');
        for (int i = 0; i < parts.Length; i++) parts[i] = parts[i].Trim(' ', '\0');
        return parts;
    }

    /// <summary>
    /// Decodes a numeric value into doubles: binary VRs (US SS UL SL FL FD SV UV OW OL OF OD OV AT) by their unit
    /// size and byte order, DS and IS by parsing text. Returns false for VRs with no numeric reading (e.g. UN, OB)
    /// or text that does not parse.
    /// </summary>
    public bool TryGetNumbers(out double[] values)
    {
        values = [];
        var span = RawValue.Span;
        if (VR is DicomVR.DS or DicomVR.IS)
        {
            var parts = GetStrings(Encoding.ASCII);
            var result = new List<double>(parts.Length);
            foreach (var p in parts)
            {
                if (p.Length == 0) continue;
                if (!double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) return false;
                result.Add(v);
            }
            values = [.. result];
            return true;
        }
        int size = DicomVRInfo.UnitSize(VR);
        if (VR is DicomVR.UN or DicomVR.OB or DicomVR.SQ || DicomVRInfo.IsText(VR) || VR == DicomVR.None) return false;
        int count = span.Length / size;
        values = new double[count];
        for (int i = 0; i < count; i++) values[i] = ReadNumber(span.Slice(i * size, size));
        return true;
    }

    private double ReadNumber(ReadOnlySpan<byte> b)
    {
        bool be = IsBigEndian;
        return VR switch
        {
            DicomVR.US or DicomVR.OW => be ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b),
            DicomVR.SS => be ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b),
            DicomVR.UL or DicomVR.OL or DicomVR.AT => be ? BinaryPrimitives.ReadUInt32BigEndian(b) : BinaryPrimitives.ReadUInt32LittleEndian(b),
            DicomVR.SL => be ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b),
            DicomVR.FL or DicomVR.OF => be ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b),
            DicomVR.FD or DicomVR.OD => be ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b),
            DicomVR.SV => be ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b),
            DicomVR.UV or DicomVR.OV => be ? BinaryPrimitives.ReadUInt64BigEndian(b) : BinaryPrimitives.ReadUInt64LittleEndian(b),
            _ => double.NaN,
        };
    }

    /// <summary>The same value read with another VR, for private or implicit elements whose VR the caller knows.</summary>
    public DicomElement WithVR(DicomVR vr) => Items is not null || Fragments is not null
        ? this
        : Deferred is not null && !_loaded ? new DicomElement(Tag, vr, Deferred, IsBigEndian, ByteOffset)
        : new DicomElement(Tag, vr, RawValue, IsBigEndian, ByteOffset);

    /// <inheritdoc />
    public override string ToString() =>
        Items is not null ? $"{Tag} SQ {Items.Count} item(s)" :
        Fragments is not null ? $"{Tag} {VR} {Fragments.Fragments.Count} fragment(s)" :
        $"{Tag} {VR} {Length} byte(s)";
}
