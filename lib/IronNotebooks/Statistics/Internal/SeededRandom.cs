namespace IronNotebooks.Statistics.Internal;

/// <summary>
/// <see cref="SplitMix64"/> with Lemire's unbiased bounded integers
/// (2019, doi:10.1145/3230636). Written here rather than taken from System.Random or Math.NET so that a seed gives the
/// same bootstrap replicates on every runtime and library version: a published CI must be reproducible.
/// </summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64() => SplitMix64.Next(ref _state);

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
