using IronNotebooks.Plotting.Plotly;
using IronNotebooks.Statistics;

namespace IronNotebooks.Plotting;

/// <summary>
/// The Bland–Altman plot (Bland &amp; Altman 1986, Lancet i:307): differences b − a (on the result's scale) against
/// the pair means, a solid line at the bias d̄, dashed lines at the limits of agreement d̄ ± z·s, each labelled with its
/// value at the right edge, and (optionally) their confidence intervals as shaded bands. On the log-ratio scale the
/// labels also give the back-transformed ratios b/a. Lines are layout shapes spanning the full width, so they stay put
/// when zooming.
/// </summary>
public static class BlandAltmanPlot
{
    /// <summary>Builds the figure.</summary>
    /// <exception cref="ArgumentException">Point labels of the wrong count.</exception>
    public static PlotlyFigure From(BlandAltmanResult result, BlandAltmanPlotOptions? options = null)
    {
        Guard.NotNull(result);
        var o = options ?? BlandAltmanPlotOptions.Default;
        if (o.PointLabels is { } labels) Guard.SameLength(labels.Count, result.N, nameof(o.PointLabels), nameof(result));
        int d = o.Digits;
        var traces = new List<PlotlyTrace>
        {
            new ScatterTrace(result.Means, result.Differences, "markers", $"pairs (n = {result.N})", new PlotlyMarker(ChartStyle.Colour(0), 7, Opacity: 0.8),
                Text: o.PointLabels),
        };
        var shapes = new List<PlotlyShape>();
        if (o.ShowIntervals)
        {
            shapes.Add(PlotlyShape.HorizontalBand("bias CI", result.BiasCi.Lower, result.BiasCi.Upper, "#1f77b4", 0.15));
            shapes.Add(PlotlyShape.HorizontalBand("lower limit CI", result.LowerLimitCi.Lower, result.LowerLimitCi.Upper, "#d62728", 0.12));
            shapes.Add(PlotlyShape.HorizontalBand("upper limit CI", result.UpperLimitCi.Lower, result.UpperLimitCi.Upper, "#d62728", 0.12));
        }
        shapes.Add(PlotlyShape.HorizontalLine("bias", result.Bias, new PlotlyLine("#1f77b4", 2)));
        shapes.Add(PlotlyShape.HorizontalLine("lower limit of agreement", result.LowerLimit, new PlotlyLine("#d62728", 1.5, "dash")));
        shapes.Add(PlotlyShape.HorizontalLine("upper limit of agreement", result.UpperLimit, new PlotlyLine("#d62728", 1.5, "dash")));
        shapes.Add(PlotlyShape.HorizontalLine("zero", 0, new PlotlyLine(ChartStyle.ReferenceGrey, 1, "dot")));

        string z = ChartStyle.F(result.LimitMultiplier, 2), unit = result.Scale == "difference" && o.Unit is { } u ? " " + u : result.Scale == "percent" ? " %" : "";
        string Ratio(double? r) => r is { } v ? $" (ratio {ChartStyle.F(v, 3)})" : "";
        var annotations = new List<PlotlyAnnotation>
        {
            Label($"bias {ChartStyle.F(result.Bias, d)}{unit}{Ratio(result.Ratios?.Bias)}", result.Bias),
            Label($"+{z} SD {ChartStyle.F(result.UpperLimit, d)}{unit}{Ratio(result.Ratios?.UpperLimit)}", result.UpperLimit),
            Label($"−{z} SD {ChartStyle.F(result.LowerLimit, d)}{unit}{Ratio(result.Ratios?.LowerLimit)}", result.LowerLimit),
        };
        if (o.ShowProportionalBias && result.Means.Count > 0)
        {
            double lo = result.Means.Min(), hi = result.Means.Max();
            var pb = result.ProportionalBias;
            traces.Add(new ScatterTrace([lo, hi], [pb.Predict(lo), pb.Predict(hi)], "lines",
                $"proportional bias: slope {ChartStyle.F(pb.Slope, 3)} ({ChartStyle.Percent(pb.SlopeCi.Level)} % CI {ChartStyle.F(pb.SlopeCi.Lower, 3)}–{ChartStyle.F(pb.SlopeCi.Upper, 3)})",
                Line: new PlotlyLine(ChartStyle.Colour(2), 1.5, "dashdot")));
        }
        var layout = new PlotlyLayout(new PlotlyTitle(o.Title),
            new PlotlyAxis(new PlotlyTitle($"mean of {o.MethodA} and {o.MethodB}{ChartStyle.Unit(o.Unit)}")),
            new PlotlyAxis(new PlotlyTitle(YTitle(result.Scale, o)), ZeroLine: false),
            shapes, annotations, ShowLegend: o.ShowProportionalBias, Legend: PlotlyLegend.TopLeft, HoverMode: "closest");
        return new PlotlyFigure(traces, layout, ChartStyle.Config("bland-altman"));
    }

    private static PlotlyAnnotation Label(string text, double y) =>
        new(text, 1, y, XRef: "paper", YRef: "y", XAnchor: "right", YAnchor: "bottom", Font: new PlotlyFont(12));

    private static string YTitle(string scale, BlandAltmanPlotOptions o) => scale switch
    {
        "difference" => $"{o.MethodB} − {o.MethodA}{ChartStyle.Unit(o.Unit)}",
        "percent" => $"100·({o.MethodB} − {o.MethodA}) / mean (%)",
        "log-ratio" => $"ln({o.MethodB} / {o.MethodA})",
        _ => $"{o.MethodB} − {o.MethodA} ({scale} scale)",
    };
}
