namespace IronNotebooks.Simulation;

/// <summary>
/// The project's own seeded pseudo-random generator, so that a seed gives the same numbers on every run, runtime and
/// platform (System.Random's algorithm is an implementation detail that has changed between .NET versions).
/// State: xoshiro256** (Blackman &amp; Vigna 2018, "Scrambled linear pseudorandom number generators",
/// doi:10.1145/3460772), seeded through SplitMix64 as its authors recommend. Gaussian deviates come from the Marsaglia
/// polar method (Marsaglia &amp; Bray 1964), which needs only a logarithm and a square root. The integer stream is
/// bit-identical everywhere; <see cref="NextGaussian"/> also calls <see cref="Math.Log(double)"/>, which .NET delegates to the
/// platform's maths library, so a different C library could in principle change the last bit of a deviate.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareGaussian;

    /// <summary>A generator for <paramref name="seed"/>.</summary>
    public SeededRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>
    /// An independent stream for one named purpose under a master seed (for example "patient 3 / series T2"), so that
    /// adding a series or a patient never shifts the numbers of another. The label is hashed with FNV-1a (64-bit) over
    /// its UTF-16 code units, then mixed with the seed by SplitMix64.
    /// </summary>
    public static SeededRandom Derive(ulong seed, string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        ulong h = 14695981039346656037UL;
        foreach (char c in label)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        ulong x = seed ^ h;
        return new SeededRandom(SplitMix64(ref x));
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double NextDouble(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>) without modulo bias (Lemire's method is not needed at these sizes: rejection).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> ≤ 0.</exception>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "maxExclusive must be above 0.");
        ulong bound = (ulong)maxExclusive;
        ulong limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong r;
        do r = NextUInt64(); while (r >= limit);
        return (int)(r % bound);
    }

    /// <summary>A standard normal deviate (mean 0, SD 1), Marsaglia polar method; the second deviate of each pair is kept for the next call.</summary>
    public double NextGaussian()
    {
        if (_spareGaussian is double spare)
        {
            _spareGaussian = null;
            return spare;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);
        double f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareGaussian = v * f;
        return u * f;
    }

    /// <summary>Shuffles a list in place (Fisher–Yates).</summary>
    public void Shuffle<T>(IList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>One SplitMix64 step (Steele, Lea &amp; Flood 2014): advances <paramref name="state"/> and returns a mixed value.</summary>
    public static ulong SplitMix64(ref ulong state) => IronNotebooks.SplitMix64.Next(ref state);

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
