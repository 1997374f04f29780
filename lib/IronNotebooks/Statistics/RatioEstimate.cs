namespace IronNotebooks.Statistics;

/// <summary>A ratio of proportions (a likelihood ratio) with its interval.</summary>
/// <param name="Value">The ratio; +∞ when the denominator proportion is 0 and the numerator is not, NaN when both are 0
/// (<paramref name="Note"/> then says so).</param>
/// <param name="Interval">The log-method interval (Simel, Samsa &amp; Matchar 1991), or null when a cell it needs is 0.</param>
/// <param name="Note">Why the value is infinite or undefined, or why there is no interval; null when both are ordinary.</param>
public sealed record RatioEstimate(double Value, ConfidenceInterval? Interval, string? Note);
