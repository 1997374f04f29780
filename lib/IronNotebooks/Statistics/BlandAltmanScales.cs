namespace IronNotebooks.Statistics;

/// <summary>
/// The registry of Bland–Altman difference scales. Adding one is one entry here plus its test. When the spread of the
/// differences grows with the magnitude (common for LIC and R2*, whose error is roughly proportional), the log-ratio
/// scale gives limits that hold across the range; Bland &amp; Altman (1999) §4.
/// </summary>
public static class BlandAltmanScales
{
    /// <summary>Plain differences b − a, in the units of the measurements (Bland &amp; Altman 1986).</summary>
    public static BlandAltmanScale Difference { get; } = new("difference", "b − a, in the measurements' units",
        "Bland & Altman (1986), Lancet i:307, doi:10.1016/S0140-6736(86)90837-8", (a, b) => b - a, null, false);

    /// <summary>Differences as a percentage of the pair mean, 100·(b − a)/((a + b)/2).</summary>
    public static BlandAltmanScale PercentOfMean { get; } = new("percent", "100·(b − a)/((a + b)/2), percent of the pair mean",
        "Bland & Altman (1999), Stat Methods Med Res 8:135, doi:10.1177/096228029900800204", (a, b) => 200 * (b - a) / (a + b), null, true);

    /// <summary>Natural-log ratios ln b − ln a; bias and limits back-transform to ratios b/a.</summary>
    public static BlandAltmanScale LogRatio { get; } = new("log-ratio", "ln(b) − ln(a); exp gives the ratio b/a",
        "Bland & Altman (1999), Stat Methods Med Res 8:135, doi:10.1177/096228029900800204; Euser, Dekker & le Cessie (2008), J Clin Epidemiol 61:978",
        (a, b) => Math.Log(b) - Math.Log(a), Math.Exp, true);

    /// <summary>Every scale, in registry order.</summary>
    public static IReadOnlyList<BlandAltmanScale> All { get; } = [Difference, PercentOfMean, LogRatio];

    /// <summary>The scale named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such scale; the message lists the names.</exception>
    public static BlandAltmanScale Get(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown Bland–Altman scale '{name}'; known: {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));
}
