namespace IronNotebooks.Statistics;

/// <summary>
/// The registry of kappa weightings. Packages name them differently: vcd calls linear "Equal-Spacing" and quadratic
/// "Fleiss-Cohen" (and defaults to linear); psych's <c>cohen.kappa</c> defaults its weighted kappa to quadratic; some
/// software uses disagreement weights 1 − w. Quadratic-weighted kappa approximates the intraclass correlation (Fleiss
/// &amp; Cohen 1973).
/// </summary>
public static class KappaWeightings
{
    /// <summary>Unweighted: w = 1 on the diagonal, 0 elsewhere (Cohen 1960, Educ Psychol Meas 20:37, doi:10.1177/001316446002000104).</summary>
    public static KappaWeighting None { get; } = new("none", "w = 1 if i = j else 0", "Cohen (1960), doi:10.1177/001316446002000104",
        (i, j, _) => i == j ? 1 : 0);

    /// <summary>Linear: w = 1 − |i − j|/(k − 1) (Cicchetti &amp; Allison 1971; Cohen 1968, Psychol Bull 70:213, doi:10.1037/h0026256).</summary>
    public static KappaWeighting Linear { get; } = new("linear", "w = 1 − |i − j|/(k − 1)", "Cohen (1968), doi:10.1037/h0026256; Cicchetti & Allison (1971)",
        (i, j, k) => 1 - Math.Abs(i - j) / (k - 1.0));

    /// <summary>Quadratic: w = 1 − (i − j)²/(k − 1)² (Fleiss &amp; Cohen 1973, Educ Psychol Meas 33:613, doi:10.1177/001316447303300309).</summary>
    public static KappaWeighting Quadratic { get; } = new("quadratic", "w = 1 − (i − j)²/(k − 1)²", "Fleiss & Cohen (1973), doi:10.1177/001316447303300309",
        (i, j, k) => 1 - (i - j) * (double)(i - j) / ((k - 1.0) * (k - 1.0)));

    /// <summary>Every weighting, in registry order.</summary>
    public static IReadOnlyList<KappaWeighting> All { get; } = [None, Linear, Quadratic];

    /// <summary>The weighting named <paramref name="name"/> (case-insensitive; "unweighted" is accepted for "none").</summary>
    /// <exception cref="ArgumentException">No such weighting; the message lists the names.</exception>
    public static KappaWeighting Get(string name) =>
        string.Equals(name, "unweighted", StringComparison.OrdinalIgnoreCase) ? None
        : All.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase))
          ?? throw new ArgumentException($"Unknown kappa weighting '{name}'; known: {string.Join(", ", All.Select(w => w.Name))}.", nameof(name));
}
