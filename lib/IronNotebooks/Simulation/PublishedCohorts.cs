namespace IronNotebooks.Simulation;

/// <summary>Registry of published cohort mixes (datasets/published/rennes_validation_171.csv holds the same counts).</summary>
public static class PublishedCohorts
{
    /// <summary>
    /// The Spanish three-centre validation of the Rennes method (Castiella et al. 2013 seed review, docs/methods.md §2.1):
    /// 171 patients, 107 normal (&lt; 36 µmol/g), 38 moderate (36–80), 26 high (&gt; 80) by biopsy.
    /// </summary>
    public static CohortMix Rennes171 { get; } = new("rennes-171",
        [new("normal", 107, 15, 36), new("moderate", 38, 36, 80), new("high", 26, 80, 375)],
        "Rennes validation, 171 patients, 3 centres (Castiella, Alústiza, Zapata, Emparanza, Imaging Med 2013;5(6); docs/methods.md §2.1)", "[SEED]",
        "LIC log-uniform within each class (assumed); lower bound 15 µmol/g assumed (normal liver R2* at 1.5 T maps to ≈ 17–21 µmol/g through wood2005); "
        + "upper bound 375 µmol/g = highest biopsy value of Gandon 2004 (docs/methods.md §2.1, [V])");

    /// <summary>Every mix.</summary>
    public static IReadOnlyList<CohortMix> All { get; } = [Rennes171];

    /// <summary>A mix by name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static CohortMix Get(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown cohort '{name}'; known: {string.Join(", ", All.Select(c => c.Name))}.", nameof(name));
}
