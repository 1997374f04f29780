namespace IronNotebooks.Dicom.Imaging.Codec;

/// <summary>
/// One Huffman decoding table of a DHT segment (ITU-T T.81 §B.2.4.2, Annex C and §F.2.2.3), shared by the lossless
/// (process 14) and DCT (processes 1 and 2) decoders. Codes up to <see cref="LookupBits"/> long are resolved by one
/// table look-up; longer ones by the canonical MAXCODE/VALPTR search of §F.2.2.3.
/// </summary>
internal sealed class JpegHuffmanTable
{
    /// <summary>Bits resolved by the direct look-up table.</summary>
    internal const int LookupBits = 9;

    /// <summary>
    /// Direct look-up by the next <see cref="LookupBits"/> bits: <c>(code length &lt;&lt; 8) | symbol</c>, or 0 when the
    /// code is longer than <see cref="LookupBits"/> (or the bits start no valid code).
    /// </summary>
    internal readonly ushort[] Lookup = new ushort[1 << LookupBits];

    /// <summary>Largest code of each length 1–16 (index = length), −1 when the length has no codes.</summary>
    internal readonly int[] MaxCode = new int[17];

    /// <summary>Added to a code of each length to give its index in <see cref="Values"/>.</summary>
    internal readonly int[] ValueOffset = new int[17];

    /// <summary>HUFFVAL: the symbols in order of increasing code length.</summary>
    internal readonly byte[] Values = new byte[256];

    /// <summary>Bits resolved by <see cref="DifferenceLookup"/>.</summary>
    internal const int DifferenceBits = 12;

    /// <summary>
    /// For lossless scans: look-up by the next <see cref="DifferenceBits"/> bits of a whole difference, code and extra
    /// bits together, as <c>(difference &lt;&lt; 8) | bits used</c>, or 0 when they do not fit (then
    /// <see cref="Lookup"/> is used). Null until <see cref="BuildDifferenceLookup"/> is called.
    /// </summary>
    internal int[]? DifferenceLookup;

    /// <summary>BITS: number of codes of each length 1–16 (index = length).</summary>
    private readonly byte[] _counts = new byte[17];

    /// <summary>Number of symbols (codes) in the table.</summary>
    internal int Count { get; private set; }

    /// <summary>Largest symbol value present (0 for an empty table).</summary>
    internal int MaxSymbol { get; private set; }

    /// <summary>
    /// Builds <see cref="DifferenceLookup"/> for decoding lossless differences (T.81 §H.1.2.2); symbols must be ≤ 16.
    /// </summary>
    internal void BuildDifferenceLookup()
    {
        if (DifferenceLookup is not null) return;
        var lookup = new int[1 << DifferenceBits];
        int code = 0, k = 0;
        for (int length = 1; length <= DifferenceBits; length++)
        {
            for (int i = 0; i < _counts[length]; i++, code++, k++)
            {
                int size = Values[k];
                if (size is 0 or 16)
                {
                    // No extra bits: the difference is 0, or 32768 for the DICOM 16-bit case.
                    int shift = DifferenceBits - length;
                    lookup.AsSpan(code << shift, 1 << shift).Fill(((size == 0 ? 0 : 32768) << 8) | length);
                }
                else if (length + size <= DifferenceBits)
                {
                    int shift = DifferenceBits - length - size;
                    for (int extra = 0; extra < 1 << size; extra++)
                    {
                        int difference = extra < 1 << (size - 1) ? extra + 1 - (1 << size) : extra;
                        lookup.AsSpan(((code << size) | extra) << shift, 1 << shift)
                            .Fill((difference << 8) | (length + size));
                    }
                }
            }

            code <<= 1;
        }

        DifferenceLookup = lookup;
    }

    /// <summary>
    /// Parses one table definition starting at <paramref name="offset"/> in <paramref name="segment"/> (16 BITS counts
    /// followed by the HUFFVAL bytes) and returns the number of bytes it occupied.
    /// </summary>
    /// <param name="segment">The DHT segment contents after the length field.</param>
    /// <param name="offset">Where this table's 16 counts start inside <paramref name="segment"/>.</param>
    /// <param name="streamOffset">Byte offset of <paramref name="segment"/>[0] in the frame, for error messages.</param>
    /// <param name="table">The decoded table.</param>
    /// <exception cref="InvalidDataException">Counts overrun the segment, exceed 256 symbols, or describe more codes
    /// of some length than fit in that many bits.</exception>
    internal static int Parse(ReadOnlySpan<byte> segment, int offset, int streamOffset, out JpegHuffmanTable table)
    {
        if (segment.Length - offset < 16)
            throw JpegT81Parser.Corrupt("DHT segment ends inside the 16 code-length counts", streamOffset + offset);
        var counts = segment.Slice(offset, 16);
        int total = 0;
        foreach (var c in counts) total += c;
        if (total > 256)
            throw JpegT81Parser.Corrupt($"DHT table defines {total} codes (at most 256 are allowed)", streamOffset + offset);
        if (segment.Length - offset - 16 < total)
            throw JpegT81Parser.Corrupt($"DHT segment ends inside a table of {total} symbols", streamOffset + offset);

        var t = new JpegHuffmanTable { Count = total };
        counts.CopyTo(t._counts.AsSpan(1));
        var values = segment.Slice(offset + 16, total);
        values.CopyTo(t.Values);
        int maxSymbol = 0;
        foreach (var v in values) maxSymbol = Math.Max(maxSymbol, v);
        t.MaxSymbol = maxSymbol;

        // Canonical code assignment (T.81 Annex C): codes of each length are consecutive, and the first code of
        // length L+1 is (last code of length L + 1) << 1.
        int code = 0, k = 0;
        for (int length = 1; length <= 16; length++)
        {
            int n = counts[length - 1];
            if (n == 0)
            {
                t.MaxCode[length] = -1;
            }
            else
            {
                t.ValueOffset[length] = k - code;
                for (int i = 0; i < n; i++, code++, k++)
                {
                    if (code >= 1 << length)
                        throw JpegT81Parser.Corrupt(
                            $"DHT table has more codes of length {length} than {length} bits can hold",
                            streamOffset + offset);
                    if (length <= LookupBits)
                    {
                        int shift = LookupBits - length;
                        int first = code << shift;
                        ushort entry = (ushort)((length << 8) | t.Values[k]);
                        t.Lookup.AsSpan(first, 1 << shift).Fill(entry);
                    }
                }

                t.MaxCode[length] = code - 1;
            }

            code <<= 1;
        }

        table = t;
        return 16 + total;
    }
}
