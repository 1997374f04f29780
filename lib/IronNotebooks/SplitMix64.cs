namespace IronNotebooks;

/// <summary>
/// One step of SplitMix64 (Steele, Lea &amp; Flood 2014, doi:10.1145/2714064.2660195): the library's one seeded
/// generator core, shared by the bootstrap (Statistics) and the simulator's seeding (Simulation), so a seed reproduces on
/// every runtime and library version without depending on System.Random's algorithm.
/// </summary>
internal static class SplitMix64
{
    /// <summary>Advances <paramref name="state"/> and returns the next 64 random bits.</summary>
    public static ulong Next(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
