using System.Globalization;

namespace IronNotebooks.Cohorts;

/// <summary>Shard <see cref="Index"/> of <see cref="Count"/> (1-based, as a Slurm array task K of N): the exams at manifest
/// positions i with i mod N = K − 1, so shards are disjoint, cover the manifest and stay balanced.</summary>
/// <param name="Index">K, 1…N.</param>
/// <param name="Count">N ≥ 1.</param>
public sealed record CohortShard(int Index, int Count)
{
    /// <summary>The whole cohort.</summary>
    public static CohortShard All { get; } = new(1, 1);

    /// <summary>True when the exam at manifest position <paramref name="position"/> belongs to this shard.</summary>
    public bool Contains(int position) => position % Count == Index - 1;

    /// <summary>Parses "K/N".</summary>
    /// <exception cref="ArgumentException">Not K/N with 1 ≤ K ≤ N.</exception>
    public static CohortShard Parse(string text)
    {
        var parts = Guard.NotNull(text).Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1 && k >= 1 && k <= n)
            return new CohortShard(k, n);
        throw new ArgumentException($"--shard '{text}' must be K/N with 1 ≤ K ≤ N, e.g. 2/8.", nameof(text));
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
