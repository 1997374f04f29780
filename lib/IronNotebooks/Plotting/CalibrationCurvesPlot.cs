using IronNotebooks.Calibration;
using IronNotebooks.Plotting.Plotly;

namespace IronNotebooks.Plotting;

/// <summary>
/// Several calibrations of <see cref="RelaxometryCalibrations"/> on one plot, rate (x, s⁻¹) against LIC (y, mg Fe/g
/// dry weight), each evaluated with the calibration's own published formula. Within a calibration's stated validity
/// range the curve is solid; outside it the same colour is dotted and named "outside …" in the legend, so an
/// extrapolation never looks like calibrated territory. A calibration whose range is not stated in the project's
/// sources is dashed throughout. Where a formula has no value (St Pierre's inverse above ≈ 394.5 s⁻¹) the curve stops.
/// The legend gives each calibration's title (authors, year, field) and evidence status. All calibrations must take the
/// same quantity (R2* or R2), since they share the x axis.
/// </summary>
public static class CalibrationCurvesPlot
{
    /// <summary>Builds the figure; null <paramref name="calibrations"/> draws every R2* calibration of the registry.</summary>
    /// <exception cref="ArgumentException">No calibrations, a mix of R2* and R2 calibrations, or a bad rate range.</exception>
    public static PlotlyFigure From(IEnumerable<RelaxometryCalibration>? calibrations = null, CalibrationCurvesOptions? options = null)
    {
        var list = (calibrations ?? RelaxometryCalibrations.All.Where(c => c.Quantity == RelaxationQuantity.R2Star)).ToList();
        if (list.Count == 0) throw new ArgumentException("Give at least one calibration.", nameof(calibrations));
        if (list.Select(c => c.Quantity).Distinct().Count() > 1)
            throw new ArgumentException($"R2* and R2 calibrations cannot share one rate axis ({string.Join(", ", list.Select(c => $"{c.Name}: {c.Quantity}"))}); plot them separately.",
                nameof(calibrations));
        var o = options ?? CalibrationCurvesOptions.Default;
        Guard.Finite(o.RateMinPerSecond, nameof(o.RateMinPerSecond));
        Guard.Finite(o.RateMaxPerSecond, nameof(o.RateMaxPerSecond));
        if (o.RateMaxPerSecond <= o.RateMinPerSecond)
            throw new ArgumentException($"RateMaxPerSecond ({o.RateMaxPerSecond}) must exceed RateMinPerSecond ({o.RateMinPerSecond}).", nameof(options));
        Guard.InRange(o.Points, 2, 100_000, nameof(o.Points));

        var traces = new List<PlotlyTrace>();
        for (int k = 0; k < list.Count; k++)
        {
            var c = list[k];
            string colour = ChartStyle.Colour(k), group = c.Name, status = $"[{c.StatusNote}]";
            var rates = ChartStyle.Grid(o.RateMinPerSecond, o.RateMaxPerSecond, o.Points).ToList();
            if (c.ValidityMinMgPerGram is null && c.ValidityMaxMgPerGram is null)
            {
                traces.Add(new ScatterTrace(rates, [.. rates.Select(c.ToMgPerGram)], "lines", $"{c.Title} {status}, validity range not stated",
                    Line: new PlotlyLine(colour, 2, "dash"), LegendGroup: group));
                continue;
            }
            foreach (var bound in new[] { c.ValidityMinMgPerGram, c.ValidityMaxMgPerGram })
                if (bound is { } b && RateAt(c, b, o.RateMinPerSecond, o.RateMaxPerSecond) is { } r) rates.Add(r);
            rates.Sort();
            var lic = rates.Select(c.ToMgPerGram).ToArray();
            bool Inside(double v) => double.IsFinite(v) && !(c.ValidityMinMgPerGram is { } lo && v < lo - 1e-9) && !(c.ValidityMaxMgPerGram is { } hi && v > hi + 1e-9);
            traces.Add(new ScatterTrace(rates, [.. lic.Select(v => Inside(v) ? v : double.NaN)], "lines", $"{c.Title} {status}, valid {c.ValidityRange}",
                Line: new PlotlyLine(colour, 2.5), LegendGroup: group));
            // Boundary points belong to both traces so the solid and dotted parts meet.
            traces.Add(new ScatterTrace(rates, [.. lic.Select(v => !Inside(v) || OnBound(c, v) ? v : double.NaN)], "lines",
                $"{c.Title}: outside {c.ValidityRange} (extrapolation)", Line: new PlotlyLine(colour, 1.5, "dot"), LegendGroup: group));
        }
        string quantity = list[0].Quantity == RelaxationQuantity.R2Star ? "R2*" : "R2";
        var layout = new PlotlyLayout(new PlotlyTitle(o.Title),
            new PlotlyAxis(new PlotlyTitle($"{quantity} (s⁻¹)"), Range: [o.RateMinPerSecond, o.RateMaxPerSecond]),
            new PlotlyAxis(new PlotlyTitle("LIC (mg Fe/g dry weight)")),
            [], [new PlotlyAnnotation("solid: within the stated validity range · dotted: outside it · dashed: range not stated", 0, 1.0,
                XRef: "paper", YRef: "paper", XAnchor: "left", YAnchor: "bottom", Font: new PlotlyFont(11, ChartStyle.ReferenceGrey))],
            ShowLegend: true, Legend: PlotlyLegend.TopLeft, HoverMode: "closest");
        return new PlotlyFigure(traces, layout, ChartStyle.Config("calibrations"));
    }

    private static bool OnBound(RelaxometryCalibration c, double v) =>
        (c.ValidityMinMgPerGram is { } lo && Math.Abs(v - lo) <= 1e-9) || (c.ValidityMaxMgPerGram is { } hi && Math.Abs(v - hi) <= 1e-9);

    /// <summary>The rate where the (increasing) calibration reaches <paramref name="licMgPerGram"/>, by bisection, or null outside the span.</summary>
    private static double? RateAt(RelaxometryCalibration c, double licMgPerGram, double lo, double hi)
    {
        double fLo = c.ToMgPerGram(lo) - licMgPerGram, fHi = c.ToMgPerGram(hi) - licMgPerGram;
        if (!double.IsFinite(fLo) || !double.IsFinite(fHi) || fLo * fHi > 0) return null;
        for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.Max(1, Math.Abs(hi)); i++)
        {
            double mid = (lo + hi) / 2, f = c.ToMgPerGram(mid) - licMgPerGram;
            if (f * fLo <= 0) hi = mid;
            else { lo = mid; fLo = f; }
        }
        return (lo + hi) / 2;
    }
}
