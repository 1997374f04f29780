using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace IronNotebooks.Dicom.Imaging.Codec;

/// <summary>
/// Reads the entropy-coded segment of a Huffman-coded JPEG scan (T.81 §F.2.2.5, §B.1.1.5): removes the stuffed zero
/// after each 0xFF data byte, stops in front of the first marker, and decodes Huffman symbols and the extra bits that
/// follow them. Bits are kept left-aligned in a 64-bit buffer that is refilled a byte at a time.
/// </summary>
/// <remarks>
/// Once a marker or the end of the data is reached, the buffer is padded with zero bits so that look-ahead never
/// fails; actually consuming a padding bit means the scan needed more data than it has, and throws
/// <see cref="InvalidDataException"/> (truncated or corrupt scan).
/// </remarks>
internal ref struct JpegHuffmanBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private ulong _buffer;
    private int _bitCount;
    private int _padBits;
    private bool _stopped;

    /// <summary>Starts reading entropy-coded data at <paramref name="position"/> of <paramref name="data"/>.</summary>
    public JpegHuffmanBitReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        _position = position;
    }

    /// <summary>Offset of the next byte not yet taken into the bit buffer.</summary>
    public readonly int Position => _position;

    /// <summary>Decodes one Huffman symbol.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DecodeSymbol(JpegHuffmanTable table)
    {
        if (_bitCount < 16) Fill();
        int entry = table.Lookup[(int)(_buffer >> (64 - JpegHuffmanTable.LookupBits))];
        if (entry != 0)
        {
            Skip(entry >> 8);
            return entry & 0xFF;
        }

        return DecodeSlow(table);
    }

    /// <summary>
    /// Reads <paramref name="size"/> (0–16) extra bits and sign-extends them as a difference or coefficient value
    /// (T.81 §F.2.2.1, EXTEND).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReceiveExtend(int size)
    {
        if (size == 0) return 0;
        if (_bitCount < size) Fill();
        int v = (int)(_buffer >> (64 - size));
        Skip(size);
        return v < 1 << (size - 1) ? v + 1 - (1 << size) : v;
    }

    /// <summary>
    /// Decodes one lossless difference (T.81 §H.1.2.2): a Huffman-coded category SSSS followed by SSSS extra bits;
    /// SSSS = 16 means 32768 with no extra bits. The table's symbols must already be known to be ≤ 16, and its
    /// <see cref="JpegHuffmanTable.DifferenceLookup"/> built.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DecodeLosslessDifference(JpegHuffmanTable table)
    {
        if (_bitCount < 32) Fill();
        int whole = table.DifferenceLookup![(int)(_buffer >> (64 - JpegHuffmanTable.DifferenceBits))];
        if (whole != 0)
        {
            Skip(whole & 0xFF);
            return whole >> 8;
        }

        int entry = table.Lookup[(int)(_buffer >> (64 - JpegHuffmanTable.LookupBits))];
        int size;
        if (entry != 0)
        {
            Skip(entry >> 8);
            size = entry & 0xFF;
        }
        else
        {
            size = DecodeSlow(table);
        }

        if (size == 0) return 0;
        if (size == 16) return 32768;
        // At least 16 bits remain after a code of at most 16 bits, so no refill is needed for size ≤ 15.
        int v = (int)(_buffer >> (64 - size));
        Skip(size);
        return v < 1 << (size - 1) ? v + 1 - (1 << size) : v;
    }

    /// <summary>
    /// Ends a restart interval: drops the fill bits of the last byte, skips to the next marker and checks that it is
    /// RST<paramref name="expected"/>, then resumes reading after it.
    /// </summary>
    /// <exception cref="InvalidDataException">The data ends or a different marker comes first.</exception>
    public void ReadRestartMarker(int expected)
    {
        int at = NextMarkerPosition();
        if (at + 1 >= _data.Length)
            throw JpegT81Parser.Corrupt($"scan data ends where restart marker RST{expected} was expected", at);
        int marker = _data[at + 1];
        if (marker != 0xD0 + expected)
            throw JpegT81Parser.Corrupt(
                $"expected restart marker RST{expected} (0xFF{0xD0 + expected:X2}) but found marker 0xFF{marker:X2}", at);
        _position = at + 2;
        _buffer = 0;
        _bitCount = 0;
        _padBits = 0;
        _stopped = false;
    }

    /// <summary>
    /// Offset of the first marker at or after the current read position (at its last 0xFF fill byte), or the data
    /// length if none; bits still in the buffer are abandoned. Used at the end of a scan and at restart markers.
    /// </summary>
    public readonly int NextMarkerPosition()
    {
        int p = _position;
        var data = _data;
        while (p < data.Length)
        {
            if (data[p] == 0xFF)
            {
                if (p + 1 >= data.Length) return p;
                byte next = data[p + 1];
                if (next == 0xFF)
                {
                    p++;
                    continue;
                }

                if (next != 0) return p;
                p += 2;
                continue;
            }

            p++;
        }

        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Skip(int bits)
    {
        _buffer <<= bits;
        _bitCount -= bits;
        if (_bitCount < _padBits) ThrowOverrun();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Fill()
    {
        var data = _data;
        if (!_stopped && data.Length - _position >= 8)
        {
            // Fast path: the next 8 bytes hold no 0xFF, so as many whole bytes as fit go in at once.
            ulong word = BinaryPrimitives.ReadUInt64BigEndian(data.Slice(_position, 8));
            ulong inverted = ~word;
            if (((inverted - 0x0101010101010101UL) & ~inverted & 0x8080808080808080UL) == 0)
            {
                int take = (64 - _bitCount) >> 3;
                _buffer |= word >> (64 - 8 * take) << (64 - _bitCount - 8 * take);
                _bitCount += 8 * take;
                _position += take;
                return;
            }
        }

        while (_bitCount <= 56)
        {
            if (_stopped)
            {
                int add = (64 - _bitCount) & ~7;
                _bitCount += add;
                _padBits += add;
                return;
            }

            if (_position >= data.Length)
            {
                _stopped = true;
                continue;
            }

            byte b = data[_position];
            if (b == 0xFF)
            {
                if (_position + 1 < data.Length && data[_position + 1] == 0)
                {
                    _position += 2;
                }
                else
                {
                    // A marker (or 0xFF fill before one, or a final 0xFF of truncated data): the scan's data ends here.
                    _stopped = true;
                    continue;
                }
            }
            else
            {
                _position++;
            }

            _buffer |= (ulong)b << (56 - _bitCount);
            _bitCount += 8;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int DecodeSlow(JpegHuffmanTable table)
    {
        if (_bitCount < 16) Fill();
        int code16 = (int)(_buffer >> 48);
        for (int length = JpegHuffmanTable.LookupBits + 1; length <= 16; length++)
        {
            int code = code16 >> (16 - length);
            if (code <= table.MaxCode[length])
            {
                int index = code + table.ValueOffset[length];
                if ((uint)index >= (uint)table.Count) break;
                Skip(length);
                return table.Values[index];
            }
        }

        throw JpegT81Parser.Corrupt("invalid Huffman code in scan data", Math.Max(0, _position - (_bitCount - _padBits) / 8));
    }

    [DoesNotReturn]
    private readonly void ThrowOverrun() =>
        throw JpegT81Parser.Corrupt(
            _position >= _data.Length
                ? "scan data is truncated (the data ends before all samples were decoded)"
                : "scan data ends early (a marker interrupts it before all samples were decoded)",
            _position);
}
