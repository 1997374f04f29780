using System.Buffers.Binary;
using System.Text;

namespace IronNotebooks.Dicom.Tests.Support;

/// <summary>Builds raw DICOM byte streams by hand, so parser tests control every byte.</summary>
public sealed class DatasetBytes
{
    private readonly List<byte> _bytes = [];
    private readonly bool _bigEndian;

    public DatasetBytes(bool bigEndian = false) => _bigEndian = bigEndian;

    public int Length => _bytes.Count;

    public DatasetBytes Raw(params byte[] bytes) { _bytes.AddRange(bytes); return this; }

    public DatasetBytes U16(int v)
    {
        var b = new byte[2];
        if (_bigEndian) BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)v); else BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v);
        return Raw(b);
    }

    public DatasetBytes U32(uint v)
    {
        var b = new byte[4];
        if (_bigEndian) BinaryPrimitives.WriteUInt32BigEndian(b, v); else BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return Raw(b);
    }

    public DatasetBytes Tag(int group, int element) => U16(group).U16(element);

    /// <summary>An explicit-VR element with a short (16-bit) length.</summary>
    public DatasetBytes Explicit(int group, int element, string vr, byte[] value) =>
        Tag(group, element).Raw(Encoding.ASCII.GetBytes(vr)).U16(value.Length).Raw(value);

    /// <summary>An explicit-VR element with a long (32-bit) length, e.g. OB, OW, SQ, UN.</summary>
    public DatasetBytes ExplicitLong(int group, int element, string vr, uint length) =>
        Tag(group, element).Raw(Encoding.ASCII.GetBytes(vr)).U16(0).U32(length);

    public DatasetBytes Implicit(int group, int element, byte[] value) => Tag(group, element).U32((uint)value.Length).Raw(value);

    public DatasetBytes Text(int group, int element, string vr, string text)
    {
        var b = Encoding.ASCII.GetBytes(text.Length % 2 == 1 ? text + (vr == "UI" ? "\0" : " ") : text);
        return Explicit(group, element, vr, b);
    }

    public DatasetBytes Item(uint length) => Tag(0xFFFE, 0xE000).U32(length);
    public DatasetBytes ItemEnd() => Tag(0xFFFE, 0xE00D).U32(0);
    public DatasetBytes SequenceEnd() => Tag(0xFFFE, 0xE0DD).U32(0);

    public byte[] ToArray() => [.. _bytes];

    /// <summary>A Part 10 file: preamble, DICM, meta group naming <paramref name="transferSyntax"/>, then <paramref name="dataset"/>.</summary>
    public static byte[] Part10(string transferSyntax, byte[] dataset)
    {
        var meta = new DatasetBytes().Text(0x0002, 0x0010, "UI", transferSyntax).ToArray();
        var head = new DatasetBytes().Raw(new byte[128]).Raw("DICM"u8.ToArray())
            .Explicit(0x0002, 0x0000, "UL", BitConverter.GetBytes((uint)meta.Length)).Raw(meta).Raw(dataset);
        return head.ToArray();
    }

    public static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);
}
