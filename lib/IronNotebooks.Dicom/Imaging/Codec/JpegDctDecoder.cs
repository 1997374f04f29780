using System.Buffers;
using System.Runtime.CompilerServices;

namespace IronNotebooks.Dicom.Imaging.Codec;

/// <summary>
/// Decodes sequential DCT-based JPEG with Huffman coding (ITU-T T.81 Annex F): transfer syntaxes
/// 1.2.840.10008.1.2.4.50 (baseline, process 1: SOF0, 8-bit) and 1.2.840.10008.1.2.4.51 (extended, processes 2 and 4:
/// SOF1, 8- or 12-bit).
/// </summary>
/// <remarks>
/// <para>Supports 1–4 components in interleaved or per-component scans, sampling factors 1–4 whose ratios to the
/// largest factor are whole numbers (4:4:4, 4:2:2, 4:2:0, 4:1:1, …), and restart intervals. Blocks are dequantised
/// and transformed with a separable floating-point inverse DCT (exact even/odd decomposition of T.81 §A.3.3), level
/// shifted by 2^(P−1), rounded to nearest and clamped to [0, 2^P − 1].</para>
/// <para>Subsampled components are brought to full resolution with the centred triangle (linear) filter when the
/// ratio is 2 horizontally (4:2:2) or 2 in both directions (4:2:0), as the IJG library used by DCMTK does, and by
/// replication for any other ratio. Components are written as coded, with no colour conversion (YCbCr stays YCbCr):
/// 1 byte per sample for BitsAllocated 8, 2 little-endian bytes for 16, interleaved per pixel.</para>
/// <para>Scan headers of sequential frames whose spectral selection or successive approximation fields are not
/// 0/63/0/0 (written by some encoders) are decoded as ordinary sequential scans, as the IJG library does.</para>
/// <para>Not supported (<see cref="NotSupportedException"/>): progressive (SOF2), hierarchical and arithmetic-coded
/// JPEG. A stream whose frame header is actually lossless (SOF3), as some mislabelled files are, is handed to
/// <see cref="JpegLosslessDecoder"/>.</para>
/// </remarks>
public sealed class JpegDctDecoder : IPixelDecoder
{
    /// <summary>Natural (row-major) position of the k-th coefficient in zig-zag order (T.81 Figure A.6).</summary>
    private static readonly byte[] ZigZag =
    [
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14,
        21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53,
        60, 61, 54, 47, 55, 62, 63,
    ];

    // cos(kπ/16) for the inverse DCT.
    private const float C1 = 0.980785280403230449f;
    private const float C2 = 0.923879532511286756f;
    private const float C3 = 0.831469612302545237f;
    private const float C4 = 0.707106781186547524f;
    private const float C5 = 0.555570233019602225f;
    private const float C6 = 0.382683432365089772f;
    private const float C7 = 0.195090322016128268f;

    /// <summary>JPEG Baseline (Process 1) and JPEG Extended (Process 2 &amp; 4).</summary>
    public IReadOnlyList<string> TransferSyntaxUids { get; } = ["1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51"];

    /// <summary>
    /// Decodes one baseline or extended sequential JPEG frame into <paramref name="destination"/> (see
    /// <see cref="IPixelDecoder.Decode"/>).
    /// </summary>
    /// <param name="compressed">The frame's complete JPEG stream, SOI to EOI.</param>
    /// <param name="format">The pixel description; the frame header must match its rows, columns and samples per
    /// pixel, and its precision (8 or 12) must fit BitsAllocated (8 or 16).</param>
    /// <param name="destination">Exactly <see cref="DicomPixelFormat.FrameByteLength"/> bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not one frame long.</exception>
    /// <exception cref="InvalidDataException">The stream is corrupt, truncated, or disagrees with
    /// <paramref name="format"/>; the message gives the byte offset.</exception>
    /// <exception cref="NotSupportedException">The stream is progressive, hierarchical or arithmetic-coded, or uses
    /// sampling factors whose ratios are not whole numbers.</exception>
    public void Decode(ReadOnlySpan<byte> compressed, DicomPixelFormat format, Span<byte> destination)
    {
        JpegT81Parser.CheckDestination(format, destination.Length);
        var parser = new JpegT81Parser();
        var scan = parser.ReadNextScan(compressed)
            ?? throw JpegT81Parser.Corrupt("the stream has no scan (EOI before SOS)", compressed.Length);
        if (parser.Frame!.IsLossless)
        {
            JpegLosslessDecoder.DecodeFrame(parser, scan, compressed, format, destination);
            return;
        }

        DecodeFrame(parser, scan, compressed, format, destination);
    }

    /// <summary>
    /// Decodes a DCT frame whose headers up to the first scan have been read by <paramref name="parser"/>.
    /// </summary>
    internal static void DecodeFrame(JpegT81Parser parser, JpegT81Scan firstScan, ReadOnlySpan<byte> data,
        DicomPixelFormat format, Span<byte> destination)
    {
        var frame = parser.Frame!;
        JpegT81Parser.CheckFrameAgainstFormat(frame, format);
        foreach (var c in frame.Components)
            if (frame.MaxH % c.H != 0 || frame.MaxV % c.V != 0)
                throw JpegT81Parser.Unsupported(
                    $"sampling factors {c.H}×{c.V} against a maximum of {frame.MaxH}×{frame.MaxV} (non-integer ratio)",
                    frame.Offset);

        int nf = frame.Components.Length;
        int mcusX = (frame.Width + 8 * frame.MaxH - 1) / (8 * frame.MaxH);
        int mcusY = (frame.Height + 8 * frame.MaxV - 1) / (8 * frame.MaxV);
        var planes = new Plane[nf];
        try
        {
            foreach (var c in frame.Components)
            {
                int stride = mcusX * c.H * 8, lines = mcusY * c.V * 8;
                if ((long)stride * lines > Array.MaxLength)
                    throw JpegT81Parser.Unsupported(
                        $"a component plane of {stride} × {lines} samples (larger than one array)", frame.Offset);
                planes[c.Index] = new Plane
                {
                    Samples = ArrayPool<ushort>.Shared.Rent(stride * lines),
                    Stride = stride,
                    Width = (frame.Width * c.H + frame.MaxH - 1) / frame.MaxH,
                    Height = (frame.Height * c.V + frame.MaxV - 1) / frame.MaxV,
                };
            }

            int lastOffset = firstScan.Offset;
            for (var scan = firstScan; scan is not null; scan = parser.ReadNextScan(data))
            {
                foreach (var c in scan.Components)
                {
                    if (planes[c.Index].Coded)
                        throw JpegT81Parser.Corrupt($"component {c.Id} is coded in a second scan", scan.Offset);
                    planes[c.Index].Coded = true;
                }

                lastOffset = scan.Offset;
                parser.EndScan(DecodeScan(parser, frame, scan, data, planes, mcusX, mcusY));
            }

            foreach (var c in frame.Components)
                if (!planes[c.Index].Coded)
                    throw JpegT81Parser.Corrupt(
                        $"component {c.Id} is never coded (the stream ends after its last scan)", lastOffset);

            bool sixteenBit = format.BitsAllocated == 16;
            var line = new ushort[frame.Width];
            var work = new int[frame.Width + 2];
            foreach (var c in frame.Components)
                WriteComponent(frame, c, planes[c.Index], line, work, destination, sixteenBit);
        }
        finally
        {
            foreach (var p in planes)
                if (p?.Samples is { } samples) ArrayPool<ushort>.Shared.Return(samples);
        }
    }

    /// <summary>Decodes one scan into the component planes and returns the offset of the marker after its data.</summary>
    private static int DecodeScan(JpegT81Parser parser, JpegT81Frame frame, JpegT81Scan scan, ReadOnlySpan<byte> data,
        Plane[] planes, int mcusX, int mcusY)
    {
        int ns = scan.Components.Length;
        var quant = new int[ns][];
        for (int i = 0; i < ns; i++) quant[i] = parser.GetQuantTable(scan.Components[i].QuantTable, scan.Offset);

        int maxValue = (1 << frame.Precision) - 1;
        float bias = (1 << (frame.Precision - 1)) + 0.5f;
        Span<int> block = stackalloc int[64];
        Span<float> work = stackalloc float[64];
        Span<int> predictors = stackalloc int[4];
        predictors.Clear();
        var reader = new JpegHuffmanBitReader(data, scan.DataOffset);
        int restartInterval = scan.RestartInterval, mcusLeft = restartInterval, nextRestart = 0;

        if (ns == 1)
        {
            // Non-interleaved: one block per MCU, covering just the component's own size (T.81 §A.2.2).
            var c = scan.Components[0];
            var plane = planes[c.Index];
            var dc = scan.DcTables[0];
            var ac = scan.AcTables[0]!;
            int blocksX = (plane.Width + 7) / 8, blocksY = (plane.Height + 7) / 8;
            for (int by = 0; by < blocksY; by++)
            {
                for (int bx = 0; bx < blocksX; bx++)
                {
                    NextMcu(ref reader, restartInterval, ref mcusLeft, ref nextRestart, predictors);

                    int last = DecodeBlock(ref reader, dc, ac, quant[0], ref predictors[0], block);
                    InverseDct(block, last, work, plane.Samples.AsSpan(by * 8 * plane.Stride + bx * 8),
                        plane.Stride, bias, maxValue);
                }
            }
        }
        else
        {
            for (int my = 0; my < mcusY; my++)
            {
                for (int mx = 0; mx < mcusX; mx++)
                {
                    NextMcu(ref reader, restartInterval, ref mcusLeft, ref nextRestart, predictors);

                    for (int i = 0; i < ns; i++)
                    {
                        var c = scan.Components[i];
                        var plane = planes[c.Index];
                        var dc = scan.DcTables[i];
                        var ac = scan.AcTables[i]!;
                        for (int v = 0; v < c.V; v++)
                        {
                            for (int h = 0; h < c.H; h++)
                            {
                                int last = DecodeBlock(ref reader, dc, ac, quant[i], ref predictors[i], block);
                                int origin = ((my * c.V + v) * 8 * plane.Stride) + ((mx * c.H + h) * 8);
                                InverseDct(block, last, work, plane.Samples.AsSpan(origin), plane.Stride, bias,
                                    maxValue);
                            }
                        }
                    }
                }
            }
        }

        return reader.NextMarkerPosition();
    }

    /// <summary>Counts down the restart interval; at its end reads RSTn and resets the DC predictors (T.81 §F.1.2.3).</summary>
    private static void NextMcu(ref JpegHuffmanBitReader reader, int restartInterval, ref int mcusLeft, ref int nextRestart, scoped Span<int> predictors)
    {
        if (restartInterval <= 0) return;
        if (mcusLeft == 0)
        {
            reader.ReadRestartMarker(nextRestart);
            nextRestart = (nextRestart + 1) & 7;
            mcusLeft = restartInterval;
            predictors.Clear();
        }
        mcusLeft--;
    }

    /// <summary>
    /// Decodes one 8×8 block's Huffman-coded coefficients (T.81 §F.2.2) and dequantises them into natural order.
    /// Returns the zig-zag index of the last coefficient written (0 when only DC is present).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DecodeBlock(ref JpegHuffmanBitReader reader, JpegHuffmanTable dc, JpegHuffmanTable ac,
        int[] quant, ref int predictor, scoped Span<int> block)
    {
        block.Clear();
        var q = quant.AsSpan(0, 64);
        unchecked
        {
            predictor += reader.ReceiveExtend(reader.DecodeSymbol(dc));
            block[0] = predictor * q[0];
        }

        int last = 0;
        for (int k = 1; k < 64; k++)
        {
            int rs = reader.DecodeSymbol(ac);
            int run = rs >> 4, size = rs & 15;
            if (size == 0)
            {
                if (run != 15) break; // EOB
                k += 15; // ZRL: sixteen zero coefficients
                continue;
            }

            k += run;
            if (k > 63)
                throw JpegT81Parser.Corrupt("AC coefficients run past the end of an 8×8 block", reader.Position);
            block[ZigZag[k]] = unchecked(reader.ReceiveExtend(size) * q[k]);
            last = k;
        }

        return last;
    }

    /// <summary>
    /// Separable 8×8 inverse DCT (T.81 §A.3.3) of dequantised coefficients in natural order, written level-shifted,
    /// rounded and clamped to <paramref name="output"/> with the given line stride.
    /// </summary>
    /// <remarks>
    /// Each 1-D pass computes 2·s(x) = Σ C(u)·S(u)·cos((2x+1)uπ/16) by an even/odd split: the even coefficients form a
    /// 4-point IDCT (E), the odd ones a 4×4 product (O), and s(x) = E + O, s(7 − x) = E − O. The two passes' factors of
    /// ½ are applied at the end as 0.25.
    /// </remarks>
    private static void InverseDct(Span<int> block, int last, Span<float> work, Span<ushort> output, int stride,
        float bias, int maxValue)
    {
        float max = maxValue;
        if (last == 0)
        {
            // DC only: every sample is S(0,0)/8 + shift.
            ushort value = (ushort)(int)Math.Clamp(block[0] * 0.125f + bias, 0f, max);
            for (int y = 0; y < 8; y++) output.Slice(y * stride, 8).Fill(value);
            return;
        }

        // Columns: block[v*8 + u] → work[y*8 + u].
        for (int u = 0; u < 8; u++)
        {
            float x0 = block[u], x1 = block[8 + u], x2 = block[16 + u], x3 = block[24 + u];
            float x4 = block[32 + u], x5 = block[40 + u], x6 = block[48 + u], x7 = block[56 + u];
            if (x1 == 0 && x2 == 0 && x3 == 0 && x4 == 0 && x5 == 0 && x6 == 0 && x7 == 0)
            {
                float d = x0 * C4;
                for (int y = 0; y < 8; y++) work[y * 8 + u] = d;
                continue;
            }

            Idct1D(x0, x1, x2, x3, x4, x5, x6, x7, out float o0, out float o1, out float o2, out float o3,
                out float o4, out float o5, out float o6, out float o7);
            work[u] = o0;
            work[8 + u] = o1;
            work[16 + u] = o2;
            work[24 + u] = o3;
            work[32 + u] = o4;
            work[40 + u] = o5;
            work[48 + u] = o6;
            work[56 + u] = o7;
        }

        // Rows: work[y*8 + u] → output[y*stride + x].
        for (int y = 0; y < 8; y++)
        {
            var r = work.Slice(y * 8, 8);
            Idct1D(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], out float o0, out float o1, out float o2,
                out float o3, out float o4, out float o5, out float o6, out float o7);
            var line = output.Slice(y * stride, 8);
            line[0] = Sample(o0, bias, max);
            line[1] = Sample(o1, bias, max);
            line[2] = Sample(o2, bias, max);
            line[3] = Sample(o3, bias, max);
            line[4] = Sample(o4, bias, max);
            line[5] = Sample(o5, bias, max);
            line[6] = Sample(o6, bias, max);
            line[7] = Sample(o7, bias, max);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ushort Sample(float twiceScaled, float bias, float max) =>
        (ushort)(int)Math.Clamp(twiceScaled * 0.25f + bias, 0f, max);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Idct1D(float x0, float x1, float x2, float x3, float x4, float x5, float x6, float x7,
        out float o0, out float o1, out float o2, out float o3, out float o4, out float o5, out float o6, out float o7)
    {
        float a = (x0 + x4) * C4, b = (x0 - x4) * C4;
        float c = x2 * C2 + x6 * C6, d = x2 * C6 - x6 * C2;
        float e0 = a + c, e3 = a - c, e1 = b + d, e2 = b - d;
        float p0 = x1 * C1 + x3 * C3 + x5 * C5 + x7 * C7;
        float p1 = x1 * C3 - x3 * C7 - x5 * C1 - x7 * C5;
        float p2 = x1 * C5 - x3 * C1 + x5 * C7 + x7 * C3;
        float p3 = x1 * C7 - x3 * C5 + x5 * C3 - x7 * C1;
        o0 = e0 + p0;
        o7 = e0 - p0;
        o1 = e1 + p1;
        o6 = e1 - p1;
        o2 = e2 + p2;
        o5 = e2 - p2;
        o3 = e3 + p3;
        o4 = e3 - p3;
    }

    /// <summary>
    /// Brings one component plane to full resolution and writes it into its place in each interleaved pixel.
    /// </summary>
    private static void WriteComponent(JpegT81Frame frame, JpegT81Component component, Plane plane, ushort[] line,
        int[] work, Span<byte> destination, bool sixteenBit)
    {
        int width = frame.Width, height = frame.Height, nf = frame.Components.Length;
        int rh = frame.MaxH / component.H, rv = frame.MaxV / component.V;
        var samples = plane.Samples;
        int stride = plane.Stride, cw = plane.Width, ch = plane.Height;
        var colSum = work.AsSpan(0, cw);
        for (int y = 0; y < height; y++)
        {
            if (rh == 1 && rv == 1)
            {
                samples.AsSpan(y * stride, width).CopyTo(line);
            }
            else if (rh == 2 && rv == 1)
            {
                // Centred triangle filter: each output sample is ¾ of the nearer and ¼ of the farther input sample.
                var s = samples.AsSpan(y * stride, cw);
                for (int x = 0; x < width; x++)
                {
                    int j = x >> 1;
                    line[x] = (x & 1) == 0
                        ? (ushort)((3 * s[j] + s[Math.Max(j - 1, 0)] + 1) >> 2)
                        : (ushort)((3 * s[j] + s[Math.Min(j + 1, cw - 1)] + 2) >> 2);
                }
            }
            else if (rh == 2 && rv == 2)
            {
                // The same filter vertically (into colSum, scaled by 4) and then horizontally (scaled by 16).
                int j = y >> 1;
                int other = (y & 1) == 0 ? Math.Max(j - 1, 0) : Math.Min(j + 1, ch - 1);
                var near = samples.AsSpan(j * stride, cw);
                var far = samples.AsSpan(other * stride, cw);
                for (int i = 0; i < cw; i++) colSum[i] = 3 * near[i] + far[i];
                for (int x = 0; x < width; x++)
                {
                    int i = x >> 1;
                    line[x] = (x & 1) == 0
                        ? (ushort)((3 * colSum[i] + colSum[Math.Max(i - 1, 0)] + 8) >> 4)
                        : (ushort)((3 * colSum[i] + colSum[Math.Min(i + 1, cw - 1)] + 7) >> 4);
                }
            }
            else
            {
                var s = samples.AsSpan((y / rv) * stride, cw);
                for (int x = 0; x < width; x++) line[x] = s[x / rh];
            }

            if (sixteenBit)
            {
                var row = destination.Slice(2 * y * width * nf, 2 * width * nf);
                int o = 2 * component.Index, step = 2 * nf;
                foreach (ushort v in line)
                {
                    row[o] = (byte)v;
                    row[o + 1] = (byte)(v >> 8);
                    o += step;
                }
            }
            else
            {
                var row = destination.Slice(y * width * nf, width * nf);
                int o = component.Index;
                foreach (ushort v in line)
                {
                    row[o] = (byte)v;
                    o += nf;
                }
            }
        }
    }

    /// <summary>One component's decoded samples, padded to whole MCUs.</summary>
    private sealed class Plane
    {
        public required ushort[] Samples;
        public required int Stride;
        public required int Width;
        public required int Height;
        public bool Coded;
    }
}
