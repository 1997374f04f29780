using System.Buffers.Binary;

namespace IronNotebooks.Dicom.IO;

/// <summary>
/// Parses a dataset from a byte buffer. Every length is checked against what remains before it is used, so a corrupt
/// length can neither allocate nor read past the data: values are views of the buffer, never copies.
/// </summary>
internal sealed class DicomParser
{
    private const uint UndefinedLength = 0xFFFFFFFF;
    private static readonly DicomTag ItemTag = DicomTags.Item;
    private static readonly DicomTag ItemDelimiter = DicomTags.ItemDelimitationItem;
    private static readonly DicomTag SequenceDelimiter = DicomTags.SequenceDelimitationItem;

    private readonly ReadOnlyMemory<byte> _data;
    private readonly string? _path;
    private readonly DicomReadOptions _options;
    private readonly List<DicomDiagnostic> _diagnostics;
    private readonly string _offsetNote;
    private readonly bool _stopAtPixelData;
    private readonly long _logicalLength;
    private int _pos;

    // stopAtPixelData: stop before a top-level pixel data element (StoppedAt says where); implied by ReadPixelData = false.
    // logicalLength: length of the whole file when data is only its head; the pixel data's declared length is checked
    // against it instead of the buffer.
    public DicomParser(ReadOnlyMemory<byte> data, int start, string? path, DicomReadOptions options,
        List<DicomDiagnostic> diagnostics, string offsetNote = "", bool stopAtPixelData = false, long? logicalLength = null)
    {
        _data = data;
        _pos = start;
        _path = path;
        _options = options;
        _diagnostics = diagnostics;
        _offsetNote = offsetNote;
        _stopAtPixelData = stopAtPixelData || !options.ReadPixelData;
        _logicalLength = logicalLength ?? data.Length;
    }

    public int Position => _pos;

    /// <summary>Where parsing stopped before top-level pixel data, if it did.</summary>
    public PixelDataStop? StoppedAt { get; private set; }

    /// <summary>The header of a pixel data element the parser stopped before.</summary>
    public sealed record PixelDataStop(DicomTag Tag, DicomVR VR, uint Length, int ElementOffset, int ValueOffset, bool BigEndian)
    {
        /// <summary>True for encapsulated (undefined-length) pixel data.</summary>
        public bool IsEncapsulated => Length == UndefinedLength;
    }

    /// <summary>Parses elements into <paramref name="dataset"/> until the end of data or until <paramref name="stopBefore"/> says stop.</summary>
    public void ParseTopLevel(DicomDataset dataset, bool explicitVR, bool bigEndian, Func<DicomTag, bool>? stopBefore = null)
    {
        ParseElements(dataset, _data.Length, explicitVR, bigEndian, untilItemDelimiter: false, depth: 0, stopBefore);
    }

    /// <summary>Reads the tag at the current position without consuming it; false if fewer than 4 bytes remain.</summary>
    public bool TryPeekTag(bool bigEndian, out DicomTag tag)
    {
        tag = default;
        if (_data.Length - _pos < 4) return false;
        tag = ReadTag(_pos, bigEndian);
        return true;
    }

    private void ParseElements(DicomDataset dataset, int end, bool explicitVR, bool bigEndian, bool untilItemDelimiter,
        int depth, Func<DicomTag, bool>? stopBefore = null)
    {
        DicomTag? previous = null;
        while (true)
        {
            if (_pos >= end)
            {
                if (untilItemDelimiter)
                    throw Truncated("Item of undefined length has no Item Delimitation Item (FFFE,E00D)", 8, end - _pos, _pos, null);
                return;
            }
            int remaining = end - _pos;
            if (remaining < 8)
            {
                if (depth == 0 && _data.Span.Slice(_pos, remaining).IndexOfAnyExcept((byte)0) < 0)
                {
                    Warn($"{remaining} trailing zero byte(s) after the last element ignored", _pos, null);
                    _pos = end;
                    return;
                }
                throw Truncated("Element header", 8, remaining, _pos, null);
            }

            int elementStart = _pos;
            var tag = ReadTag(_pos, bigEndian);
            if (stopBefore is not null && stopBefore(tag)) return;
            // Headers only, or pixels left in the file: stop before the pixel data rather than after, so nothing of it
            // is parsed or kept; its declared length is still checked against the whole file, so a truncated file
            // is found without reading pixels.
            if (depth == 0 && _stopAtPixelData && tag.Group == 0x7FE0 && tag.Element is 0x0008 or 0x0009 or 0x0010)
            {
                int start = _pos;
                ReadElementHeader(tag, explicitVR, bigEndian, end, out var vr, out var length);
                long available = _logicalLength - _pos;
                if (length != UndefinedLength && length > available)
                    throw Truncated($"Value of {tag} {DicomDictionary.NameOf(tag)} (VR {vr})", length, available, start, tag);
                StoppedAt = new PixelDataStop(tag, vr, length, start, _pos, bigEndian);
                _pos = start;
                return;
            }

            if (tag.Group == 0xFFFE)
            {
                uint delimiterLength = ReadUInt32(_pos + 4, bigEndian);
                if (tag == ItemDelimiter)
                {
                    _pos += 8;
                    if (delimiterLength != 0) Warn($"Item Delimitation Item has length {delimiterLength}, expected 0", elementStart, tag);
                    if (untilItemDelimiter) return;
                    Warn("Item Delimitation Item outside an item ignored", elementStart, tag);
                    continue;
                }
                throw Format($"Unexpected {(tag == ItemTag ? "Item" : tag == SequenceDelimiter ? "Sequence Delimitation Item" : "delimiter")} tag {tag} among dataset elements; a sequence or item length is wrong",
                    elementStart, tag);
            }

            var element = ReadElement(tag, explicitVR, bigEndian, end, depth, dataset);
            if (previous is { } p && tag <= p)
            {
                if (tag == p) Warn("Duplicate element; the later one is kept", elementStart, tag);
                else Warn($"Element out of ascending tag order (after {p})", elementStart, tag);
            }
            previous = tag;
            dataset.Set(element);
            ResolveAmbiguousVR(dataset, element);
        }
    }

    private DicomElement ReadElement(DicomTag tag, bool explicitVR, bool bigEndian, int end, int depth, DicomDataset owner)
    {
        int elementStart = _pos;
        ReadElementHeader(tag, explicitVR, bigEndian, end, out var vr, out var length);
        return ReadValue(tag, vr, length, elementStart, explicitVR, bigEndian, end, depth, owner);
    }

    /// <summary>Reads tag, VR and length at the current position (which must be the element's start) and moves past them.</summary>
    private void ReadElementHeader(DicomTag tag, bool explicitVR, bool bigEndian, int end, out DicomVR vr, out uint length)
    {
        int elementStart = _pos;
        _pos += 4;
        if (explicitVR)
        {
            var s = _data.Span;
            if (DicomVRInfo.TryParse(s[_pos], s[_pos + 1], out vr))
            {
                if (DicomVRInfo.HasLongExplicitLength(vr))
                {
                    if (end - _pos < 8) throw Truncated("Explicit VR element header", 8, end - _pos, elementStart, tag);
                    length = ReadUInt32(_pos + 4, bigEndian);
                    _pos += 8;
                }
                else
                {
                    length = ReadUInt16(_pos + 2, bigEndian);
                    _pos += 4;
                }
            }
            else
            {
                // Some writers put an implicit-VR element inside an explicit-VR dataset. The two bytes are then the
                // low half of a 32-bit length, never two capital letters; read the element as implicit.
                if (_options.Validation == DicomValidation.Strict)
                    throw Format($"Invalid VR bytes 0x{s[_pos]:X2} 0x{s[_pos + 1]:X2} in an explicit VR dataset", elementStart, tag);
                Warn($"Invalid VR bytes 0x{s[_pos]:X2} 0x{s[_pos + 1]:X2}; element read as implicit VR", elementStart, tag);
                vr = DicomDictionary.ImplicitVR(tag);
                length = ReadUInt32(_pos, bigEndian);
                _pos += 4;
            }
        }
        else
        {
            vr = tag == DicomTags.PixelData ? DicomVR.OW : DicomDictionary.ImplicitVR(tag);
            length = ReadUInt32(_pos, bigEndian);
            _pos += 4;
        }
    }

    private DicomElement ReadValue(DicomTag tag, DicomVR vr, uint length, int elementStart, bool explicitVR, bool bigEndian, int end,
        int depth, DicomDataset owner)
    {
        if (length == UndefinedLength)
        {
            if (tag == DicomTags.PixelData) return ReadFragments(tag, vr, elementStart, end);
            if (vr == DicomVR.SQ)
                return new DicomElement(tag, ReadItems(tag, end, undefinedLength: true, explicitVR, bigEndian, depth, owner), elementStart);
            if (vr == DicomVR.UN)
                // PS3.5 §6.2.2: a UN element of undefined length is a sequence encoded in implicit VR little endian.
                return new DicomElement(tag, ReadItems(tag, end, undefinedLength: true, explicitVR: false, bigEndian: false, depth, owner), elementStart);
            throw Format($"Undefined length (0xFFFFFFFF) is allowed only for sequences and pixel data, not VR {vr}", elementStart, tag);
        }

        if (length > (uint)(end - _pos))
            throw Truncated($"Value of {tag} {DicomDictionary.NameOf(tag)} (VR {vr})", length, end - _pos, elementStart, tag);

        int len = (int)length;
        if ((len & 1) == 1)
        {
            if (_options.Validation == DicomValidation.Strict) throw Format($"Odd value length {len}", elementStart, tag);
            Warn($"Odd value length {len} (the standard requires even lengths)", elementStart, tag);
        }

        if (vr == DicomVR.SQ)
        {
            int itemsEnd = _pos + len;
            var items = ReadItems(tag, itemsEnd, undefinedLength: false, explicitVR, bigEndian, depth, owner);
            _pos = itemsEnd;
            return new DicomElement(tag, items, elementStart);
        }

        var value = _data.Slice(_pos, len);
        _pos += len;
        return new DicomElement(tag, vr, value, bigEndian, elementStart);
    }

    private List<DicomDataset> ReadItems(DicomTag sequenceTag, int end, bool undefinedLength, bool explicitVR,
        bool bigEndian, int depth, DicomDataset owner)
    {
        if (depth + 1 > _options.MaxSequenceDepth)
            throw Format($"Sequences nested deeper than {_options.MaxSequenceDepth} levels; the data is corrupt", _pos, sequenceTag);
        var items = new List<DicomDataset>();
        while (true)
        {
            if (_pos >= end)
            {
                if (undefinedLength)
                    throw Truncated($"Sequence {sequenceTag} of undefined length has no Sequence Delimitation Item (FFFE,E0DD)", 8, end - _pos, _pos, sequenceTag);
                return items;
            }
            if (end - _pos < 8) throw Truncated($"Item header in sequence {sequenceTag}", 8, end - _pos, _pos, sequenceTag);
            int itemStart = _pos;
            var tag = ReadTag(_pos, bigEndian);
            uint length = ReadUInt32(_pos + 4, bigEndian);
            _pos += 8;
            if (tag == SequenceDelimiter)
            {
                if (!undefinedLength) Warn("Sequence Delimitation Item in a sequence of defined length", itemStart, sequenceTag);
                return items;
            }
            if (tag != ItemTag)
                throw Format($"Expected an Item (FFFE,E000) in sequence {sequenceTag}, found {tag}", itemStart, sequenceTag);

            var item = new DicomDataset(owner.SourcePath) { TextEncoding = owner.TextEncoding };
            if (length == UndefinedLength)
            {
                ParseElements(item, end, explicitVR, bigEndian, untilItemDelimiter: true, depth + 1);
            }
            else
            {
                if (length > (uint)(end - _pos))
                    throw Truncated($"Item {items.Count + 1} of sequence {sequenceTag}", length, end - _pos, itemStart, sequenceTag);
                int itemEnd = _pos + (int)length;
                ParseElements(item, itemEnd, explicitVR, bigEndian, untilItemDelimiter: false, depth + 1);
                _pos = itemEnd;
            }
            items.Add(item);
        }
    }

    private DicomElement ReadFragments(DicomTag tag, DicomVR vr, int elementStart, int end)
    {
        // Encapsulated pixel data is always little endian (PS3.5 §A.4).
        var offsets = new List<uint>();
        var fragments = new List<DicomFragment>();
        bool first = true;
        while (true)
        {
            if (end - _pos < 8)
                throw Truncated("Encapsulated pixel data ends before its Sequence Delimitation Item", 8, end - _pos, _pos, tag);
            int itemStart = _pos;
            var itemTag = ReadTag(_pos, bigEndian: false);
            uint length = ReadUInt32(_pos + 4, bigEndian: false);
            _pos += 8;
            if (itemTag == SequenceDelimiter) break;
            if (itemTag != ItemTag) throw Format($"Expected a fragment Item (FFFE,E000) in encapsulated pixel data, found {itemTag}", itemStart, tag);
            if (length == UndefinedLength || length > (uint)(end - _pos))
                throw Truncated($"Pixel data fragment {fragments.Count + (first ? 0 : 1)}", length == UndefinedLength ? -1 : length, end - _pos, itemStart, tag);
            var data = _data.Slice(_pos, (int)length);
            if (first)
            {
                var span = data.Span;
                for (int i = 0; i + 4 <= span.Length; i += 4) offsets.Add(BinaryPrimitives.ReadUInt32LittleEndian(span[i..]));
                first = false;
            }
            else fragments.Add(new DicomFragment(data, _pos));
            _pos += (int)length;
        }
        return new DicomElement(tag, vr, new DicomFragments(offsets, fragments), elementStart);
    }

    private void ResolveAmbiguousVR(DicomDataset dataset, DicomElement element)
    {
        // A few image-pixel tags are "US or SS" in PS3.6; the dictionary says US and Pixel Representation decides.
        if (element.VR == DicomVR.US && element.Tag.Group == 0x0028 && element.Tag.Element is 0x0106 or 0x0107 or 0x0120
            && dataset.GetIntOrDefault(DicomTags.PixelRepresentation, 0) == 1 && dataset.Find(element.Tag) == element)
            dataset.Set(element.WithVR(DicomVR.SS));
    }

    private DicomTag ReadTag(int at, bool bigEndian) => new(ReadUInt16(at, bigEndian), ReadUInt16(at + 2, bigEndian));

    private ushort ReadUInt16(int at, bool bigEndian)
    {
        var s = _data.Span.Slice(at, 2);
        return bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s);
    }

    private uint ReadUInt32(int at, bool bigEndian)
    {
        var s = _data.Span.Slice(at, 4);
        return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s);
    }

    private void Warn(string message, long offset, DicomTag? tag)
    {
        if (_options.Validation == DicomValidation.Lenient) return;
        _diagnostics.Add(new DicomDiagnostic(message + _offsetNote, offset, tag));
    }

    private DicomFormatException Format(string message, long offset, DicomTag? tag) =>
        new(message + _offsetNote, _path, offset, tag);

    private DicomTruncatedException Truncated(string what, long expected, long available, long offset, DicomTag? tag) =>
        new(what + _offsetNote, expected, available, _path, offset, tag);
}
