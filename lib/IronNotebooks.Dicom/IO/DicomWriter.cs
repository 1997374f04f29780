using System.Buffers.Binary;
using System.Text;

namespace IronNotebooks.Dicom.IO;

/// <summary>
/// Writes Part 10 files in explicit VR little endian: 128-byte zero preamble, "DICM", a file meta group made anew from
/// the dataset (SOP class and instance, transfer syntax, this implementation), then the dataset with sequences and
/// items of undefined length. Values are padded to even length as their VR requires; big-endian values read from
/// other files are swapped.
/// </summary>
public static class DicomWriter
{
    /// <summary>Writes <paramref name="dataset"/> to <paramref name="path"/> (see the type's summary).</summary>
    /// <param name="path">Destination file; overwritten.</param>
    /// <param name="dataset">The dataset; must hold SOP Class UID and SOP Instance UID, and native pixel data.</param>
    /// <param name="sourceMeta">Optional meta group of the file the dataset came from; its Source AE title is kept.</param>
    /// <exception cref="ArgumentException">The dataset lacks its SOP UIDs or holds encapsulated pixel data.</exception>
    public static void Write(string path, DicomDataset dataset, DicomDataset? sourceMeta = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.Create(path);
        Write(stream, dataset, sourceMeta);
    }

    /// <summary>Writes to a stream (see <see cref="Write(string, DicomDataset, DicomDataset?)"/>).</summary>
    public static void Write(Stream stream, DicomDataset dataset, DicomDataset? sourceMeta = null) =>
        Write(stream, dataset, sourceMeta, DicomTransferSyntax.ExplicitVRLittleEndian);

    /// <summary>
    /// Writes a dataset whose pixel data may still be encapsulated (compressed) in <paramref name="transferSyntax"/>:
    /// the fragments are written as they are, unchanged, and the meta group names that syntax. A dataset with native
    /// pixel data is written in explicit VR little endian whatever <paramref name="transferSyntax"/> says (every
    /// encapsulated syntax encodes the dataset that way, PS3.5 §A.4).
    /// </summary>
    public static void Write(Stream stream, DicomDataset dataset, DicomDataset? sourceMeta, DicomTransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(transferSyntax);
        bool encapsulated = transferSyntax.IsEncapsulated && dataset?.Find(DicomTags.PixelData)?.Fragments is not null;
        WriteCore(stream, dataset!, sourceMeta, encapsulated ? transferSyntax : DicomTransferSyntax.ExplicitVRLittleEndian);
    }

    private static void WriteCore(Stream stream, DicomDataset dataset, DicomDataset? sourceMeta, DicomTransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(dataset);
        if (!dataset.TryGetString(DicomTags.SOPClassUID, out var sopClass) || !dataset.TryGetString(DicomTags.SOPInstanceUID, out var sopInstance))
            throw new ArgumentException("The dataset needs SOP Class UID (0008,0016) and SOP Instance UID (0008,0018) to be written as a Part 10 file.", nameof(dataset));

        var meta = BuildMeta(sopClass, sopInstance, sourceMeta, transferSyntax.Uid);
        var metaBody = new MemoryStream();
        var metaWriter = new BinaryWriter(metaBody);
        foreach (var e in meta) WriteElement(metaWriter, e, false);
        metaWriter.Flush();

        var header = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true);
        header.Write(new byte[128]);
        header.Write("DICM"u8);
        WriteElement(header, new DicomElement(DicomTags.FileMetaInformationGroupLength, DicomVR.UL, LittleEndian((uint)metaBody.Length)), false);
        header.Write(metaBody.GetBuffer(), 0, (int)metaBody.Length);
        foreach (var e in dataset)
        {
            if (e.Tag.Group == 0x0002) continue; // the meta group is written above, never inside the dataset
            WriteElement(header, e, transferSyntax.IsEncapsulated);
        }
        header.Flush();
    }

    /// <summary>Encapsulated pixel data (PS3.5 §A.4): OB of undefined length, the offset table item, each fragment as an item, the delimiter.</summary>
    private static void WriteFragments(BinaryWriter w, DicomTag tag, DicomFragments fragments)
    {
        w.Write(tag.Group);
        w.Write(tag.Element);
        w.Write("OB"u8);
        w.Write((ushort)0);
        w.Write(0xFFFFFFFFu);
        WriteItemHeader(w, 0xE000, (uint)(4 * fragments.BasicOffsetTable.Count));
        foreach (var offset in fragments.BasicOffsetTable) w.Write(offset);
        foreach (var f in fragments.Fragments)
        {
            int length = f.Data.Length + (f.Data.Length & 1);
            WriteItemHeader(w, 0xE000, (uint)length);
            w.Write(f.Data.Span);
            if ((f.Data.Length & 1) == 1) w.Write((byte)0);
        }
        WriteItemHeader(w, 0xE0DD, 0);
    }

    private static List<DicomElement> BuildMeta(string sopClass, string sopInstance, DicomDataset? sourceMeta, string transferSyntaxUid)
    {
        var meta = new DicomDataset();
        meta.Set(new DicomElement(DicomTags.FileMetaInformationVersion, DicomVR.OB, new byte[] { 0, 1 }));
        meta.SetString(DicomTags.MediaStorageSOPClassUID, DicomVR.UI, sopClass);
        meta.SetString(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, sopInstance);
        meta.SetString(DicomTags.TransferSyntaxUID, DicomVR.UI, transferSyntaxUid);
        meta.SetString(DicomTags.ImplementationClassUID, DicomVR.UI, DicomUid.ImplementationClassUid);
        meta.SetString(DicomTags.ImplementationVersionName, DicomVR.SH, DicomUid.ImplementationVersionName);
        var sourceAe = new DicomTag(0x0002, 0x0016);
        if (sourceMeta?.TryGetString(sourceAe, out var ae) == true) meta.SetString(sourceAe, DicomVR.AE, ae);
        return [.. meta];
    }

    private static void WriteElement(BinaryWriter w, DicomElement e, bool encapsulated)
    {
        if (e.Fragments is { } fragments)
        {
            if (!encapsulated)
                throw new ArgumentException($"Element {e.Tag} holds encapsulated (compressed) pixel data; decode it to native pixel data before writing explicit VR little endian.");
            WriteFragments(w, e.Tag, fragments);
            return;
        }
        w.Write(e.Tag.Group);
        w.Write(e.Tag.Element);
        if (e.Items is not null)
        {
            w.Write("SQ"u8);
            w.Write((ushort)0);
            w.Write(0xFFFFFFFFu);
            foreach (var item in e.Items)
            {
                WriteItemHeader(w, 0xE000, 0xFFFFFFFF);
                foreach (var child in item) WriteElement(w, child, encapsulated);
                WriteItemHeader(w, 0xE00D, 0);
            }
            WriteItemHeader(w, 0xE0DD, 0);
            return;
        }

        var vr = e.VR is DicomVR.None ? DicomVR.UN : e.VR;
        var value = e.RawValue.Span;
        int length = value.Length + (value.Length & 1);
        w.Write((byte)vr.ToString()[0]);
        w.Write((byte)vr.ToString()[1]);
        if (DicomVRInfo.HasLongExplicitLength(vr))
        {
            w.Write((ushort)0);
            w.Write((uint)length);
        }
        else
        {
            if (length > ushort.MaxValue)
                throw new ArgumentException($"Element {e.Tag} ({vr}) is {length} bytes, more than its VR's 16-bit length allows.");
            w.Write((ushort)length);
        }
        int unit = DicomVRInfo.UnitSize(vr);
        if (e.IsBigEndian && unit > 1)
        {
            var swapped = value.ToArray();
            for (int i = 0; i + unit <= swapped.Length; i += unit) swapped.AsSpan(i, unit).Reverse();
            w.Write(swapped);
        }
        else w.Write(value);
        if ((value.Length & 1) == 1) w.Write(DicomVRInfo.PaddingByte(vr));
    }

    private static void WriteItemHeader(BinaryWriter w, ushort element, uint length)
    {
        w.Write((ushort)0xFFFE);
        w.Write(element);
        w.Write(length);
    }

    private static byte[] LittleEndian(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return b;
    }
}
