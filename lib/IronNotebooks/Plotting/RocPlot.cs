using IronNotebooks.Plotting.Plotly;
using IronNotebooks.Statistics;

namespace IronNotebooks.Plotting;

/// <summary>
/// Empirical ROC curves on one square plot: x = 1 − specificity, y = sensitivity, the chance diagonal dashed, each
/// curve's legend "name: AUC 0.912 (95 % CI 0.851–0.973)" from its own <see cref="RocCurve.Auc"/> and DeLong
/// interval (bootstrap interval when that is the only one). Points are joined by straight segments, so the area under
/// the drawn curve is the AUC (ties give the diagonal steps pROC draws). Cut-offs, when given, are marked: Youden
/// (diamond), rule-in (triangle up), rule-out (triangle down); hovering a point shows its threshold.
/// </summary>
public static class RocPlot
{
    /// <summary>One curve.</summary>
    public static PlotlyFigure From(RocCurve curve, string name = "score", RocPlotOptions? options = null) =>
        From([new RocPlotSeries(name, Guard.NotNull(curve))], options);

    /// <summary>Several curves (e.g. R2* at two fields, or R2* vs signal ratio on the same subjects).</summary>
    /// <exception cref="ArgumentException">No series.</exception>
    public static PlotlyFigure From(IReadOnlyList<RocPlotSeries> series, RocPlotOptions? options = null)
    {
        Guard.NotNull(series);
        if (series.Count == 0) throw new ArgumentException("Give at least one ROC curve.", nameof(series));
        var o = options ?? RocPlotOptions.Default;
        var traces = new List<PlotlyTrace>();
        for (int k = 0; k < series.Count; k++)
        {
            var s = series[k];
            var c = s.Curve;
            string colour = ChartStyle.Colour(k), group = $"roc-{k}";
            var x = c.Specificities.Select(sp => 1 - sp).ToArray();
            var text = c.Thresholds.Select(t => $"threshold {Threshold(t, c.Direction, o.ScoreUnit)}").ToArray();
            traces.Add(new ScatterTrace(x, [.. c.Sensitivities], "lines", Legend(s.Name, c, o.AucDigits), Line: new PlotlyLine(colour, 2.5),
                LegendGroup: group, Text: text,
                HoverTemplate: "1 − specificity %{x:.3f}, sensitivity %{y:.3f}<br>%{text}<extra></extra>"));
            if (s.Cutoffs is { } cut)
            {
                foreach (var (label, point, symbol) in new (string, RocPoint?, string)[]
                         { ("Youden", cut.Youden, "diamond"), ("rule-in", cut.RuleIn, "triangle-up"), ("rule-out", cut.RuleOut, "triangle-down") })
                {
                    if (point is null) continue;
                    traces.Add(new ScatterTrace([1 - point.Specificity], [point.Sensitivity], "markers",
                        $"{s.Name} {label}: {Threshold(point.Threshold, c.Direction, o.ScoreUnit)}",
                        new PlotlyMarker(colour, 11, symbol), LegendGroup: group));
                }
            }
        }
        var chance = PlotlyShape.Segment("chance", 0, 0, 1, 1, new PlotlyLine(ChartStyle.ReferenceGrey, 1, "dash"));
        var layout = new PlotlyLayout(new PlotlyTitle(o.Title),
            new PlotlyAxis(new PlotlyTitle("1 − specificity"), Range: [-0.02, 1.02], Constrain: "domain", ZeroLine: false),
            new PlotlyAxis(new PlotlyTitle("sensitivity"), Range: [-0.02, 1.02], ScaleAnchor: "x", ScaleRatio: 1, Constrain: "domain", ZeroLine: false),
            [chance], Legend: PlotlyLegend.BottomRight, ShowLegend: true, HoverMode: "closest");
        return new PlotlyFigure(traces, layout, ChartStyle.Config("roc"));
    }

    /// <summary>The legend text of a curve: name, AUC, interval.</summary>
    internal static string Legend(string name, RocCurve c, int digits)
    {
        var ci = c.AucCi ?? c.AucBootstrapCi;
        var interval = ci is null ? "" : $" ({ChartStyle.Percent(ci.Level)} % CI {ChartStyle.F(ci.Lower, digits)}–{ChartStyle.F(ci.Upper, digits)})";
        return $"{name}: AUC {ChartStyle.F(c.Auc, digits)}{interval}";
    }

    private static string Threshold(double t, RocDirection direction, string? unit)
    {
        if (double.IsInfinity(t)) return t > 0 ? "+∞ (none positive)" : "−∞ (all positive)";
        var op = direction == RocDirection.LowerIsPositive ? "≤" : "≥";
        return $"{op} {t.ToString("G5", System.Globalization.CultureInfo.InvariantCulture)}{(unit is null ? "" : " " + unit)}";
    }
}
