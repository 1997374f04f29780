using System.Buffers.Binary;

namespace IronNotebooks.Dicom.Imaging.Codec;

/// <summary>
/// Walks the marker segments of one Huffman-coded sequential JPEG frame (T.81 Annex B): SOI, tables (DHT, DQT), DRI,
/// the frame header (SOF0/SOF1/SOF3) and each scan header, handing every scan to the caller until EOI. Shared by
/// <see cref="JpegLosslessDecoder"/> and <see cref="JpegDctDecoder"/>; it never decodes entropy-coded data itself.
/// </summary>
/// <remarks>
/// Usage: call <see cref="ReadNextScan"/>; decode the scan's entropy-coded data starting at
/// <see cref="JpegT81Scan.DataOffset"/>; call <see cref="EndScan"/> with the offset of the marker that follows it;
/// repeat until <see cref="ReadNextScan"/> returns null (EOI).
/// </remarks>
internal sealed class JpegT81Parser
{
    private readonly JpegHuffmanTable?[] _dcTables = new JpegHuffmanTable?[4];
    private readonly JpegHuffmanTable?[] _acTables = new JpegHuffmanTable?[4];
    private readonly int[]?[] _quantTables = new int[]?[4];
    private int _position;
    private bool _started;
    private bool _ended;
    private int _restartInterval;

    /// <summary>The frame header, once SOF has been read.</summary>
    public JpegT81Frame? Frame { get; private set; }

    /// <summary>
    /// Builds the exception for corrupt data: says what is wrong and at which byte offset of the frame's compressed
    /// data.
    /// </summary>
    public static InvalidDataException Corrupt(string what, int offset) =>
        new($"JPEG data is corrupt: {what} (at byte offset {offset}, 0x{offset:X}, of the frame's compressed data).");

    /// <summary>
    /// Builds the exception for a stream whose frame header disagrees with the DICOM pixel description.
    /// </summary>
    public static InvalidDataException Inconsistent(string what, int offset) =>
        new($"JPEG frame does not match the DICOM pixel description: {what} (frame header at byte offset {offset}, " +
            $"0x{offset:X}, of the frame's compressed data).");

    /// <summary>Builds the exception for a valid stream that uses a feature these decoders do not implement.</summary>
    public static NotSupportedException Unsupported(string feature, int offset) =>
        new($"JPEG {feature} is not supported (at byte offset {offset}, 0x{offset:X}, of the frame's compressed data).");

    /// <summary>
    /// The quantisation table <paramref name="id"/> in zig-zag order (as stored in DQT), as defined when the current
    /// scan started.
    /// </summary>
    /// <exception cref="InvalidDataException">No such table has been defined.</exception>
    public int[] GetQuantTable(int id, int scanOffset) =>
        _quantTables[id] ?? throw Corrupt($"scan uses quantisation table {id}, which no DQT segment defined", scanOffset);

    /// <summary>
    /// Reads marker segments up to and including the next SOS and returns that scan, or null at EOI.
    /// </summary>
    /// <exception cref="InvalidDataException">The stream is malformed or truncated.</exception>
    /// <exception cref="NotSupportedException">The stream uses progressive, hierarchical or arithmetic-coded JPEG, or
    /// defines its height with a DNL marker.</exception>
    public JpegT81Scan? ReadNextScan(ReadOnlySpan<byte> data)
    {
        if (_ended) return null;
        if (!_started)
        {
            if (data.Length < 2 || data[0] != 0xFF || data[1] != 0xD8)
                throw Corrupt("the data does not start with a JPEG SOI marker (0xFFD8)", 0);
            _started = true;
            _position = 2;
        }

        while (true)
        {
            int at = _position;
            int marker = ReadMarker(data);
            switch (marker)
            {
                case 0xD9: // EOI
                    if (Frame is null) throw Corrupt("EOI marker before any frame header (SOF)", at);
                    _ended = true;
                    return null;
                case 0xC0:
                case 0xC1:
                case 0xC3:
                    ReadFrameHeader(data, marker, at);
                    break;
                case 0xC2:
                    throw Unsupported("progressive DCT mode (SOF2)", at);
                case 0xC5:
                case 0xC6:
                case 0xC7:
                case 0xDE:
                case 0xDF:
                    throw Unsupported($"hierarchical mode (marker 0xFF{marker:X2})", at);
                case 0xC9:
                case 0xCA:
                case 0xCB:
                case 0xCD:
                case 0xCE:
                case 0xCF:
                case 0xCC:
                    throw Unsupported($"arithmetic coding (marker 0xFF{marker:X2})", at);
                case 0xF7:
                    throw Unsupported("JPEG-LS coding (SOF55) under a T.81 JPEG transfer syntax", at);
                case 0xC4:
                    ReadHuffmanTables(Segment(data, marker));
                    break;
                case 0xDB:
                    ReadQuantTables(Segment(data, marker));
                    break;
                case 0xDD:
                {
                    var s = Segment(data, marker);
                    if (s.Length != 2) throw Corrupt($"DRI segment has length {s.Length + 2}, expected 4", at);
                    _restartInterval = BinaryPrimitives.ReadUInt16BigEndian(s);
                    break;
                }
                case 0xDA:
                    return ReadScanHeader(data, at);
                case 0xD8:
                    throw Corrupt("a second SOI marker inside the frame", at);
                case >= 0xD0 and <= 0xD7: // a stray RSTn after a scan's last interval: no parameters, ignored
                case 0x01: // TEM: no parameters
                    break;
                case 0xDC: // DNL after the first scan: the height is already known from SOF and checked against it
                case 0xC8:
                case >= 0xE0 and <= 0xFE: // APPn, JPGn extensions, COM
                    Segment(data, marker);
                    break;
                default:
                    throw Corrupt($"unknown or reserved marker 0xFF{marker:X2}", at);
            }
        }
    }

    /// <summary>Continues parsing at <paramref name="position"/>, the marker that ends the current scan.</summary>
    public void EndScan(int position) => _position = position;

    /// <summary>
    /// Checks that the frame header agrees with the DICOM pixel description and the destination buffer.
    /// </summary>
    /// <exception cref="InvalidDataException">Dimensions, component count or precision disagree with
    /// <paramref name="format"/>.</exception>
    public static void CheckFrameAgainstFormat(JpegT81Frame frame, DicomPixelFormat format)
    {
        if (frame.Height != format.Rows || frame.Width != format.Columns)
            throw Inconsistent(
                $"the frame header (SOF) gives {frame.Width} columns × {frame.Height} rows, but the DICOM data set " +
                $"says {format.Columns} × {format.Rows}", frame.Offset);
        if (frame.Components.Length != format.SamplesPerPixel)
            throw Inconsistent(
                $"the frame header (SOF) has {frame.Components.Length} components, but the DICOM data set says " +
                $"Samples per Pixel {format.SamplesPerPixel}", frame.Offset);
        if (format.BitsAllocated is not (8 or 16))
            throw Inconsistent(
                $"the DICOM data set says Bits Allocated {format.BitsAllocated}, which cannot hold JPEG samples " +
                "(8 or 16 expected)", frame.Offset);
        if (frame.Precision > format.BitsAllocated)
            throw Inconsistent(
                $"the frame has {frame.Precision}-bit samples, more than Bits Allocated {format.BitsAllocated}",
                frame.Offset);
    }

    /// <summary>Checks the destination length against the format (a caller error, not a data error).</summary>
    /// <exception cref="ArgumentException">The destination is not exactly one frame long.</exception>
    public static void CheckDestination(DicomPixelFormat format, int destinationLength)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (destinationLength != format.FrameByteLength)
            throw new ArgumentException(
                $"Destination is {destinationLength} bytes but one frame of this format is {format.FrameByteLength}.",
                "destination");
    }

    private int ReadMarker(ReadOnlySpan<byte> data)
    {
        int p = _position;
        if (p >= data.Length) throw Corrupt("the data ends without an EOI marker (truncated)", p);
        if (data[p] != 0xFF) throw Corrupt($"expected a marker but found byte 0x{data[p]:X2}", p);
        while (p + 1 < data.Length && data[p + 1] == 0xFF) p++; // fill bytes
        if (p + 1 >= data.Length) throw Corrupt("the data ends inside a marker (truncated)", p);
        byte marker = data[p + 1];
        if (marker == 0) throw Corrupt("stuffed byte 0xFF00 found where a marker was expected", p);
        _position = p + 2;
        return marker;
    }

    /// <summary>Reads the length field at the current position and returns the segment contents after it.</summary>
    private ReadOnlySpan<byte> Segment(ReadOnlySpan<byte> data, int marker)
    {
        int p = _position;
        if (data.Length - p < 2)
            throw Corrupt($"the data ends inside the length of marker segment 0xFF{marker:X2}", p);
        int length = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(p, 2));
        if (length < 2) throw Corrupt($"marker segment length {length} is less than 2", p);
        if (data.Length - p < length)
            throw Corrupt(
                $"marker segment 0xFF{marker:X2} of length {length} runs past the end of the data " +
                $"({data.Length - p} bytes left)", p);
        _position = p + length;
        return data.Slice(p + 2, length - 2);
    }

    private void ReadFrameHeader(ReadOnlySpan<byte> data, int marker, int at)
    {
        if (Frame is not null) throw Corrupt("a second frame header (SOF); only one frame per stream is allowed", at);
        var s = Segment(data, marker);
        if (s.Length < 6) throw Corrupt($"frame header (SOF) is only {s.Length + 2} bytes long", at);
        int precision = s[0];
        int height = BinaryPrimitives.ReadUInt16BigEndian(s.Slice(1, 2));
        int width = BinaryPrimitives.ReadUInt16BigEndian(s.Slice(3, 2));
        int count = s[5];
        if (s.Length != 6 + 3 * count)
            throw Corrupt($"frame header (SOF) length {s.Length + 2} does not match its {count} components", at);
        if (count == 0) throw Corrupt("frame header (SOF) has no components", at);
        bool validPrecision = marker switch
        {
            0xC0 => precision == 8,
            0xC1 => precision is 8 or 12,
            _ => precision is >= 2 and <= 16,
        };
        if (!validPrecision)
            throw Corrupt($"sample precision {precision} is not allowed for SOF{marker - 0xC0}", at);
        if (height == 0) throw Unsupported("frame height defined by a DNL marker (SOF height 0)", at);
        if (width == 0) throw Corrupt("frame header (SOF) has 0 samples per line", at);

        var components = new JpegT81Component[count];
        for (int i = 0; i < count; i++)
        {
            int id = s[6 + 3 * i];
            int h = s[7 + 3 * i] >> 4, v = s[7 + 3 * i] & 15, tq = s[8 + 3 * i];
            if (h is < 1 or > 4 || v is < 1 or > 4)
                throw Corrupt($"component {id} has sampling factors {h}×{v} (each must be 1–4)", at);
            if (tq > 3) throw Corrupt($"component {id} selects quantisation table {tq} (0–3 allowed)", at);
            for (int j = 0; j < i; j++)
                if (components[j].Id == id) throw Corrupt($"component identifier {id} appears twice in SOF", at);
            components[i] = new JpegT81Component(id, i, h, v, tq);
        }

        Frame = new JpegT81Frame(marker, at, precision, height, width, components);
    }

    private void ReadHuffmanTables(ReadOnlySpan<byte> s)
    {
        int segmentOffset = _position - s.Length;
        int p = 0;
        while (p < s.Length)
        {
            int tc = s[p] >> 4, th = s[p] & 15;
            if (tc > 1 || th > 3)
                throw Corrupt($"DHT table class {tc} / destination {th} (class 0–1, destination 0–3 allowed)",
                    segmentOffset + p);
            p += 1 + JpegHuffmanTable.Parse(s, p + 1, segmentOffset, out var table);
            (tc == 0 ? _dcTables : _acTables)[th] = table;
        }
    }

    private void ReadQuantTables(ReadOnlySpan<byte> s)
    {
        int segmentOffset = _position - s.Length;
        int p = 0;
        while (p < s.Length)
        {
            int pq = s[p] >> 4, tq = s[p] & 15;
            if (pq > 1 || tq > 3)
                throw Corrupt($"DQT precision {pq} / destination {tq} (precision 0–1, destination 0–3 allowed)",
                    segmentOffset + p);
            int size = pq == 0 ? 64 : 128;
            if (s.Length - p - 1 < size)
                throw Corrupt("DQT segment ends inside a quantisation table", segmentOffset + p);
            var table = new int[64];
            for (int k = 0; k < 64; k++)
                table[k] = pq == 0 ? s[p + 1 + k] : BinaryPrimitives.ReadUInt16BigEndian(s.Slice(p + 1 + 2 * k, 2));
            _quantTables[tq] = table;
            p += 1 + size;
        }
    }

    private JpegT81Scan ReadScanHeader(ReadOnlySpan<byte> data, int at)
    {
        var frame = Frame ?? throw Corrupt("scan header (SOS) before the frame header (SOF)", at);
        var s = Segment(data, 0xDA);
        if (s.Length < 1) throw Corrupt("scan header (SOS) is empty", at);
        int count = s[0];
        if (count is < 1 or > 4 || s.Length != 4 + 2 * count)
            throw Corrupt($"scan header (SOS) has {count} components and length {s.Length + 2}", at);
        var components = new JpegT81Component[count];
        var dc = new JpegHuffmanTable[count];
        var ac = new JpegHuffmanTable?[count];
        int blocksPerMcu = 0;
        for (int i = 0; i < count; i++)
        {
            int id = s[1 + 2 * i];
            int td = s[2 + 2 * i] >> 4, ta = s[2 + 2 * i] & 15;
            var component = Array.Find(frame.Components, c => c.Id == id)
                ?? throw Corrupt($"scan refers to component {id}, which the frame header does not define", at);
            for (int j = 0; j < i; j++)
                if (components[j].Id == id) throw Corrupt($"component {id} appears twice in one scan", at);
            components[i] = component;
            blocksPerMcu += component.H * component.V;
            if (td > 3) throw Corrupt($"scan selects DC Huffman table {td} (0–3 allowed)", at);
            dc[i] = _dcTables[td] ?? throw Corrupt($"scan uses DC Huffman table {td}, which no DHT segment defined", at);
            if (dc[i].MaxSymbol > 16)
                throw Corrupt($"DC Huffman table {td} contains category {dc[i].MaxSymbol} (at most 16 allowed)", at);
            if (!frame.IsLossless)
            {
                if (ta > 3) throw Corrupt($"scan selects AC Huffman table {ta} (0–3 allowed)", at);
                ac[i] = _acTables[ta]
                    ?? throw Corrupt($"scan uses AC Huffman table {ta}, which no DHT segment defined", at);
            }
        }

        if (count > 1 && !frame.IsLossless && blocksPerMcu > 10)
            throw Corrupt($"interleaved scan has {blocksPerMcu} blocks per MCU (at most 10 allowed)", at);
        int ss = s[1 + 2 * count], se = s[2 + 2 * count], ah = s[3 + 2 * count] >> 4, al = s[3 + 2 * count] & 15;
        return new JpegT81Scan(at, _position, components, dc, ac, ss, se, ah, al, _restartInterval);
    }
}
