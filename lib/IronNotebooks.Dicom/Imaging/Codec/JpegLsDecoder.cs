using System.Runtime.ExceptionServices;

namespace IronNotebooks.Dicom.Imaging.Codec;

/// <summary>
/// Decodes JPEG-LS (ITU-T T.87 | ISO/IEC 14495-1): transfer syntaxes 1.2.840.10008.1.2.4.80 (lossless) and
/// 1.2.840.10008.1.2.4.81 (near-lossless).
/// </summary>
/// <remarks>
/// <para>Supports SOF55 frames of precision 2–16 with as many components as Samples per Pixel, scans that are
/// non-interleaved (one per component), line-interleaved or sample-interleaved, any NEAR, default and custom preset
/// coding parameters (LSE id 1: MAXVAL, T1, T2, T3, RESET, also between scans), restart intervals (DRI/RSTm) and the
/// JPEG-LS marker-bit stuffing rule. Each reconstructed sample is written as the bit pattern of the frame precision:
/// 1 byte per sample when BitsAllocated is 8, 2 little-endian bytes when it is 16, components interleaved per pixel.
/// Signed data is left for the caller to sign-extend.</para>
/// <para>Compatibility with CharLS (the codec in DCMTK, GDCM and most DICOM toolkits): a sample-interleaved run
/// interruption codes every component as a type-0 interruption sample predicted from Rb, as CharLS does. Where
/// CharLS departs from T.87 (an LSE MAXVAL below full scale, for which it keeps RANGE, qbpp and LIMIT of the full
/// precision; and, in CharLS 1.x, the default thresholds when MAXVAL &lt; 128) the scan is decoded per T.87 first
/// and re-decoded the CharLS way only if the standard reading fails or leaves coded data unused.</para>
/// <para>Not supported (<see cref="NotSupportedException"/>): HP colour transforms (APP8 "mrfx"), mapping tables
/// (LSE id 2/3 and SOS table selectors), oversize dimensions (LSE id 4), a line count given by a DNL marker,
/// subsampled components, the point transform, and JPEG-LS Part 2 (SOF57).</para>
/// </remarks>
public sealed class JpegLsDecoder : IPixelDecoder
{
    private const byte MarkerSoi = 0xD8;
    private const byte MarkerEoi = 0xD9;
    private const byte MarkerSos = 0xDA;
    private const byte MarkerDri = 0xDD;
    private const byte MarkerSof55 = 0xF7;
    private const byte MarkerLse = 0xF8;

    /// <summary>JPEG-LS Lossless and JPEG-LS Lossy (Near-Lossless).</summary>
    public IReadOnlyList<string> TransferSyntaxUids { get; } = ["1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81"];

    /// <summary>
    /// Decodes one JPEG-LS frame into <paramref name="destination"/> (see <see cref="IPixelDecoder.Decode"/>).
    /// </summary>
    /// <param name="compressed">The frame's complete JPEG-LS stream, SOI to EOI.</param>
    /// <param name="format">The pixel description; the frame header must match its rows, columns and samples per
    /// pixel, and its precision must fit BitsAllocated (8 or 16).</param>
    /// <param name="destination">Exactly <see cref="DicomPixelFormat.FrameByteLength"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not one frame long.</exception>
    /// <exception cref="InvalidDataException">The stream is corrupt, truncated, or disagrees with
    /// <paramref name="format"/>; the message gives the byte offset.</exception>
    /// <exception cref="NotSupportedException">The stream uses a JPEG-LS feature that is not implemented.</exception>
    public void Decode(ReadOnlySpan<byte> compressed, DicomPixelFormat format, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (destination.Length != format.FrameByteLength)
            throw new ArgumentException(
                $"Destination is {destination.Length} bytes but one frame needs {format.FrameByteLength}.",
                nameof(destination));
        if (format.IsFloat)
            throw new InvalidDataException("JPEG-LS pixel data cannot hold floating-point pixels.");
        if (format.BitsAllocated != 8 && format.BitsAllocated != 16)
            throw new InvalidDataException(
                $"JPEG-LS pixel data needs Bits Allocated 8 or 16, the data set says {format.BitsAllocated}.");

        var parser = new FrameParser(compressed, format, destination);
        parser.Run();
    }

    /// <summary>The exception for corrupt or inconsistent data at a byte offset of the compressed frame.</summary>
    internal static InvalidDataException Invalid(string message, int offset) =>
        new($"JPEG-LS: {message} (byte offset {offset} in the compressed frame).");

    /// <summary>Marker-level parsing of one compressed frame and dispatch of its scans.</summary>
    private ref struct FrameParser
    {
        private readonly ReadOnlySpan<byte> _data;
        private readonly DicomPixelFormat _format;
        private readonly Span<byte> _destination;
        private int _pos;

        private bool _haveFrame;
        private int _precision;
        private int _width;
        private int _height;
        private int[] _componentIds = [];
        private bool[] _componentDone = [];

        private int _presetMaxVal;
        private int _presetT1;
        private int _presetT2;
        private int _presetT3;
        private int _presetReset;
        private int _restartInterval;
        private int[]? _buffers;

        public FrameParser(ReadOnlySpan<byte> data, DicomPixelFormat format, Span<byte> destination)
        {
            _data = data;
            _format = format;
            _destination = destination;
        }

        public void Run()
        {
            if (_data.Length < 2 || _data[0] != 0xFF || _data[1] != MarkerSoi)
                throw Invalid("the frame does not start with an SOI marker", 0);
            _pos = 2;

            while (true)
            {
                if (_pos >= _data.Length)
                {
                    // Tolerate a missing EOI when every component has been decoded.
                    if (AllComponentsDone()) return;
                    throw Invalid("unexpected end of data before all scans were decoded", _pos);
                }

                int markerOffset = _pos;
                if (_data[_pos] != 0xFF)
                    throw Invalid($"expected a marker but found byte 0x{_data[_pos]:X2}", _pos);
                while (_pos < _data.Length && _data[_pos] == 0xFF) _pos++;
                if (_pos >= _data.Length)
                {
                    if (AllComponentsDone()) return;
                    throw Invalid("unexpected end of data inside a marker", markerOffset);
                }

                byte marker = _data[_pos++];
                switch (marker)
                {
                    case MarkerEoi:
                        if (!_haveFrame) throw Invalid("EOI marker before any frame header", markerOffset);
                        if (!AllComponentsDone())
                            throw Invalid("EOI marker before every component has been decoded", markerOffset);
                        return;
                    case MarkerSoi:
                        throw Invalid("unexpected second SOI marker", markerOffset);
                    case >= 0xD0 and <= 0xD7:
                        throw Invalid($"restart marker RST{marker - 0xD0} outside a scan", markerOffset);
                    case MarkerSof55:
                        ReadFrameHeader(markerOffset);
                        break;
                    case MarkerLse:
                        ReadPresetParameters(markerOffset);
                        break;
                    case MarkerDri:
                        ReadRestartInterval(markerOffset);
                        break;
                    case MarkerSos:
                        ReadScan(markerOffset);
                        break;
                    case 0xF9:
                        throw new NotSupportedException(
                            "JPEG-LS Part 2 (ISO/IEC 14495-2, SOF57) extensions are not supported.");
                    case >= 0xC0 and <= 0xCF when marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
                        throw new NotSupportedException(
                            $"The frame uses JPEG process SOF{marker - 0xC0} (marker 0xFF{marker:X2}), which is not " +
                            "JPEG-LS; only SOF55 frames are supported by the JPEG-LS decoder.");
                    case 0xE8:
                        ReadApp8(markerOffset);
                        break;
                    case >= 0xC0 or 0x01:
                        if (marker == 0x01) break; // TEM: no length.
                        SkipSegment(markerOffset);
                        break;
                    default:
                        throw Invalid($"invalid marker 0xFF{marker:X2}", markerOffset);
                }
            }
        }

        private readonly bool AllComponentsDone()
        {
            if (!_haveFrame) return false;
            foreach (bool done in _componentDone)
                if (!done) return false;
            return true;
        }

        /// <summary>Reads a segment length at <see cref="_pos"/>, checks it fits, and returns the payload span.</summary>
        private ReadOnlySpan<byte> ReadSegment(int markerOffset, out int payloadOffset)
        {
            if (_pos + 2 > _data.Length) throw Invalid("truncated marker segment length", markerOffset);
            int length = (_data[_pos] << 8) | _data[_pos + 1];
            if (length < 2) throw Invalid($"marker segment length {length} is too small", _pos);
            if (_pos + length > _data.Length)
                throw Invalid($"marker segment of {length} bytes runs past the end of the data", markerOffset);
            payloadOffset = _pos + 2;
            var payload = _data.Slice(_pos + 2, length - 2);
            _pos += length;
            return payload;
        }

        private void SkipSegment(int markerOffset) => ReadSegment(markerOffset, out _);

        private void ReadApp8(int markerOffset)
        {
            var payload = ReadSegment(markerOffset, out _);
            // HP colour transform marker: "mrfx" followed by the transform id (0 = none).
            if (payload.Length >= 5 && payload[0] == (byte)'m' && payload[1] == (byte)'r' && payload[2] == (byte)'f' &&
                payload[3] == (byte)'x' && payload[4] != 0)
                throw new NotSupportedException(
                    $"The JPEG-LS stream uses HP colour transform {payload[4]} (APP8 \"mrfx\"), which is not supported.");
        }

        private void ReadFrameHeader(int markerOffset)
        {
            if (_haveFrame) throw Invalid("more than one frame header", markerOffset);
            var p = ReadSegment(markerOffset, out int at);
            if (p.Length < 6) throw Invalid("SOF55 segment is too short", markerOffset);
            int precision = p[0];
            int height = (p[1] << 8) | p[2];
            int width = (p[3] << 8) | p[4];
            int count = p[5];
            if (p.Length != 6 + 3 * count)
                throw Invalid($"SOF55 segment length does not match its {count} components", markerOffset);
            if (precision < 2 || precision > 16)
                throw Invalid($"sample precision {precision} is outside 2..16", at);
            if (height == 0)
                throw new NotSupportedException(
                    "JPEG-LS frames whose number of lines is defined by a DNL marker are not supported.");
            if (width == 0) throw Invalid("frame width is 0", at + 3);
            if (count == 0) throw Invalid("frame has no components", at + 5);
            if (height != _format.Rows || width != _format.Columns || count != _format.SamplesPerPixel)
                throw Invalid(
                    $"frame header says {width}x{height} with {count} component(s) but the data set says " +
                    $"{_format.Columns}x{_format.Rows} with {_format.SamplesPerPixel} sample(s) per pixel", at + 1);
            if (precision > _format.BitsAllocated)
                throw Invalid(
                    $"sample precision {precision} does not fit Bits Allocated {_format.BitsAllocated}", at);

            var ids = new int[count];
            for (int i = 0; i < count; i++)
            {
                int id = p[6 + 3 * i];
                int sampling = p[7 + 3 * i];
                for (int j = 0; j < i; j++)
                    if (ids[j] == id) throw Invalid($"component id {id} appears twice in the frame header", at + 6 + 3 * i);
                if (sampling != 0x11)
                {
                    if ((sampling >> 4) == 0 || (sampling & 0xF) == 0)
                        throw Invalid($"component {id} has invalid sampling factors 0x{sampling:X2}", at + 7 + 3 * i);
                    throw new NotSupportedException(
                        $"JPEG-LS component {id} is subsampled (factors 0x{sampling:X2}); subsampling is not supported.");
                }
                ids[i] = id;
            }

            _precision = precision;
            _width = width;
            _height = height;
            _componentIds = ids;
            _componentDone = new bool[count];
            _haveFrame = true;
        }

        private void ReadPresetParameters(int markerOffset)
        {
            var p = ReadSegment(markerOffset, out int at);
            if (p.Length < 1) throw Invalid("LSE segment is empty", markerOffset);
            switch (p[0])
            {
                case 1:
                    if (p.Length != 11) throw Invalid("LSE preset-parameters segment has the wrong length", markerOffset);
                    _presetMaxVal = (p[1] << 8) | p[2];
                    _presetT1 = (p[3] << 8) | p[4];
                    _presetT2 = (p[5] << 8) | p[6];
                    _presetT3 = (p[7] << 8) | p[8];
                    _presetReset = (p[9] << 8) | p[10];
                    break;
                case 2:
                case 3:
                    throw new NotSupportedException(
                        $"JPEG-LS mapping tables (LSE id {p[0]}) are not supported.");
                case 4:
                    throw new NotSupportedException(
                        "JPEG-LS oversize image dimensions (LSE id 4) are not supported.");
                default:
                    throw Invalid($"unknown LSE marker segment id {p[0]}", at);
            }
        }

        private void ReadRestartInterval(int markerOffset)
        {
            var p = ReadSegment(markerOffset, out int at);
            if (p.Length < 2 || p.Length > 4) throw Invalid("DRI segment has an invalid length", markerOffset);
            long interval = 0;
            foreach (byte b in p) interval = (interval << 8) | b;
            if (interval > int.MaxValue) throw Invalid("restart interval is too large", at);
            _restartInterval = (int)interval;
        }

        private void ReadScan(int markerOffset)
        {
            if (!_haveFrame) throw Invalid("SOS marker before the frame header", markerOffset);
            var p = ReadSegment(markerOffset, out int at);
            if (p.Length < 1) throw Invalid("SOS segment is empty", markerOffset);
            int count = p[0];
            if (count == 0 || count > _componentIds.Length)
                throw Invalid($"scan has {count} components but the frame has {_componentIds.Length}", at);
            if (p.Length != 4 + 2 * count)
                throw Invalid("SOS segment length does not match its component count", markerOffset);

            var components = new int[count];
            for (int i = 0; i < count; i++)
            {
                int id = p[1 + 2 * i];
                int index = Array.IndexOf(_componentIds, id);
                if (index < 0) throw Invalid($"scan refers to unknown component id {id}", at + 1 + 2 * i);
                if (_componentDone[index]) throw Invalid($"component id {id} is coded in more than one scan", at + 1 + 2 * i);
                for (int j = 0; j < i; j++)
                    if (components[j] == index) throw Invalid($"component id {id} appears twice in a scan", at + 1 + 2 * i);
                if (p[2 + 2 * i] != 0)
                    throw new NotSupportedException(
                        $"JPEG-LS mapping tables (table {p[2 + 2 * i]} selected for component {id}) are not supported.");
                components[i] = index;
            }

            int near = p[1 + 2 * count];
            int interleave = p[2 + 2 * count];
            int pointTransform = p[3 + 2 * count];
            if (interleave > 2) throw Invalid($"invalid interleave mode {interleave}", at + 2 + 2 * count);
            if (interleave == 0 && count != 1)
                throw Invalid($"non-interleaved scan with {count} components", at + 2 + 2 * count);
            if (pointTransform != 0)
                throw new NotSupportedException(
                    $"The JPEG-LS point transform (Al/Ah byte 0x{pointTransform:X2}) is not supported.");

            var candidates = JpegLsCodingParameters.CreateCandidates(_precision, near, _presetMaxVal, _presetT1,
                _presetT2, _presetT3, _presetReset, at);
            int stride = _width + 2;
            int needed = 2 * count * stride;
            if (_buffers is null || _buffers.Length < needed) _buffers = new int[needed];

            int start = _pos;
            if (candidates.Length == 1)
            {
                _pos = DecodeScan(_buffers, start, candidates[0], components, interleave, out _);
            }
            else
            {
                // Try T.87 first and the CharLS-compatible interpretations only when it fails or leaves entropy-coded
                // data unused; if none decodes cleanly, keep the standard result or report the standard error.
                InvalidDataException? standardError = null;
                int standardEnd = -1;
                int end = -1;
                for (int i = 0; i < candidates.Length && end < 0; i++)
                {
                    try
                    {
                        int scanEnd = DecodeScan(_buffers, start, candidates[i], components, interleave, out long unused);
                        if (unused <= 15) end = scanEnd;
                        else if (i == 0) standardEnd = scanEnd;
                    }
                    catch (InvalidDataException error)
                    {
                        standardError ??= error;
                    }
                }

                if (end < 0)
                {
                    if (standardEnd < 0) ExceptionDispatchInfo.Throw(standardError!);
                    end = DecodeScan(_buffers, start, candidates[0], components, interleave, out _);
                }

                _pos = end;
            }

            foreach (int c in components) _componentDone[c] = true;
        }

        private readonly int DecodeScan(int[] lineBuffers, int start, JpegLsCodingParameters parameters,
            int[] components, int interleave, out long unusedBits)
        {
            var buffers = lineBuffers.AsSpan(0, 2 * components.Length * (_width + 2));
            var scan = new JpegLsScanDecoder(_data, start, parameters, _width);
            var output = new JpegLsOutput(_destination, _width, _format.SamplesPerPixel, _format.BitsAllocated / 8);
            return scan.DecodeScan(buffers, components, interleave, _height, _restartInterval, output, out unusedBits);
        }
    }
}
