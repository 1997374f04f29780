namespace IronNotebooks.Statistics;

/// <summary>Lin's concordance correlation coefficient and its parts (see <see cref="MethodComparison.Concordance"/>).</summary>
/// <param name="N">Pairs.</param>
/// <param name="Ccc">ρc = 2s_xy/(s_x² + s_y² + (x̄ − ȳ)²), in [−1, 1]; 1 only when y = x exactly.</param>
/// <param name="Ci">Interval from Lin's z-transform variance, or null when it is undefined (|ρc| = 1, r = 0, n &lt; 4).</param>
/// <param name="PearsonR">Precision: Pearson's r.</param>
/// <param name="BiasCorrectionFactor">Accuracy C_b = ρc / r = 2/(v + 1/v + u²), in (0, 1].</param>
/// <param name="LocationShift">u = (x̄ − ȳ)/√(s_x s_y).</param>
/// <param name="ScaleShift">v = s_x / s_y.</param>
/// <param name="Warnings">Caveats.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record ConcordanceResult(int N, double Ccc, ConfidenceInterval? Ci, double PearsonR, double BiasCorrectionFactor,
    double LocationShift, double ScaleShift, IReadOnlyList<string> Warnings);
