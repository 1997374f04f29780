using System.Globalization;
using System.Text.Json;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Simulation;
using Xunit;

namespace IronNotebooks.Tests.Simulation;

/// <summary>
/// The generator and the UIDs against an independent Python implementation of the published algorithms
/// (Fixtures/simulation/make_rng_reference.py → rng_reference.json). SplitMix64's first outputs for seed 1234567 are
/// also the test vector its authors publish.
/// </summary>
public sealed class SeededRandomTests
{
    private static readonly JsonElement Reference =
        JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture(Path.Combine("simulation", "rng_reference.json")))).RootElement;

    private static ulong[] Numbers(string key) => [.. Reference.GetProperty(key).EnumerateArray().Select(e => ulong.Parse(e.GetString()!, CultureInfo.InvariantCulture))];

    [Fact]
    public void SplitMix64_MatchesThePublishedSequence()
    {
        ulong state = 1234567;
        var expected = Numbers("splitmix64_seed_1234567");
        Assert.Equal(6457827717110365317UL, expected[0]);
        foreach (var e in expected) Assert.Equal(e, SeededRandom.SplitMix64(ref state));
    }

    [Fact]
    public void Xoshiro256StarStar_MatchesTheIndependentImplementation()
    {
        var random = new SeededRandom(42);
        foreach (var e in Numbers("xoshiro_seed_42")) Assert.Equal(e, random.NextUInt64());
        random = new SeededRandom(42);
        foreach (var e in Reference.GetProperty("next_double_seed_42").EnumerateArray()) Assert.Equal(e.GetDouble(), random.NextDouble());
    }

    [Fact]
    public void Derive_HashesTheLabelAsDocumented()
    {
        var random = SeededRandom.Derive(7, Reference.GetProperty("derive_seed_7_label").GetString()!);
        foreach (var e in Numbers("derive_seed_7")) Assert.Equal(e, random.NextUInt64());
    }

    [Fact]
    public void Derive_GivesDifferentStreamsForDifferentLabelsAndSeeds()
    {
        ulong a = SeededRandom.Derive(1, "a").NextUInt64(), b = SeededRandom.Derive(1, "b").NextUInt64(), c = SeededRandom.Derive(2, "a").NextUInt64();
        Assert.NotEqual(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(a, SeededRandom.Derive(1, "a").NextUInt64());
    }

    [Fact]
    public void NextGaussian_HasMeanZeroAndUnitVarianceAndNormalTails()
    {
        var random = new SeededRandom(2026);
        const int n = 200_000;
        double sum = 0, sum2 = 0;
        int beyond196 = 0;
        for (int i = 0; i < n; i++)
        {
            double g = random.NextGaussian();
            sum += g;
            sum2 += g * g;
            if (Math.Abs(g) > 1.959964) beyond196++;
        }
        double mean = sum / n, variance = sum2 / n - mean * mean;
        // Standard errors: mean 1/√n ≈ 0.0022, variance √(2/n) ≈ 0.0032, tail fraction √(0.05·0.95/n) ≈ 0.00049: 5 SE bounds.
        Assert.InRange(mean, -0.011, 0.011);
        Assert.InRange(variance, 0.984, 1.016);
        Assert.InRange(beyond196 / (double)n, 0.05 - 0.0025, 0.05 + 0.0025);
    }

    [Fact]
    public void NextInt_StaysInRangeAndShuffleKeepsTheElements()
    {
        var random = new SeededRandom(3);
        var counts = new int[7];
        for (int i = 0; i < 70_000; i++) counts[random.NextInt(7)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
        var items = Enumerable.Range(0, 50).ToList();
        random.Shuffle(items);
        Assert.Equal(Enumerable.Range(0, 50), items.Order());
        Assert.NotEqual(Enumerable.Range(0, 50), items);
        Assert.Throws<ArgumentOutOfRangeException>(() => random.NextInt(0));
    }

    [Fact]
    public void DeterministicUid_MatchesTheIndependentSha256Rule()
    {
        foreach (var e in Reference.GetProperty("uids").EnumerateArray())
        {
            string uid = DeterministicUid.Create(ulong.Parse(e.GetProperty("seed").GetString()!, CultureInfo.InvariantCulture), e.GetProperty("label").GetString()!);
            Assert.Equal(e.GetProperty("uid").GetString(), uid);
            Assert.True(uid.Length <= 64);
            Assert.Matches(@"^2\.25\.[1-9][0-9]*$", uid);
        }
    }
}
