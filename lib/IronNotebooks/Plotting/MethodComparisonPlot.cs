using IronNotebooks.Plotting.Plotly;
using IronNotebooks.Statistics;

namespace IronNotebooks.Plotting;

/// <summary>
/// Scatter of paired measurements with the line of identity and fitted regression lines (OLS, Deming,
/// Passing–Bablok), the usual first figure of a method-comparison study. Each line's legend gives its equation and, for
/// OLS, R².
/// </summary>
public static class MethodComparisonPlot
{
    /// <summary>Builds the figure.</summary>
    /// <param name="x">Measurements by the first method (finite).</param>
    /// <param name="y">Measurements by the second method, paired with <paramref name="x"/>.</param>
    /// <param name="options">Titles, lines; null for <see cref="MethodComparisonPlotOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">Null, empty, mismatched or non-finite input, or labels of the wrong count.</exception>
    public static PlotlyFigure From(IReadOnlyList<double> x, IReadOnlyList<double> y, MethodComparisonPlotOptions? options = null)
    {
        Guard.NotNull(x);
        Guard.NotNull(y);
        Guard.SameLength(x.Count, y.Count, nameof(x), nameof(y));
        if (x.Count == 0) throw new ArgumentException("No pairs to plot.", nameof(x));
        for (int i = 0; i < x.Count; i++)
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
                throw new ArgumentException($"Pair {i} ({x[i]}, {y[i]}) is not finite.", double.IsFinite(x[i]) ? nameof(y) : nameof(x));
        var o = options ?? MethodComparisonPlotOptions.Default;
        if (o.PointLabels is { } labels) Guard.SameLength(labels.Count, x.Count, nameof(o.PointLabels), nameof(x));

        var traces = new List<PlotlyTrace>
        {
            new ScatterTrace([.. x], [.. y], "markers", $"pairs (n = {x.Count})", new PlotlyMarker(ChartStyle.Colour(0), 7, Opacity: 0.8),
                Text: o.PointLabels),
        };
        double xMin = x.Min(), xMax = x.Max();
        if (o.IdentityLine)
        {
            double lo = Math.Min(xMin, y.Min()), hi = Math.Max(xMax, y.Max());
            traces.Add(new ScatterTrace([lo, hi], [lo, hi], "lines", "identity (y = x)", Line: new PlotlyLine(ChartStyle.ReferenceGrey, 1.5, "dash")));
        }
        for (int k = 0; k < o.Lines.Count; k++)
        {
            var line = o.Lines[k];
            traces.Add(new ScatterTrace([xMin, xMax], [line.Predict(xMin), line.Predict(xMax)], "lines", Label(line),
                Line: new PlotlyLine(ChartStyle.Colour(k + 1), 2)));
        }
        var layout = new PlotlyLayout(new PlotlyTitle(o.Title), new PlotlyAxis(new PlotlyTitle(o.XTitle)), new PlotlyAxis(new PlotlyTitle(o.YTitle)), [],
            Legend: PlotlyLegend.TopLeft, HoverMode: "closest");
        return new PlotlyFigure(traces, layout, ChartStyle.Config("method-comparison"));
    }

    /// <summary>"Deming: y = 1.020·x − 3.41" (+ " (R² 0.953)" for OLS).</summary>
    internal static string Label(RegressionLine line)
    {
        var m = line.Method;
        var name = m.StartsWith("ordinary least squares", StringComparison.OrdinalIgnoreCase) ? "OLS"
            : m.StartsWith("Deming", StringComparison.OrdinalIgnoreCase) ? "Deming"
            : m.Contains("Passing", StringComparison.OrdinalIgnoreCase) ? "Passing–Bablok"
            : m.Split([',', '('], 2)[0].Trim();
        string sign = line.Intercept < 0 ? "−" : "+";
        var text = $"{name}: y = {ChartStyle.F(line.Slope, 3)}·x {sign} {ChartStyle.F(Math.Abs(line.Intercept), 3)}";
        return line.RSquared is { } r2 ? $"{text} (R² {ChartStyle.F(r2, 3)})" : text;
    }
}
