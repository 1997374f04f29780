namespace IronNotebooks.Dicom.Imaging.Codec;

/// <summary>
/// Decodes JPEG Lossless, Non-Hierarchical (Process 14; ITU-T T.81 Annex H) with Huffman coding: transfer syntaxes
/// 1.2.840.10008.1.2.4.57 (any predictor) and 1.2.840.10008.1.2.4.70 (first-order prediction, selection value 1).
/// </summary>
/// <remarks>
/// <para>Supports sample precision 2–16 bits, predictors 1–7, point transform Pt, 1–4 components in one interleaved
/// scan or in one scan per component (or any mix), restart intervals (DRI/RSTn), and the DICOM convention that a
/// difference category SSSS = 16 means the value 32768 with no extra bits (PS3.5 §A.4.1 / T.81 Table H.2).</para>
/// <para>Each reconstructed sample is written as <c>value &lt;&lt; Pt</c>, masked to the frame's precision: 1 byte per
/// sample when BitsAllocated is 8, 2 little-endian bytes when it is 16, components interleaved per pixel. Signed
/// data comes out as the raw two's-complement bit pattern of the stored bits; callers sign-extend. Predictions use
/// full integer arithmetic and each reconstruction is taken modulo 2^(P−Pt), as T.81 §H.2.1 requires.</para>
/// <para>Not supported (<see cref="NotSupportedException"/>): arithmetic coding, hierarchical mode, components with
/// different sampling factors, and interleaved scans whose sampling factors are not all 1. A stream whose frame header
/// is actually baseline or extended DCT (SOF0/SOF1), as some mislabelled files are, is handed to
/// <see cref="JpegDctDecoder"/>.</para>
/// </remarks>
public sealed class JpegLosslessDecoder : IPixelDecoder
{
    /// <summary>JPEG Lossless Process 14 and Process 14 Selection Value 1.</summary>
    public IReadOnlyList<string> TransferSyntaxUids { get; } = ["1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70"];

    /// <summary>
    /// Decodes one lossless JPEG frame into <paramref name="destination"/> (see <see cref="IPixelDecoder.Decode"/>).
    /// </summary>
    /// <param name="compressed">The frame's complete JPEG stream, SOI to EOI.</param>
    /// <param name="format">The pixel description; the frame header must match its rows, columns and samples per
    /// pixel, and its precision must fit BitsAllocated (8 or 16).</param>
    /// <param name="destination">Exactly <see cref="DicomPixelFormat.FrameByteLength"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not one frame long.</exception>
    /// <exception cref="InvalidDataException">The stream is corrupt, truncated, or disagrees with
    /// <paramref name="format"/>; the message gives the byte offset.</exception>
    /// <exception cref="NotSupportedException">The stream uses a JPEG feature that is not implemented.</exception>
    public void Decode(ReadOnlySpan<byte> compressed, DicomPixelFormat format, Span<byte> destination)
    {
        JpegT81Parser.CheckDestination(format, destination.Length);
        var parser = new JpegT81Parser();
        var scan = parser.ReadNextScan(compressed)
            ?? throw JpegT81Parser.Corrupt("the stream has no scan (EOI before SOS)", compressed.Length);
        if (!parser.Frame!.IsLossless)
        {
            JpegDctDecoder.DecodeFrame(parser, scan, compressed, format, destination);
            return;
        }

        DecodeFrame(parser, scan, compressed, format, destination);
    }

    /// <summary>
    /// Decodes a lossless frame whose headers up to the first scan have been read by <paramref name="parser"/>.
    /// </summary>
    internal static void DecodeFrame(JpegT81Parser parser, JpegT81Scan firstScan, ReadOnlySpan<byte> data,
        DicomPixelFormat format, Span<byte> destination)
    {
        var frame = parser.Frame!;
        JpegT81Parser.CheckFrameAgainstFormat(frame, format);
        var coded = new bool[frame.Components.Length];
        int lastOffset = firstScan.Offset;
        for (var scan = firstScan; scan is not null; scan = parser.ReadNextScan(data))
        {
            foreach (var c in scan.Components)
            {
                if (coded[c.Index]) throw JpegT81Parser.Corrupt($"component {c.Id} is coded in a second scan", scan.Offset);
                coded[c.Index] = true;
            }

            lastOffset = scan.Offset;
            parser.EndScan(DecodeScan(frame, scan, data, destination, format.BitsAllocated == 16));
        }

        for (int i = 0; i < coded.Length; i++)
            if (!coded[i])
                throw JpegT81Parser.Corrupt(
                    $"component {frame.Components[i].Id} is never coded (the stream ends after its last scan)",
                    lastOffset);
    }

    /// <summary>Decodes one scan and returns the offset of the marker that follows its data.</summary>
    private static int DecodeScan(JpegT81Frame frame, JpegT81Scan scan, ReadOnlySpan<byte> data,
        Span<byte> destination, bool sixteenBit)
    {
        int predictor = scan.Ss, pointTransform = scan.Al;
        if (predictor is < 1 or > 7)
            throw JpegT81Parser.Corrupt($"lossless scan has predictor selection value {predictor} (1–7 allowed)",
                scan.Offset);
        if (pointTransform >= frame.Precision)
            throw JpegT81Parser.Corrupt(
                $"point transform {pointTransform} is not less than the precision {frame.Precision}", scan.Offset);

        int ns = scan.Components.Length;
        foreach (var c in scan.Components)
        {
            if (c.H != frame.MaxH || c.V != frame.MaxV)
                throw JpegT81Parser.Unsupported("lossless coding of subsampled components", frame.Offset);
            if (ns > 1 && (c.H != 1 || c.V != 1))
                throw JpegT81Parser.Unsupported("interleaved lossless scans with sampling factors other than 1×1",
                    scan.Offset);
        }

        foreach (var table in scan.DcTables) table.BuildDifferenceLookup();
        int width = frame.Width, height = frame.Height, nf = frame.Components.Length;
        int bits = frame.Precision - pointTransform;
        var state = new ScanState
        {
            Tables = scan.DcTables,
            Rows = new int[ns * 2 * width],
            Current = new int[ns],
            Previous = new int[ns],
            Mask = (1 << bits) - 1,
            Initial = 1 << (bits - 1),
            Predictor = predictor,
        };
        for (int c = 0; c < ns; c++)
        {
            state.Previous[c] = 2 * c * width;
            state.Current[c] = (2 * c + 1) * width;
        }

        var reader = new JpegHuffmanBitReader(data, scan.DataOffset);
        int restartInterval = scan.RestartInterval, mcusLeft = restartInterval, nextRestart = 0;
        int intervalRow = 0;
        bool intervalStart = true;
        for (int y = 0; y < height; y++)
        {
            for (int c = 0; c < ns; c++) (state.Current[c], state.Previous[c]) = (state.Previous[c], state.Current[c]);

            int x = 0;
            while (x < width)
            {
                int end = width;
                if (restartInterval > 0)
                {
                    if (mcusLeft == 0)
                    {
                        reader.ReadRestartMarker(nextRestart);
                        nextRestart = (nextRestart + 1) & 7;
                        mcusLeft = restartInterval;
                        intervalRow = y;
                        intervalStart = true;
                    }

                    end = Math.Min(width, x + mcusLeft);
                    mcusLeft -= end - x;
                }

                if (intervalStart)
                {
                    // First sample of the scan or of a restart interval: predicted by 2^(P−Pt−1) (T.81 §H.1.2.1).
                    for (int c = 0; c < ns; c++)
                        state.Rows[state.Current[c] + x] =
                            (state.Initial + reader.DecodeLosslessDifference(state.Tables[c])) & state.Mask;
                    x++;
                    intervalStart = false;
                }

                if (y == intervalRow)
                {
                    DecodeFirstLine(ref reader, state, ns, x, end);
                }
                else
                {
                    if (x == 0)
                    {
                        // First sample of a line: predicted by the sample above (Rb).
                        for (int c = 0; c < ns; c++)
                            state.Rows[state.Current[c]] =
                                (state.Rows[state.Previous[c]] + reader.DecodeLosslessDifference(state.Tables[c]))
                                & state.Mask;
                        x = 1;
                    }

                    if (ns == 1) DecodeRunSingle(ref reader, state, x, end);
                    else DecodeRunInterleaved(ref reader, state, ns, x, end);
                }

                x = end;
            }

            WriteRow(state, scan, y, width, nf, pointTransform, destination, sixteenBit);
        }

        return reader.NextMarkerPosition();
    }

    /// <summary>Samples of the first line of a scan or restart interval: predicted by the left neighbour (Ra).</summary>
    private static void DecodeFirstLine(ref JpegHuffmanBitReader reader, ScanState state, int ns, int x, int end)
    {
        var rows = state.Rows;
        int mask = state.Mask;
        if (ns == 1)
        {
            var table = state.Tables[0];
            int cur = state.Current[0];
            for (int i = x; i < end; i++)
                rows[cur + i] = (rows[cur + i - 1] + reader.DecodeLosslessDifference(table)) & mask;
            return;
        }

        for (int i = x; i < end; i++)
            for (int c = 0; c < ns; c++)
            {
                int cur = state.Current[c];
                rows[cur + i] = (rows[cur + i - 1] + reader.DecodeLosslessDifference(state.Tables[c])) & mask;
            }
    }

    /// <summary>Samples x ≥ 1 of a later line of a single-component scan, one loop per predictor.</summary>
    private static void DecodeRunSingle(ref JpegHuffmanBitReader reader, ScanState state, int x, int end)
    {
        if (x >= end) return;
        var table = state.Tables[0];
        int mask = state.Mask;
        var cur = state.Rows.AsSpan(state.Current[0], end);
        var prev = state.Rows.AsSpan(state.Previous[0], end);
        int ra = cur[x - 1];
        switch (state.Predictor)
        {
            case 1:
                for (int i = x; i < end; i++) cur[i] = ra = (ra + reader.DecodeLosslessDifference(table)) & mask;
                break;
            case 2:
                for (int i = x; i < end; i++) cur[i] = (prev[i] + reader.DecodeLosslessDifference(table)) & mask;
                break;
            case 3:
                for (int i = x; i < end; i++) cur[i] = (prev[i - 1] + reader.DecodeLosslessDifference(table)) & mask;
                break;
            case 4:
                for (int i = x; i < end; i++)
                    cur[i] = ra = (ra + prev[i] - prev[i - 1] + reader.DecodeLosslessDifference(table)) & mask;
                break;
            case 5:
                for (int i = x; i < end; i++)
                    cur[i] = ra = (ra + ((prev[i] - prev[i - 1]) >> 1) + reader.DecodeLosslessDifference(table)) & mask;
                break;
            case 6:
                for (int i = x; i < end; i++)
                    cur[i] = ra = (prev[i] + ((ra - prev[i - 1]) >> 1) + reader.DecodeLosslessDifference(table)) & mask;
                break;
            default:
                for (int i = x; i < end; i++)
                    cur[i] = ra = (((ra + prev[i]) >> 1) + reader.DecodeLosslessDifference(table)) & mask;
                break;
        }
    }

    /// <summary>Samples x ≥ 1 of a later line of an interleaved scan (one sample per component per pixel).</summary>
    private static void DecodeRunInterleaved(ref JpegHuffmanBitReader reader, ScanState state, int ns, int x, int end)
    {
        var rows = state.Rows;
        int mask = state.Mask, predictor = state.Predictor;
        for (int i = x; i < end; i++)
        {
            for (int c = 0; c < ns; c++)
            {
                int cur = state.Current[c] + i, prev = state.Previous[c] + i;
                int ra = rows[cur - 1], rb = rows[prev], rc = rows[prev - 1];
                int px = predictor switch
                {
                    1 => ra,
                    2 => rb,
                    3 => rc,
                    4 => ra + rb - rc,
                    5 => ra + ((rb - rc) >> 1),
                    6 => rb + ((ra - rc) >> 1),
                    _ => (ra + rb) >> 1,
                };
                rows[cur] = (px + reader.DecodeLosslessDifference(state.Tables[c])) & mask;
            }
        }
    }

    /// <summary>Writes line <paramref name="y"/> of the scan's components, shifted left by Pt, into the frame.</summary>
    private static void WriteRow(ScanState state, JpegT81Scan scan, int y, int width, int nf, int pointTransform,
        Span<byte> destination, bool sixteenBit)
    {
        var rows = state.Rows;
        for (int c = 0; c < scan.Components.Length; c++)
        {
            var line = rows.AsSpan(state.Current[c], width);
            if (sixteenBit)
            {
                var row = destination.Slice(2 * (y * width * nf), 2 * width * nf);
                int o = 2 * scan.Components[c].Index, step = 2 * nf;
                foreach (int sample in line)
                {
                    int v = sample << pointTransform;
                    row[o] = (byte)v;
                    row[o + 1] = (byte)(v >> 8);
                    o += step;
                }
            }
            else
            {
                var row = destination.Slice(y * width * nf, width * nf);
                int o = scan.Components[c].Index;
                foreach (int sample in line)
                {
                    row[o] = (byte)(sample << pointTransform);
                    o += nf;
                }
            }
        }
    }

    /// <summary>Per-scan working state: two line buffers per component (current and previous line).</summary>
    private sealed class ScanState
    {
        public required JpegHuffmanTable[] Tables;
        public required int[] Rows;
        public required int[] Current;
        public required int[] Previous;
        public required int Mask;
        public required int Initial;
        public required int Predictor;
    }
}
