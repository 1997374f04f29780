using System.Diagnostics;
using IronNotebooks.Dicom;

namespace IronNotebooks.Testing;

/// <summary>One input that broke the contract: it threw something other than a DicomException, or hung.</summary>
public sealed record FuzzCrash(string Seed, string Mutation, string Error);

/// <summary>What a fuzz run found.</summary>
/// <param name="Inputs">Mutated inputs tried.</param>
/// <param name="Read">Inputs that read and decoded without error.</param>
/// <param name="TypedErrors">Inputs rejected with a <see cref="DicomException"/> (the expected outcome for bad data).</param>
/// <param name="Crashes">Inputs that threw anything else or exceeded the time limit.</param>
/// <param name="MaxMilliseconds">Slowest input.</param>
/// <param name="Slowest">Which input that was.</param>
public sealed record FuzzResult(int Inputs, int Read, int TypedErrors, IReadOnlyList<FuzzCrash> Crashes, double MaxMilliseconds, string Slowest);

/// <summary>
/// Mutation fuzzing of the reader: bit flips, truncations, overwritten length-sized fields (0, odd, huge, all ones),
/// deleted and duplicated spans. Each mutant is opened, and every frame's pixels (up to four) are decoded; the only
/// acceptable failure is a <see cref="DicomException"/>. Deterministic for a given random seed.
/// </summary>
public static class DicomMutationFuzzer
{
    /// <summary>
    /// Corpus files (paths under ../shared/corpus) whose pixel data is JPEG 2000, one per writer: their mutants reach
    /// OpenJPEG through the C# main-header check. A native crash there ends the process, which the test runner reports
    /// as a failure, so these seeds stay in the CI fuzz run.
    /// </summary>
    public static readonly string[] Jpeg2000CorpusSeeds =
    [
        "pydicom-debian-testfiles/MR_small_jp2klossless.dcm", "pydicom-debian-testfiles/JPEG2000.dcm",
        "pydicom-data/emri_small_jpeg_2k_lossless.dcm", "pydicom-data/liver_j2k.dcm", "dcm_qa_ts/In/9.dcm",
    ];

    private static readonly uint[] InterestingValues = [0, 1, 2, 3, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF];

    public static FuzzResult Run(IReadOnlyList<(string Name, byte[] Bytes)> seeds, int inputs, int randomSeed, TimeSpan hangLimit)
    {
        var random = new Random(randomSeed);
        var crashes = new List<FuzzCrash>();
        int read = 0, typed = 0;
        double max = 0;
        string slowest = "";
        for (int n = 0; n < inputs; n++)
        {
            var (name, original) = seeds[random.Next(seeds.Count)];
            var (mutant, mutation) = Mutate(original, random);
            var stopwatch = Stopwatch.StartNew();
            var task = Task.Run(() => Exercise(mutant));
            if (!task.Wait(hangLimit))
            {
                crashes.Add(new FuzzCrash(name, mutation, $"no result after {hangLimit.TotalSeconds} s"));
                continue;
            }
            double ms = stopwatch.Elapsed.TotalMilliseconds;
            if (ms > max) { max = ms; slowest = $"{name}: {mutation}"; }
            switch (task.Result)
            {
                case null: read++; break;
                case DicomException: typed++; break;
                case var e: crashes.Add(new FuzzCrash(name, mutation, e.GetType().Name + ": " + e.Message)); break;
            }
        }
        return new FuzzResult(inputs, read, typed, crashes, max, slowest);
    }

    private static Exception? Exercise(byte[] bytes)
    {
        try
        {
            var file = DicomFile.Open(bytes, "mutant.dcm");
            if (!file.Dataset.Contains(DicomTags.PixelData) && !file.Dataset.Contains(DicomTags.FloatPixelData)) return null;
            var pixels = file.GetPixelData();
            for (int i = 0; i < Math.Min(pixels.NumberOfFrames, 4); i++) pixels.GetRescaledValues(i);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static (byte[] Bytes, string Mutation) Mutate(byte[] original, Random random)
    {
        var b = (byte[])original.Clone();
        switch (random.Next(6))
        {
            case 0:
            {
                int flips = 1 + random.Next(8);
                for (int i = 0; i < flips; i++) { int at = random.Next(b.Length); b[at] ^= (byte)(1 << random.Next(8)); }
                return (b, $"{flips} bit flip(s)");
            }
            case 1:
            {
                int length = random.Next(b.Length);
                return (b[..length], $"truncated to {length} bytes");
            }
            case 2:
            case 3:
            {
                // Lengths are 16- or 32-bit fields after a tag; hitting them at random offsets is what a
                // corrupt length looks like to the reader.
                int at = random.Next(Math.Max(1, b.Length - 4));
                uint v = InterestingValues[random.Next(InterestingValues.Length)];
                int width = random.Next(2) == 0 ? 2 : 4;
                for (int i = 0; i < width && at + i < b.Length; i++) b[at + i] = (byte)(v >> (8 * i));
                return (b, $"{width}-byte field at {at} set to 0x{v:X}");
            }
            case 4:
            {
                int at = random.Next(b.Length), count = Math.Min(1 + random.Next(64), b.Length - at);
                return ([.. b[..at], .. b[(at + count)..]], $"deleted {count} bytes at {at}");
            }
            default:
            {
                int at = random.Next(b.Length), count = Math.Min(1 + random.Next(64), b.Length - at);
                return ([.. b[..(at + count)], .. b[at..]], $"duplicated {count} bytes at {at}");
            }
        }
    }
}
