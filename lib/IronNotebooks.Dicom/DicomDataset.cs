using System.Buffers.Binary;
using System.Collections;
using System.Globalization;
using System.Text;

namespace IronNotebooks.Dicom;

/// <summary>
/// An ordered set of data elements (a dataset or a sequence item). Typed access follows one pattern per type:
/// <c>GetX</c> throws <see cref="DicomMissingTagException"/> naming the tag and file, <c>TryGetX</c> returns false,
/// <c>GetXOrDefault</c> returns the given default. Missing, empty and unreadable values are treated alike.
/// </summary>
public sealed class DicomDataset : IEnumerable<DicomElement>
{
    private readonly SortedList<DicomTag, DicomElement> _elements = [];

    /// <summary>Creates an empty dataset.</summary>
    public DicomDataset(string? sourcePath = null) => SourcePath = sourcePath;

    /// <summary>The file this dataset came from, used in error messages.</summary>
    public string? SourcePath { get; internal set; }

    /// <summary>Encoding of text values: from Specific Character Set (0008,0005), inherited by sequence items.</summary>
    public Encoding TextEncoding { get; internal set; } = DicomCharacterSets.Default;

    /// <summary>Number of elements.</summary>
    public int Count => _elements.Count;

    /// <summary>True when the dataset holds the tag (even with an empty value).</summary>
    public bool Contains(DicomTag tag) => _elements.ContainsKey(tag);

    /// <summary>The element for a tag, or null.</summary>
    public DicomElement? Find(DicomTag tag) => _elements.TryGetValue(tag, out var e) ? e : null;

    /// <summary>Adds or replaces an element.</summary>
    public void Set(DicomElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        _elements[element.Tag] = element;
        if (element.Tag == DicomTags.SpecificCharacterSet) TextEncoding = DicomCharacterSets.FromElement(element);
    }

    /// <summary>Removes an element; false when it was absent.</summary>
    public bool Remove(DicomTag tag) => _elements.Remove(tag);

    // ---- writing helpers: values are encoded little endian, as the writer stores them ----

    /// <summary>Sets a text element (multiple values joined with backslash).</summary>
    public void SetString(DicomTag tag, DicomVR vr, params string[] values)
    {
        if (!DicomVRInfo.IsText(vr)) throw new ArgumentException($"VR {vr} is not a text VR; use SetNumbers for binary values.", nameof(vr));
        var bytes = TextEncoding.GetBytes(string.Join('\\', values));
        Set(new DicomElement(tag, vr, bytes));
    }

    /// <summary>Sets a DS or IS element from numbers, formatted invariantly within the VR's 16-character limit.</summary>
    public void SetDecimalString(DicomTag tag, params double[] values)
    {
        var text = values.Select(DicomNumberFormat.FormatDS).ToArray();
        Set(new DicomElement(tag, DicomVR.DS, Encoding.ASCII.GetBytes(string.Join('\\', text))));
    }

    /// <summary>Sets an IS element.</summary>
    public void SetIntegerString(DicomTag tag, params long[] values) =>
        Set(new DicomElement(tag, DicomVR.IS, Encoding.ASCII.GetBytes(string.Join('\\', values.Select(v => v.ToString(CultureInfo.InvariantCulture))))));

    /// <summary>Sets a binary numeric element (US SS UL SL FL FD) from numbers, little endian.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value does not fit the VR.</exception>
    public void SetNumbers(DicomTag tag, DicomVR vr, params double[] values)
    {
        int size = DicomVRInfo.UnitSize(vr);
        var bytes = new byte[values.Length * size];
        for (int i = 0; i < values.Length; i++)
        {
            var s = bytes.AsSpan(i * size, size);
            double v = values[i];
            switch (vr)
            {
                case DicomVR.US: BinaryPrimitives.WriteUInt16LittleEndian(s, checked((ushort)Whole(v, vr))); break;
                case DicomVR.SS: BinaryPrimitives.WriteInt16LittleEndian(s, checked((short)Whole(v, vr))); break;
                case DicomVR.UL: BinaryPrimitives.WriteUInt32LittleEndian(s, checked((uint)Whole(v, vr))); break;
                case DicomVR.SL: BinaryPrimitives.WriteInt32LittleEndian(s, checked((int)Whole(v, vr))); break;
                case DicomVR.FL: BinaryPrimitives.WriteSingleLittleEndian(s, (float)v); break;
                case DicomVR.FD: BinaryPrimitives.WriteDoubleLittleEndian(s, v); break;
                default: throw new ArgumentException($"SetNumbers takes US, SS, UL, SL, FL or FD, not {vr}.", nameof(vr));
            }
        }
        Set(new DicomElement(tag, vr, bytes));
    }

    private static double Whole(double v, DicomVR vr) => double.IsFinite(v) && Math.Floor(v) == v
        ? v
        : throw new ArgumentOutOfRangeException(nameof(v), v, $"VR {vr} holds whole numbers only.");

    /// <summary>Sets a sequence element.</summary>
    public void SetSequence(DicomTag tag, params DicomDataset[] items) => Set(new DicomElement(tag, items));

    // ---- strings ----

    /// <summary>All values of a text element.</summary>
    public bool TryGetStrings(DicomTag tag, out string[] values)
    {
        values = [];
        var e = Find(tag);
        if (e is null || e.Items is not null || e.Fragments is not null) return false;
        values = e.GetStrings(TextEncoding);
        return values.Length > 0;
    }

    /// <summary>All values of a text element.</summary>
    /// <exception cref="DicomMissingTagException">Absent or empty.</exception>
    public string[] GetStrings(DicomTag tag) =>
        TryGetStrings(tag, out var v) ? v : throw Missing(tag, "text");

    /// <summary>The value (all values joined with backslash) of a text element.</summary>
    public bool TryGetString(DicomTag tag, out string value)
    {
        var ok = TryGetStrings(tag, out var values);
        value = ok ? string.Join('\\', values) : "";
        return ok && value.Length > 0;
    }

    /// <summary>The value of a text element (values joined with backslash).</summary>
    /// <exception cref="DicomMissingTagException">Absent or empty.</exception>
    public string GetString(DicomTag tag) => TryGetString(tag, out var v) ? v : throw Missing(tag, "text");

    /// <summary>The value of a text element, or <paramref name="defaultValue"/>.</summary>
    public string? GetStringOrDefault(DicomTag tag, string? defaultValue = null) =>
        TryGetString(tag, out var v) ? v : defaultValue;

    // ---- numbers ----

    /// <summary>All numeric values of an element (binary numeric VRs, DS, IS).</summary>
    public bool TryGetDoubles(DicomTag tag, out double[] values)
    {
        values = [];
        var e = Find(tag);
        return e is not null && e.TryGetNumbers(out values) && values.Length > 0;
    }

    /// <summary>All numeric values of an element.</summary>
    /// <exception cref="DicomMissingTagException">Absent, empty or not numeric.</exception>
    public double[] GetDoubles(DicomTag tag) => TryGetDoubles(tag, out var v) ? v : throw Missing(tag, "numeric");

    /// <summary>One numeric value of an element (zero-based <paramref name="index"/>).</summary>
    public bool TryGetDouble(DicomTag tag, out double value, int index = 0)
    {
        value = double.NaN;
        if (!TryGetDoubles(tag, out var values) || index < 0 || index >= values.Length) return false;
        value = values[index];
        return true;
    }

    /// <summary>One numeric value of an element.</summary>
    /// <exception cref="DicomMissingTagException">Absent, empty, not numeric or with fewer values than <paramref name="index"/> + 1.</exception>
    public double GetDouble(DicomTag tag, int index = 0) =>
        TryGetDouble(tag, out var v, index) ? v : throw Missing(tag, index == 0 ? "numeric" : $"numeric (value {index + 1})");

    /// <summary>One numeric value of an element, or <paramref name="defaultValue"/>.</summary>
    public double GetDoubleOrDefault(DicomTag tag, double defaultValue, int index = 0) =>
        TryGetDouble(tag, out var v, index) ? v : defaultValue;

    /// <summary>One integer value (binary integer VRs or IS; a DS or float with a fractional part is refused).</summary>
    public bool TryGetInt(DicomTag tag, out int value, int index = 0)
    {
        value = 0;
        if (!TryGetDouble(tag, out var d, index) || Math.Floor(d) != d || d < int.MinValue || d > int.MaxValue) return false;
        value = (int)d;
        return true;
    }

    /// <summary>One integer value.</summary>
    /// <exception cref="DicomMissingTagException">Absent, empty, not an integer.</exception>
    public int GetInt(DicomTag tag, int index = 0) => TryGetInt(tag, out var v, index) ? v : throw Missing(tag, "integer");

    /// <summary>One integer value, or <paramref name="defaultValue"/>.</summary>
    public int GetIntOrDefault(DicomTag tag, int defaultValue, int index = 0) =>
        TryGetInt(tag, out var v, index) ? v : defaultValue;

    // ---- sequences ----

    /// <summary>The items of a sequence.</summary>
    public bool TryGetSequence(DicomTag tag, out IReadOnlyList<DicomDataset> items)
    {
        items = Find(tag)?.Items ?? [];
        return Find(tag)?.Items is not null;
    }

    /// <summary>The items of a sequence.</summary>
    /// <exception cref="DicomMissingTagException">Absent or not a sequence.</exception>
    public IReadOnlyList<DicomDataset> GetSequence(DicomTag tag) =>
        TryGetSequence(tag, out var items) ? items : throw Missing(tag, "sequence");

    /// <summary>The first item of a sequence, or null.</summary>
    public DicomDataset? GetFirstItemOrDefault(DicomTag tag) =>
        TryGetSequence(tag, out var items) && items.Count > 0 ? items[0] : null;

    // ---- raw bytes ----

    /// <summary>The raw value bytes as stored (byte order of the dataset).</summary>
    /// <exception cref="DicomMissingTagException">Absent.</exception>
    public ReadOnlyMemory<byte> GetRawValue(DicomTag tag) => Find(tag)?.RawValue ?? throw Missing(tag, "raw");

    /// <summary>
    /// The private creator that reserves the block of a private tag (e.g. "Philips MR Imaging DD 001" for
    /// (2005,100E)), or null when the creator element is absent.
    /// </summary>
    public string? PrivateCreatorOf(DicomTag privateTag)
    {
        if (!privateTag.IsPrivate || privateTag.Element < 0x1000) return null;
        var creatorTag = new DicomTag(privateTag.Group, (ushort)(privateTag.Element >> 8));
        var e = Find(creatorTag);
        return e is null ? null : string.Join('\\', e.WithVR(DicomVR.LO).GetStrings(TextEncoding));
    }

    private DicomMissingTagException Missing(DicomTag tag, string kind) =>
        new(tag, Contains(tag)
            ? $"Element has no readable {kind} value (VR {Find(tag)!.VR}, {Find(tag)!.Length} bytes)"
            : $"Required element is absent (wanted a {kind} value)", SourcePath);

    /// <inheritdoc />
    public IEnumerator<DicomElement> GetEnumerator() => _elements.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
