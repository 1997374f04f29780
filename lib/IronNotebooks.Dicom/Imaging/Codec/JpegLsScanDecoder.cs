using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace IronNotebooks.Dicom.Imaging.Codec;

/// <summary>Writes decoded component lines into the interleaved little-endian destination frame.</summary>
internal readonly ref struct JpegLsOutput
{
    private readonly Span<byte> _destination;
    private readonly int _width;
    private readonly int _samplesPerPixel;
    private readonly int _bytesPerSample;

    public JpegLsOutput(Span<byte> destination, int width, int samplesPerPixel, int bytesPerSample)
    {
        _destination = destination;
        _width = width;
        _samplesPerPixel = samplesPerPixel;
        _bytesPerSample = bytesPerSample;
    }

    /// <summary>Stores one line of one component (<paramref name="line"/> holds exactly the line's samples).</summary>
    public void WriteLine(ReadOnlySpan<int> line, int row, int component)
    {
        int width = _width;
        long pixelBase = (long)row * width;
        if (_bytesPerSample == 1)
        {
            if (_samplesPerPixel == 1)
            {
                var target = _destination.Slice((int)pixelBase, width);
                for (int x = 0; x < target.Length && x < line.Length; x++) target[x] = (byte)line[x];
            }
            else
            {
                int step = _samplesPerPixel;
                var target = _destination.Slice((int)(pixelBase * step), width * step);
                int t = component;
                for (int x = 0; x < line.Length && t < target.Length; x++, t += step) target[t] = (byte)line[x];
            }
        }
        else
        {
            int step = 2 * _samplesPerPixel;
            var target = _destination.Slice((int)(pixelBase * step), width * step);
            int t = 2 * component;
            for (int x = 0; x < line.Length && t + 1 < target.Length; x++, t += step)
            {
                int v = line[x];
                target[t] = (byte)v;
                target[t + 1] = (byte)(v >> 8);
            }
        }
    }
}

/// <summary>
/// Entropy decoding and context modelling of one JPEG-LS scan (T.87 Annex A, decoder side): bit input with the
/// JPEG-LS marker-bit stuffing rule, regular mode, run mode, run interruption and restart intervals.
/// </summary>
internal ref struct JpegLsScanDecoder
{
    private const int RunContextBase = 365;

    private readonly ReadOnlySpan<byte> _data;
    private readonly JpegLsCodingParameters _p;
    private readonly int _width;
    private readonly int _maxVal;
    private readonly int _near;
    private readonly int _stepSize;
    private readonly int _wrap;
    private readonly int _maxMappedError;
    private readonly int _limit;
    private readonly int _qbpp;
    private readonly int _reset;
    private readonly sbyte[] _quantizer;

    private readonly Context[] _contexts;

    // Bit input: _cache holds _bits valid bits, most significant first; bits past the end of the data are zero and
    // counted in _padBits so that reading into them can be detected.
    private int _pos;
    private ulong _cache;
    private int _bits;
    private int _padBits;
    private int _markerPos;

    /// <summary>The run-length order table J of T.87 §A.7.1.1.</summary>
    private static ReadOnlySpan<byte> J =>
        [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15];

    public JpegLsScanDecoder(ReadOnlySpan<byte> data, int start, JpegLsCodingParameters parameters, int width)
    {
        _data = data;
        _p = parameters;
        _width = width;
        _maxVal = parameters.MaxVal;
        _near = parameters.Near;
        _stepSize = 2 * parameters.Near + 1;
        _wrap = parameters.Range * _stepSize;
        _maxMappedError = 2 * parameters.Range;
        _limit = parameters.Limit;
        _qbpp = parameters.Qbpp;
        _reset = parameters.Reset;
        _quantizer = parameters.Quantizer;
        _contexts = new Context[RunContextBase + 2];
        _pos = start;
        _markerPos = -1;
        ResetContexts();
    }

    /// <summary>
    /// Decodes the scan's lines into <paramref name="output"/> and returns the offset of the marker that follows
    /// the scan data (or the data length). <paramref name="unusedBits"/> receives the number of entropy-coded bits
    /// left over after the last sample (a clean stream leaves fewer than 8, the padding of its last byte).
    /// </summary>
    public int DecodeScan(Span<int> lineBuffers, ReadOnlySpan<int> components, int interleave, int height,
        int restartInterval, JpegLsOutput output, out long unusedBits)
    {
        int count = components.Length;
        int stride = _width + 2;
        lineBuffers.Clear();
        Span<int> runIndex = stackalloc int[count];
        runIndex.Clear();
        int current = 0; // which of the two line rows is the current one

        int restartNumber = 0;
        for (int row = 0; row < height; row++)
        {
            if (restartInterval > 0 && row > 0 && row % restartInterval == 0)
            {
                ProcessRestart(restartNumber);
                restartNumber = (restartNumber + 1) & 7;
                ResetContexts();
                lineBuffers.Clear();
                runIndex.Clear();
            }

            int previous = 1 - current;
            if (interleave == 2 && count > 1)
            {
                DecodeLineSampleInterleaved(lineBuffers, count, current, previous, ref runIndex[0]);
            }
            else
            {
                for (int i = 0; i < count; i++)
                {
                    var cur = lineBuffers.Slice((current * count + i) * stride, stride);
                    var prev = lineBuffers.Slice((previous * count + i) * stride, stride);
                    DecodeLine(prev, cur, ref runIndex[interleave == 2 ? 0 : i]);
                }
            }

            if (_padBits > _bits) throw Invalid($"ran out of data in line {row}");

            for (int i = 0; i < count; i++)
                output.WriteLine(lineBuffers.Slice((current * count + i) * stride + 1, _width), row, components[i]);
            current = previous;
        }

        int marker = _markerPos >= 0 ? _markerPos : FindMarker(_pos);
        int end = marker >= 0 ? marker : _data.Length;
        unusedBits = _bits - _padBits + 8L * Math.Max(0, end - _pos);
        return end;
    }

    private readonly InvalidDataException Invalid(string message)
    {
        int offset = Math.Clamp(_pos - Math.Max(0, _bits - _padBits) / 8, 0, _data.Length);
        if (_padBits > _bits)
            message = $"the entropy-coded data ends before the scan is complete (truncated or corrupt); {message}";
        return new InvalidDataException($"JPEG-LS: {message} (at about byte offset {offset} in the compressed frame).");
    }

    private readonly void ResetContexts() => Array.Fill(_contexts, new Context { A = _p.InitialA, N = 1 });

    private readonly int FindMarker(int from)
    {
        for (int i = Math.Max(from, 0); i + 1 < _data.Length; i++)
            if (_data[i] == 0xFF && _data[i + 1] >= 0x80) return i;
        return -1;
    }

    private void ProcessRestart(int expected)
    {
        int marker = _markerPos >= 0 ? _markerPos : FindMarker(_pos);
        if (marker < 0) throw Invalid($"expected restart marker RST{expected} but the data ends");
        int at = marker;
        while (at + 1 < _data.Length && _data[at + 1] == 0xFF) at++;
        if (at + 1 >= _data.Length || _data[at + 1] != 0xD0 + expected)
        {
            _pos = marker;
            _bits = 0;
            _padBits = 0;
            throw Invalid(at + 1 < _data.Length
                ? $"expected restart marker RST{expected} but found marker 0xFF{_data[at + 1]:X2}"
                : $"expected restart marker RST{expected} but the data ends");
        }

        _pos = at + 2;
        _cache = 0;
        _bits = 0;
        _padBits = 0;
        _markerPos = -1;
    }

    // ---------------------------------------------------------------- bit input

    /// <summary>Tops the bit cache up to at least 49 bits (zero bits past the end of the scan data).</summary>
    private void Refill()
    {
        var data = _data;
        while (_bits <= 48)
        {
            int pos = _pos;
            if (_markerPos < 0 && pos + 8 <= data.Length)
            {
                // Fast path: eight bytes without 0xFF can be taken whole.
                ulong v = BinaryPrimitives.ReadUInt64BigEndian(data.Slice(pos, 8));
                ulong inverted = ~v;
                if (((inverted - 0x0101010101010101UL) & v & 0x8080808080808080UL) == 0)
                {
                    int take = (64 - _bits) >> 3;
                    ulong kept = take == 8 ? v : v & ~(ulong.MaxValue >> (take * 8));
                    _cache |= kept >> _bits;
                    _bits += take * 8;
                    _pos = pos + take;
                    continue;
                }
            }

            if (_markerPos >= 0 || pos >= data.Length)
            {
                _bits += 8;
                _padBits += 8;
                continue;
            }

            byte b = data[pos];
            if (b != 0xFF)
            {
                _cache |= (ulong)b << (56 - _bits);
                _bits += 8;
                _pos = pos + 1;
            }
            else if (pos + 1 < data.Length && data[pos + 1] < 0x80)
            {
                // 0xFF followed by a byte whose first bit is a stuffed 0: 8 + 7 data bits.
                _cache |= (ulong)0xFF << (56 - _bits);
                _cache |= (ulong)data[pos + 1] << (49 - _bits);
                _bits += 15;
                _pos = pos + 2;
            }
            else
            {
                // A marker (or a dangling 0xFF at the end) ends the entropy-coded data.
                _markerPos = pos;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ReadBit()
    {
        if (_bits == 0) Refill();
        int bit = (int)(_cache >> 63);
        _cache <<= 1;
        _bits--;
        return bit;
    }

    /// <summary>Reads 1..24 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ReadBits(int count)
    {
        if (_bits < count) Refill();
        int value = (int)(_cache >> (64 - count));
        _cache <<= count;
        _bits -= count;
        return value;
    }

    /// <summary>Decodes a limited-length Golomb code word with parameter k (T.87 §A.5.3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int DecodeValue(int k, int limit)
    {
        if (_bits < 32) Refill();
        int maxPrefix = limit - _qbpp - 1;
        int prefix = BitOperations.LeadingZeroCount(_cache);
        if (prefix < _bits)
        {
            // prefix zeros then a one; prefix may be 63, so shift in two steps (a shift by 64 is a no-op).
            _cache = (_cache << prefix) << 1;
            _bits -= prefix + 1;
        }
        else
        {
            prefix = ReadLongPrefix(maxPrefix);
        }

        if (prefix < maxPrefix)
        {
            if (k == 0) return prefix;
            return (prefix << k) | ReadBits(k);
        }

        if (prefix == maxPrefix) return ReadBits(_qbpp) + 1;
        throw Invalid("a Golomb code word is longer than LIMIT allows");
    }

    private int ReadLongPrefix(int maxPrefix)
    {
        int prefix = 0;
        while (true)
        {
            if (_bits == 0) Refill();
            if (_cache == 0)
            {
                prefix += _bits;
                _cache = 0;
                _bits = 0;
            }
            else
            {
                int zeros = BitOperations.LeadingZeroCount(_cache);
                prefix += zeros;
                _cache = (_cache << zeros) << 1;
                _bits -= zeros + 1;
                return prefix;
            }

            if (prefix > maxPrefix) throw Invalid("a Golomb code word is longer than LIMIT allows");
        }
    }

    // ---------------------------------------------------------------- context modelling

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Predict(int ra, int rb, int rc)
    {
        if (ra < rb)
        {
            if (rc >= rb) return ra;
            if (rc <= ra) return rb;
        }
        else
        {
            if (rc >= ra) return rb;
            if (rc <= rb) return ra;
        }

        return ra + rb - rc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int Reconstruct(int predicted, int error)
    {
        int value = predicted + error * _stepSize;
        if (value < -_near) value += _wrap;
        else if (value > _maxVal + _near) value -= _wrap;
        if (value < 0) return 0;
        return value > _maxVal ? _maxVal : value;
    }

    /// <summary>The smallest k with N·2^k ≥ A.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly int GolombParameter(int n, long a)
    {
        int k = BitOperations.LeadingZeroCount((ulong)n) - BitOperations.LeadingZeroCount((ulong)a);
        if (k < 0) return 0;
        if (((long)n << k) < a) k++;
        if (k > 24) ThrowGolombParameter();
        return k;
    }

    private readonly void ThrowGolombParameter() =>
        throw Invalid("a context's Golomb parameter is out of range (corrupt data)");

    /// <summary>Decodes one sample in regular mode; <paramref name="q"/> is the signed context number.</summary>
    /// <remarks>Kept out of line: inlined into the line loops it raises register pressure and runs ~20% slower.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int DecodeRegular(int q, int ra, int rb, int rc)
    {
        int sign = q >> 31;
        ref var context = ref _contexts[(q ^ sign) - sign];
        int c = context.C;
        int predicted = Predict(ra, rb, rc) + ((c ^ sign) - sign);
        if (predicted < 0) predicted = 0;
        else if (predicted > _maxVal) predicted = _maxVal;

        int n = context.N;
        long a = context.A;
        int k = GolombParameter(n, a);

        // Common case inline: the whole code word (prefix, stop bit, k bits) is in the cache and is not an escape.
        int mapped;
        if (_bits < 32) Refill();
        ulong cache = _cache;
        int bits = _bits;
        int prefix = BitOperations.LeadingZeroCount(cache);
        if (prefix < bits && prefix < _limit - _qbpp - 1 && k <= bits - prefix - 1)
        {
            cache = (cache << prefix) << 1;
            bits -= prefix + 1;
            if (k == 0)
            {
                mapped = prefix;
            }
            else
            {
                mapped = (prefix << k) | (int)(cache >> (64 - k));
                cache <<= k;
                bits -= k;
            }

            _cache = cache;
            _bits = bits;
        }
        else
        {
            mapped = DecodeValue(k, _limit);
        }

        if (mapped > _maxMappedError) ThrowErrorRange();
        int error = (mapped >> 1) ^ -(mapped & 1);
        int b = context.B;
        if (k == 0 && _near == 0 && 2 * b <= -n) error = ~error;

        b += error * _stepSize;
        a += Math.Abs(error);
        if (n == _reset)
        {
            a >>= 1;
            b >>= 1;
            n >>= 1;
        }

        n++;
        if (b <= -n)
        {
            b += n;
            if (c > -128) c--;
            if (b <= -n) b = -n + 1;
        }
        else if (b > 0)
        {
            b -= n;
            if (c < 127) c++;
            if (b > 0) b = 0;
        }

        context.A = a;
        context.B = b;
        context.C = c;
        context.N = n;
        return Reconstruct(predicted, (error ^ sign) - sign);
    }

    private readonly void ThrowErrorRange() =>
        throw Invalid("a prediction error value is out of range (corrupt data)");

    /// <summary>Decodes the error of a run interruption sample (T.87 §A.7.2) and updates its context.</summary>
    private int DecodeRunInterruptionError(int type, int runIndex)
    {
        ref var context = ref _contexts[RunContextBase + type];
        long a = context.A;
        int n = context.N;
        int nn = context.C; // Nn, the count of negative errors
        int k = GolombParameter(n, type == 0 ? a : a + (n >> 1));
        int mapped = DecodeValue(k, _limit - J[runIndex] - 1);
        if (mapped > _maxMappedError) ThrowErrorRange();
        int t = mapped + type;
        int map = t & 1;
        int magnitude = (t + map) >> 1;
        bool negativeMapsToOne = k != 0 || 2 * nn >= n;
        int error = negativeMapsToOne == (map != 0) ? -magnitude : magnitude;

        if (error < 0) nn++;
        a += (mapped + 1 - type) >> 1;
        if (n == _reset)
        {
            a >>= 1;
            n >>= 1;
            nn >>= 1;
        }

        context.A = a;
        context.N = n + 1;
        context.C = nn;
        return error;
    }

    /// <summary>
    /// Decodes the run length starting at sample <paramref name="x"/> (1-based in the padded line) of a line with
    /// <see cref="_width"/> samples. Returns the number of samples equal to Ra; <paramref name="endOfLine"/> tells
    /// whether the run reached the end of the line (no interruption sample follows).
    /// </summary>
    private int DecodeRunLength(int x, ref int runIndex, out bool endOfLine)
    {
        int remaining = _width - x + 1;
        int count = 0;
        while (ReadBit() != 0)
        {
            int length = 1 << J[runIndex];
            int taken = Math.Min(length, remaining - count);
            count += taken;
            if (taken == length && runIndex < 31) runIndex++;
            if (count == remaining)
            {
                endOfLine = true;
                return count;
            }
        }

        int order = J[runIndex];
        if (order > 0) count += ReadBits(order);
        if (count > remaining) throw Invalid("a run is longer than the rest of the line (corrupt data)");
        endOfLine = count == remaining;
        return count;
    }

    /// <summary>Decodes one line of a single component; lines are padded with one sample at each end.</summary>
    private void DecodeLine(Span<int> prev, Span<int> cur, ref int runIndex)
    {
        int width = _width;
        cur[0] = prev[1];
        prev[width + 1] = prev[width];
        ReadOnlySpan<sbyte> quantizer = _quantizer;
        int offset = _maxVal;

        int x = 1;
        while (x <= width)
        {
            int ra = cur[x - 1], rb = prev[x], rc = prev[x - 1], rd = prev[x + 1];
            int q = 81 * quantizer[rd - rb + offset] + 9 * quantizer[rb - rc + offset] + quantizer[rc - ra + offset];
            if (q != 0)
            {
                cur[x] = DecodeRegular(q, ra, rb, rc);
                x++;
            }
            else
            {
                x = DecodeRun(prev, cur, x, ref runIndex);
            }
        }
    }

    /// <summary>Run mode of a single component from sample <paramref name="x"/>; returns the next sample index.</summary>
    private int DecodeRun(Span<int> prev, Span<int> cur, int x, ref int runIndex)
    {
        int ra = cur[x - 1];
        int run = DecodeRunLength(x, ref runIndex, out bool endOfLine);
        cur.Slice(x, run).Fill(ra);
        x += run;
        if (endOfLine) return _width + 1;

        int rb = prev[x];
        if (Math.Abs(ra - rb) <= _near)
            cur[x] = Reconstruct(ra, DecodeRunInterruptionError(1, runIndex));
        else
        {
            int error = DecodeRunInterruptionError(0, runIndex);
            cur[x] = Reconstruct(rb, ra > rb ? -error : error);
        }

        if (runIndex > 0) runIndex--;
        return x + 1;
    }

    /// <summary>Decodes one line of a sample-interleaved scan with several components.</summary>
    private void DecodeLineSampleInterleaved(Span<int> buffers, int count, int current, int previous, ref int runIndex)
    {
        int width = _width;
        int stride = width + 2;
        Span<int> curBase = stackalloc int[count];
        Span<int> prevBase = stackalloc int[count];
        Span<int> contexts = stackalloc int[count];
        for (int i = 0; i < count; i++)
        {
            curBase[i] = (current * count + i) * stride;
            prevBase[i] = (previous * count + i) * stride;
            buffers[curBase[i]] = buffers[prevBase[i] + 1];
            buffers[prevBase[i] + width + 1] = buffers[prevBase[i] + width];
        }

        ReadOnlySpan<sbyte> quantizer = _quantizer;
        int offset = _maxVal;
        int x = 1;
        while (x <= width)
        {
            bool allZero = true;
            for (int i = 0; i < count; i++)
            {
                int p = prevBase[i] + x;
                int ra = buffers[curBase[i] + x - 1], rb = buffers[p], rc = buffers[p - 1], rd = buffers[p + 1];
                int q = 81 * quantizer[rd - rb + offset] + 9 * quantizer[rb - rc + offset] +
                        quantizer[rc - ra + offset];
                contexts[i] = q;
                if (q != 0) allZero = false;
            }

            if (!allZero)
            {
                for (int i = 0; i < count; i++)
                {
                    int p = prevBase[i] + x;
                    buffers[curBase[i] + x] =
                        DecodeRegular(contexts[i], buffers[curBase[i] + x - 1], buffers[p], buffers[p - 1]);
                }

                x++;
                continue;
            }

            int run = DecodeRunLength(x, ref runIndex, out bool endOfLine);
            for (int i = 0; i < count; i++)
                buffers.Slice(curBase[i] + x, run).Fill(buffers[curBase[i] + x - 1]);
            x += run;
            if (endOfLine) break;

            // Interruption pixel: every component is coded as a run interruption sample of type 0, predicted
            // from Rb (as in the common encoder implementations of sample-interleaved mode).
            for (int i = 0; i < count; i++)
            {
                int ra = buffers[curBase[i] + x - 1], rb = buffers[prevBase[i] + x];
                int error = DecodeRunInterruptionError(0, runIndex);
                buffers[curBase[i] + x] = Reconstruct(rb, ra > rb ? -error : error);
            }

            if (runIndex > 0) runIndex--;
            x++;
        }
    }

    /// <summary>Context variables: A, B, C, N for the 365 regular contexts; A, N and Nn (in C) for the two
    /// run interruption contexts.</summary>
    private struct Context
    {
        public long A;
        public int B;
        public int C;
        public int N;
    }
}
