namespace IronNotebooks.Statistics.Internal;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014, doi:10.1145/2714064.2660195) with Lemire's unbiased bounded integers
/// (2019, doi:10.1145/3230636). Written here rather than taken from System.Random or Math.NET so that a seed gives the
/// same bootstrap replicates on every runtime and library version: a published CI must be reproducible.
/// </summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>).</summary>
    public int Next(int bound)
    {
        ulong b = (ulong)bound;
        ulong x = (uint)NextUInt64();
        ulong m = x * b;
        uint low = (uint)m;
        if (low < b)
        {
            uint threshold = (uint)((0x1_0000_0000UL - b) % b);
            while (low < threshold)
            {
                x = (uint)NextUInt64();
                m = x * b;
                low = (uint)m;
            }
        }
        return (int)(m >> 32);
    }
}
