using IronNotebooks.Statistics;

namespace IronNotebooks.Plotting;

/// <summary>One curve of an <see cref="RocPlot"/>.</summary>
/// <param name="Name">What was scored, e.g. "R2* (1.5 T)"; the legend adds the AUC and its interval.</param>
/// <param name="Curve">The curve.</param>
/// <param name="Cutoffs">Cut-offs to mark on it (Youden, rule-in, rule-out), or null.</param>
public sealed record RocPlotSeries(string Name, RocCurve Curve, CutoffReport? Cutoffs = null);
