using System.IO.Compression;
using IronNotebooks.Dicom.Imaging;
using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Dicom;

/// <summary>
/// A DICOM file: its file meta information (group 0002), its dataset and how it was encoded. Reads Part 10 files
/// (128-byte preamble + "DICM"), bare datasets without preamble or meta group, gzip-compressed files (.dcm.gz, detected
/// by content) and deflated datasets.
/// </summary>
public sealed class DicomFile
{
    private static readonly byte[] Magic = "DICM"u8.ToArray();

    internal DicomFile(string? filePath, DicomDataset meta, DicomDataset dataset, DicomTransferSyntax transferSyntax,
        bool hasPreamble, IReadOnlyList<DicomDiagnostic> diagnostics, bool pixelDataRead)
    {
        FilePath = filePath;
        FileMetaInformation = meta;
        Dataset = dataset;
        TransferSyntax = transferSyntax;
        HasPreamble = hasPreamble;
        Diagnostics = diagnostics;
        PixelDataRead = pixelDataRead;
    }

    /// <summary>The path the file was read from, or null for in-memory data.</summary>
    public string? FilePath { get; }

    /// <summary>File meta information (group 0002); empty for bare datasets.</summary>
    public DicomDataset FileMetaInformation { get; }

    /// <summary>The dataset.</summary>
    public DicomDataset Dataset { get; }

    /// <summary>The transfer syntax the dataset was encoded in (from the meta group, or inferred for bare datasets).</summary>
    public DicomTransferSyntax TransferSyntax { get; }

    /// <summary>True when the file had the 128-byte preamble and "DICM" prefix.</summary>
    public bool HasPreamble { get; }

    /// <summary>What the reader noticed and recovered from (empty with <see cref="DicomValidation.Lenient"/>).</summary>
    public IReadOnlyList<DicomDiagnostic> Diagnostics { get; }

    /// <summary>False when the file was read with <see cref="DicomReadOptions.ReadPixelData"/> off.</summary>
    public bool PixelDataRead { get; }

    /// <summary>How much of a file is read first; the header of almost every single-frame object fits.</summary>
    private const int HeadBytes = 64 * 1024;

    /// <summary>
    /// Reads a file from disk. Native pixel data of an uncompressed file stays in the file until a frame is asked for
    /// (<see cref="DicomDeferredValue"/>), so the head of the file is all that is read here; compressed, gzipped and
    /// deflated files, and files whose header is longer than the head, are read whole.
    /// </summary>
    /// <exception cref="DicomException">The file is not readable DICOM; the message names the file, offset and tag.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static DicomFile Open(string path, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= DicomReadOptions.Default;
        byte[] head;
        long fileLength;
        using (var handle = File.OpenHandle(path))
        {
            fileLength = RandomAccess.GetLength(handle);
            head = new byte[(int)Math.Min(fileLength, HeadBytes)];
            for (int done = 0, n; done < head.Length; done += n)
                if ((n = RandomAccess.Read(handle, head.AsSpan(done), done)) == 0) break;
        }
        if (head.Length == fileLength) return Open(head, path, options);   // small file: already all in memory
        bool gzip = head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B;
        if (!gzip)
        {
            try
            {
                var (file, stop) = Parse(head, path, options, stopAtPixelData: true, logicalLength: fileLength);
                if (file is not null && stop is not null)
                {
                    if (!options.ReadPixelData) return file;
                    if (!stop.IsEncapsulated) return WithDeferredPixelData(file, stop, path, fileLength, options);
                }
            }
            catch (DicomException) when (head.Length < fileLength)
            {
                // The head ended inside the header (or the data is corrupt): read the whole file, which either
                // succeeds or reports the problem with the whole file in view.
            }
        }
        return Open(File.ReadAllBytes(path), path, options);
    }

    private static DicomFile WithDeferredPixelData(DicomFile file, DicomParser.PixelDataStop stop, string path, long fileLength, DicomReadOptions options)
    {
        if (stop.Length > int.MaxValue)
            throw new DicomFormatException($"Pixel data of {stop.Length} bytes is larger than this reader handles (2 GiB)", path, stop.ElementOffset, stop.Tag);
        var deferred = new DicomDeferredValue(path, stop.ValueOffset, (int)stop.Length, fileLength);
        file.Dataset.Set(new DicomElement(stop.Tag, stop.VR, deferred, stop.BigEndian, stop.ElementOffset));
        long valueEnd = (long)stop.ValueOffset + stop.Length;
        if (valueEnd < fileLength)
        {
            // Elements after the pixel data (trailing padding, overlays in later groups) are read too: nothing is dropped.
            var tail = new byte[fileLength - valueEnd];
            using (var handle = File.OpenHandle(path))
                for (int done = 0, n; done < tail.Length; done += n)
                    if ((n = RandomAccess.Read(handle, tail.AsSpan(done), valueEnd + done)) == 0)
                        throw new DicomTruncatedException("Elements after the pixel data", tail.Length, done, path, valueEnd);
            var diagnostics = (List<DicomDiagnostic>)file.Diagnostics;
            new DicomParser(tail, 0, path, options, diagnostics, $" (offset within the {tail.Length} bytes after the pixel data, which start at {valueEnd})")
                .ParseTopLevel(file.Dataset, file.TransferSyntax.IsExplicitVR, file.TransferSyntax.IsBigEndian);
        }
        return file;
    }

    /// <summary>Reads a file from a stream (read to its end).</summary>
    public static DicomFile Open(Stream stream, string? sourceName = null, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return Open(ms.ToArray(), sourceName, options);
    }

    /// <summary>Reads a file held in memory; <paramref name="sourceName"/> is used in error messages.</summary>
    public static DicomFile Open(byte[] bytes, string? sourceName = null, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Parse(bytes, sourceName, options ?? DicomReadOptions.Default, stopAtPixelData: false, logicalLength: null).File!;
    }

    /// <summary>
    /// The reader proper. With <paramref name="stopAtPixelData"/> it stops before top-level pixel data and says where;
    /// it returns a null file when the buffer is only the head of a deflated file, which must be read whole.
    /// </summary>
    private static (DicomFile? File, DicomParser.PixelDataStop? Stop) Parse(byte[] bytes, string? sourceName, DicomReadOptions options,
        bool stopAtPixelData, long? logicalLength)
    {
        var diagnostics = new List<DicomDiagnostic>();

        if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
        {
            bytes = Inflate(new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress), sourceName, options, "gzip");
            logicalLength = null;
            if (options.Validation != DicomValidation.Lenient)
                diagnostics.Add(new DicomDiagnostic("File is gzip-compressed; offsets refer to the decompressed bytes"));
        }

        bool hasPreamble = bytes.Length >= 132 && bytes.AsSpan(128, 4).SequenceEqual(Magic);
        int start = hasPreamble ? 132 : bytes.Length >= 4 && bytes.AsSpan(0, 4).SequenceEqual(Magic) ? 4 : 0;
        var meta = new DicomDataset(sourceName);
        var parser = new DicomParser(bytes, start, sourceName, options, diagnostics, stopAtPixelData: stopAtPixelData, logicalLength: logicalLength);

        // The meta group is explicit VR little endian whatever the dataset's syntax (PS3.10 §7.1).
        bool hasMeta = parser.TryPeekTag(bigEndian: false, out var firstTag) && firstTag.Group == 0x0002;
        if (hasMeta) parser.ParseTopLevel(meta, explicitVR: true, bigEndian: false, stopBefore: t => t.Group != 0x0002);
        else if (hasPreamble) throw new DicomFormatException("File has a DICM prefix but no file meta information (group 0002)", sourceName, start);
        else RequireBareDatasetStart(bytes.AsSpan(start), sourceName);

        int datasetStart = parser.Position;
        DicomTransferSyntax ts;
        if (meta.TryGetString(DicomTags.TransferSyntaxUID, out var tsUid))
        {
            ts = DicomTransferSyntax.FromUid(tsUid);
            if (!DicomTransferSyntax.IsKnown(tsUid) && options.Validation != DicomValidation.Lenient)
                diagnostics.Add(new DicomDiagnostic($"Unknown transfer syntax {tsUid}; dataset read as explicit VR little endian", null, DicomTags.TransferSyntaxUID));
        }
        else
        {
            if (hasMeta && options.Validation == DicomValidation.Strict)
                throw new DicomMissingTagException(DicomTags.TransferSyntaxUID, "File meta information has no Transfer Syntax UID", sourceName);
            ts = InferTransferSyntax(bytes.AsSpan(datasetStart));
            if (options.Validation != DicomValidation.Lenient)
                diagnostics.Add(new DicomDiagnostic($"No transfer syntax in the file; inferred {ts.Name} from the first element", datasetStart));
        }

        var dataset = new DicomDataset(sourceName);
        DicomParser.PixelDataStop? stop = null;
        if (ts.IsDeflated)
        {
            if (logicalLength is { } whole && whole > bytes.Length) return (null, null);
            var inflated = Inflate(new DeflateStream(new MemoryStream(bytes, datasetStart, bytes.Length - datasetStart), CompressionMode.Decompress),
                sourceName, options, "deflate");
            new DicomParser(inflated, 0, sourceName, options, diagnostics, " (offset within the inflated dataset)")
                .ParseTopLevel(dataset, explicitVR: true, bigEndian: false);
        }
        else
        {
            parser.ParseTopLevel(dataset, ts.IsExplicitVR, ts.IsBigEndian);
            stop = parser.StoppedAt;
        }
        return (new DicomFile(sourceName, meta, dataset, ts, hasPreamble, diagnostics, options.ReadPixelData), stop);
    }

    /// <summary>The pixel data with its description, per-frame values and decoders.</summary>
    /// <exception cref="DicomException">No pixel data, or its description is incomplete or inconsistent.</exception>
    public DicomPixelData GetPixelData()
    {
        if (!PixelDataRead)
            throw new InvalidOperationException("The file was read with ReadPixelData = false; open it again with the default options to read pixels.");
        return DicomPixelData.Create(Dataset, TransferSyntax, FilePath);
    }

    /// <summary>Writes the file as Part 10 explicit VR little endian (see <see cref="DicomWriter"/>).</summary>
    public void Save(string path)
    {
        // Values still in the source file must be read before that file can be overwritten by saving onto it.
        foreach (var e in Dataset)
            if (e.Deferred is not null) _ = e.RawValue;
        DicomWriter.Write(path, Dataset, FileMetaInformation);
    }

    /// <summary>
    /// A file with neither preamble nor meta group is read as a bare dataset only when it starts like one: an element of
    /// an even group from 0002 to 0030 (identification, patient, acquisition, relationship, image groups come first in
    /// tag order). Without this, an empty or all-zero file read as a dataset with no elements, and random bytes or a
    /// gzip of something else failed deep inside with "truncated or length field corrupt".
    /// </summary>
    private static void RequireBareDatasetStart(ReadOnlySpan<byte> data, string? sourceName)
    {
        if (data.Length == 0) throw new DicomFormatException("Not a DICOM file: the file is empty (0 bytes)", sourceName, 0);
        if (data.Length < 8)
            throw new DicomFormatException($"Not a DICOM file: {data.Length} bytes, fewer than one DICOM element", sourceName, 0);
        ushort little = (ushort)(data[0] | data[1] << 8), big = (ushort)(data[0] << 8 | data[1]);
        static bool Plausible(ushort group) => group >= 0x0002 && group <= 0x0030 && group % 2 == 0;
        if (!Plausible(little) && !Plausible(big))
            throw new DicomFormatException(
                $"Not a DICOM file: no DICM preamble, no file meta information, and the first bytes ({Convert.ToHexString(data[..4])}) are not a DICOM element "
                + "(a bare dataset starts with group 0008 or another low group)", sourceName, 0);
    }

    private static DicomTransferSyntax InferTransferSyntax(ReadOnlySpan<byte> data)
    {
        // A bare dataset starts with a low group number (0008 typically). Its byte order shows in which half of the
        // 16-bit group is zero; an explicit VR shows as two capital letters after the tag.
        if (data.Length < 8) return DicomTransferSyntax.ImplicitVRLittleEndian;
        bool vrLetters = DicomVRInfo.TryParse(data[4], data[5], out _);
        bool bigEndian = data[0] == 0 && data[1] != 0;
        if (vrLetters) return bigEndian ? DicomTransferSyntax.ExplicitVRBigEndian : DicomTransferSyntax.ExplicitVRLittleEndian;
        return DicomTransferSyntax.ImplicitVRLittleEndian;
    }

    private static byte[] Inflate(Stream compressed, string? sourceName, DicomReadOptions options, string kind)
    {
        using (compressed)
        using (var output = new MemoryStream())
        {
            var buffer = new byte[81920];
            try
            {
                int n;
                while ((n = compressed.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (output.Length + n > options.MaxInflatedBytes)
                        throw new DicomFormatException($"The {kind} stream inflates to more than {options.MaxInflatedBytes} bytes (MaxInflatedBytes)", sourceName);
                    output.Write(buffer, 0, n);
                }
            }
            catch (InvalidDataException e)
            {
                throw new DicomFormatException($"The {kind} stream is corrupt: {e.Message}", sourceName, output.Length, null, e);
            }
            return output.ToArray();
        }
    }
}
