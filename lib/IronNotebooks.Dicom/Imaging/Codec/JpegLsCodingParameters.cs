namespace IronNotebooks.Dicom.Imaging.Codec;

/// <summary>The coding parameters of one JPEG-LS scan (T.87 §A.2 and §C.2.4.1.1).</summary>
internal sealed class JpegLsCodingParameters
{
    private const int DefaultReset = 64;

    // A few recently used quantisation tables (up to 128 KiB each for 16-bit data), replaced round-robin so that
    // odd streams cannot pin the cache.
    private static readonly QuantizerTable?[] TableCache = new QuantizerTable?[8];
    private static readonly Lock TableCacheGate = new();
    private static int _nextCacheSlot;

    private readonly int _t1;
    private readonly int _t2;
    private readonly int _t3;
    private sbyte[]? _quantizer;

    /// <param name="rangeMaxVal">MAXVAL from which RANGE, qbpp and LIMIT are derived.</param>
    /// <param name="sampleMaxVal">Upper clamp of predicted and reconstructed samples.</param>
    /// <param name="near">NEAR.</param>
    /// <param name="t1">T1.</param>
    /// <param name="t2">T2.</param>
    /// <param name="t3">T3.</param>
    /// <param name="reset">RESET.</param>
    private JpegLsCodingParameters(int rangeMaxVal, int sampleMaxVal, int near, int t1, int t2, int t3, int reset)
    {
        MaxVal = sampleMaxVal;
        Near = near;
        Reset = reset;
        Range = (rangeMaxVal + 2 * near) / (2 * near + 1) + 1;
        Qbpp = CeilLog2(Range);
        int bpp = Math.Max(2, CeilLog2(rangeMaxVal + 1));
        Limit = 2 * (bpp + Math.Max(8, bpp));
        InitialA = Math.Max(2, (Range + 32) >> 6);
        _t1 = t1;
        _t2 = t2;
        _t3 = t3;
    }

    /// <summary>Largest sample value (clamp of predictions and reconstructed samples).</summary>
    public int MaxVal { get; }

    /// <summary>Near-lossless error bound (0 = lossless).</summary>
    public int Near { get; }

    /// <summary>Context counter reset threshold.</summary>
    public int Reset { get; }

    /// <summary>Range of prediction error values.</summary>
    public int Range { get; }

    /// <summary>Bits needed for a mapped error value (escape code length).</summary>
    public int Qbpp { get; }

    /// <summary>Maximum length of a limited-length Golomb code word.</summary>
    public int Limit { get; }

    /// <summary>Initial value of the A context counters.</summary>
    public int InitialA { get; }

    /// <summary>Gradient quantisation table, indexed by gradient + <see cref="MaxVal"/>; values −4..4.</summary>
    public sbyte[] Quantizer => _quantizer ??= GetQuantizer(MaxVal, Near, _t1, _t2, _t3);

    /// <summary>
    /// Resolves the preset values (0 = default) against the frame precision, checks them, and returns the
    /// parameter sets to try in order. The first is T.87's. The others reproduce CharLS, the codec inside DCMTK,
    /// GDCM and most DICOM toolkits, where it departs from T.87: CharLS derives RANGE, qbpp and LIMIT from the
    /// precision rather than from an LSE MAXVAL below full scale, and CharLS 1.x computes the default thresholds
    /// with the MAXVAL ≥ 128 formula for every MAXVAL. A caller falls back to them only when the standard
    /// parameters fail to decode the scan cleanly.
    /// </summary>
    public static JpegLsCodingParameters[] CreateCandidates(int precision, int near, int presetMaxVal, int presetT1,
        int presetT2, int presetT3, int presetReset, int offset)
    {
        int fullScale = (1 << precision) - 1;
        int maxVal = presetMaxVal == 0 ? fullScale : presetMaxVal;
        if (maxVal > fullScale)
            throw Invalid($"preset MAXVAL {maxVal} exceeds the {precision}-bit sample range", offset);
        if (near > Math.Min(255, maxVal / 2))
            throw Invalid($"NEAR {near} is too large for MAXVAL {maxVal}", offset);

        ComputeDefaultThresholds(maxVal, near, out int d1, out int d2, out int d3);
        int t1 = presetT1 == 0 ? d1 : presetT1;
        int t2 = presetT2 == 0 ? d2 : presetT2;
        int t3 = presetT3 == 0 ? d3 : presetT3;
        int reset = presetReset == 0 ? DefaultReset : presetReset;
        if (t1 < near + 1 || t1 > maxVal || t2 < t1 || t2 > maxVal || t3 < t2 || t3 > maxVal)
            throw Invalid($"invalid preset thresholds T1={t1} T2={t2} T3={t3} for MAXVAL {maxVal}, NEAR {near}", offset);
        if (reset < 3 || reset > Math.Max(255, maxVal))
            throw Invalid($"invalid preset RESET {reset}", offset);

        var candidates = new List<JpegLsCodingParameters>(4) { new(maxVal, maxVal, near, t1, t2, t3, reset) };
        bool partialRange = maxVal < fullScale;
        int charLsClamp = reset == DefaultReset ? fullScale : maxVal;
        if (partialRange) candidates.Add(new(fullScale, charLsClamp, near, t1, t2, t3, reset));

        // CharLS 1.x: the MAXVAL >= 128 formula for every MAXVAL.
        int factor = (Math.Min(maxVal, 4095) + 128) >> 8;
        int l1 = presetT1 == 0 ? Clamp(factor + 2 + 3 * near, near + 1, maxVal) : t1;
        int l2 = presetT2 == 0 ? Clamp(factor * 4 + 3 + 5 * near, l1, maxVal) : t2;
        int l3 = presetT3 == 0 ? Clamp(factor * 17 + 4 + 7 * near, l2, maxVal) : t3;
        if (l1 != t1 || l2 != t2 || l3 != t3)
        {
            candidates.Add(new(maxVal, maxVal, near, l1, l2, l3, reset));
            if (partialRange) candidates.Add(new(fullScale, charLsClamp, near, l1, l2, l3, reset));
        }

        return [.. candidates];
    }

    private static void ComputeDefaultThresholds(int maxVal, int near, out int t1, out int t2, out int t3)
    {
        const int basicT1 = 3, basicT2 = 7, basicT3 = 21;
        if (maxVal >= 128)
        {
            int factor = (Math.Min(maxVal, 4095) + 128) >> 8;
            t1 = Clamp(factor * (basicT1 - 2) + 2 + 3 * near, near + 1, maxVal);
            t2 = Clamp(factor * (basicT2 - 3) + 3 + 5 * near, t1, maxVal);
            t3 = Clamp(factor * (basicT3 - 4) + 4 + 7 * near, t2, maxVal);
        }
        else
        {
            int factor = 256 / (maxVal + 1);
            t1 = Clamp(Math.Max(2, basicT1 / factor + 3 * near), near + 1, maxVal);
            t2 = Clamp(Math.Max(3, basicT2 / factor + 5 * near), t1, maxVal);
            t3 = Clamp(Math.Max(4, basicT3 / factor + 7 * near), t2, maxVal);
        }
    }

    private static int Clamp(int value, int low, int maxVal) => value > maxVal || value < low ? low : value;

    private static int CeilLog2(int value)
    {
        int bits = 0;
        while ((1 << bits) < value) bits++;
        return bits;
    }

    private static sbyte[] GetQuantizer(int maxVal, int near, int t1, int t2, int t3)
    {
        lock (TableCacheGate)
        {
            foreach (var entry in TableCache)
                if (entry is not null && entry.Matches(maxVal, near, t1, t2, t3))
                    return entry.Table;
        }

        var table = new sbyte[2 * maxVal + 1];
        for (int d = -maxVal; d <= maxVal; d++)
            table[d + maxVal] = (sbyte)(d <= -t3 ? -4 : d <= -t2 ? -3 : d <= -t1 ? -2 : d < -near ? -1 : d <= near ? 0 :
                d < t1 ? 1 : d < t2 ? 2 : d < t3 ? 3 : 4);
        lock (TableCacheGate)
        {
            TableCache[_nextCacheSlot] = new QuantizerTable(maxVal, near, t1, t2, t3, table);
            _nextCacheSlot = (_nextCacheSlot + 1) % TableCache.Length;
        }

        return table;
    }

    private sealed record QuantizerTable(int MaxVal, int Near, int T1, int T2, int T3, sbyte[] Table)
    {
        public bool Matches(int maxVal, int near, int t1, int t2, int t3) =>
            MaxVal == maxVal && Near == near && T1 == t1 && T2 == t2 && T3 == t3;
    }

    private static InvalidDataException Invalid(string message, int offset) => JpegLsDecoder.Invalid(message, offset);
}
