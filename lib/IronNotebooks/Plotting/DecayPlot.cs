using IronNotebooks.Plotting.Plotly;
using IronNotebooks.Relaxometry;
using IronNotebooks.Relaxometry.Internal;

namespace IronNotebooks.Plotting;

/// <summary>
/// Measured echoes (markers, ± ROI SD when known) with each fitted model drawn as a curve from TE = 0: mono, log-linear,
/// ARLO and truncation as S0·e^(−R2*·TE), offset + C, bi-exponential as the sum of both components, Rician as the
/// Rician first moment with the fit's σ. The legend gives each model's R2* (± standard error) and T2*. When a noise σ
/// is known the Rayleigh noise floor σ·√(π/2) (mean magnitude of pure noise) is drawn dotted: echoes near it are what
/// biases the plain fits. Fits that are not usable are listed in the legend without a curve.
/// </summary>
public static class DecayPlot
{
    /// <summary>Echoes and fits.</summary>
    /// <param name="echoTimesMs">Echo times, ms.</param>
    /// <param name="signal">Signal per echo.</param>
    /// <param name="fits">Fits of these echoes (any models).</param>
    /// <param name="options">Options, or null.</param>
    /// <param name="signalSd">Per-echo SD for error bars (ROI SD), or null.</param>
    /// <exception cref="ArgumentException">Null, empty, mismatched or non-finite input.</exception>
    public static PlotlyFigure From(IReadOnlyList<double> echoTimesMs, IReadOnlyList<double> signal, IReadOnlyList<DecayFitResult> fits,
        DecayPlotOptions? options = null, IReadOnlyList<double>? signalSd = null)
    {
        Guard.NotNull(echoTimesMs);
        Guard.NotNull(signal);
        Guard.NotNull(fits);
        Guard.SameLength(echoTimesMs.Count, signal.Count, nameof(echoTimesMs), nameof(signal));
        if (signalSd is not null) Guard.SameLength(signalSd.Count, signal.Count, nameof(signalSd), nameof(signal));
        if (echoTimesMs.Count == 0) throw new ArgumentException("No echoes to plot.", nameof(echoTimesMs));
        for (int i = 0; i < echoTimesMs.Count; i++)
            if (!double.IsFinite(echoTimesMs[i]) || echoTimesMs[i] < 0) throw new ArgumentException($"Echo time {i} ({echoTimesMs[i]} ms) is not a finite time ≥ 0.", nameof(echoTimesMs));
        var o = options ?? DecayPlotOptions.Default;
        Guard.InRange(o.CurvePoints, 2, 100_000, nameof(o.CurvePoints));

        var traces = new List<PlotlyTrace>
        {
            new ScatterTrace([.. echoTimesMs], [.. signal], "markers", "echoes", new PlotlyMarker("#000000", 8),
                ErrorY: signalSd is null ? null : new PlotlyErrorBars([.. signalSd])),
        };
        double tMax = echoTimesMs.Max() * 1.05;
        var grid = ChartStyle.Grid(0, tMax, o.CurvePoints);
        var shapes = new List<PlotlyShape>();
        for (int k = 0; k < fits.Count; k++)
        {
            var fit = Guard.NotNull(fits[k]);
            var line = new PlotlyLine(ChartStyle.Colour(k + 1), 2, k == 0 ? null : k % 2 == 1 ? "dash" : "dashdot");
            if (!fit.IsUsable)
            {
                traces.Add(new ScatterTrace([], [], "lines", $"{fit.Model}: no usable fit ({fit.Status})", Line: line));
                continue;
            }
            traces.Add(new ScatterTrace(grid, [.. grid.Select(t => Evaluate(fit, t))], "lines", Legend(fit), Line: line));
        }
        if (fits.Select(f => f.NoiseSigma).FirstOrDefault(s => s is not null) is { } sigma)
            shapes.Add(PlotlyShape.HorizontalLine($"noise floor σ·√(π/2) = {ChartStyle.F(sigma * Math.Sqrt(Math.PI / 2), 1)}",
                sigma * Math.Sqrt(Math.PI / 2), new PlotlyLine(ChartStyle.ReferenceGrey, 1, "dot")));
        var layout = new PlotlyLayout(new PlotlyTitle(o.Title ?? "Signal decay"),
            new PlotlyAxis(new PlotlyTitle("echo time (ms)"), Range: [0, tMax]),
            new PlotlyAxis(new PlotlyTitle($"signal ({o.SignalUnit})"), AxisType: o.LogSignal ? "log" : null),
            shapes, ShowLegend: true, Legend: PlotlyLegend.TopRight, HoverMode: "closest");
        return new PlotlyFigure(traces, layout, ChartStyle.Config("decay"));
    }

    /// <summary>An ROI fit: per-echo ROI means ± SD and the fitted curve.</summary>
    /// <param name="roiFit">The ROI fit; every echo must carry its echo time.</param>
    /// <param name="options">Options, or null.</param>
    /// <param name="otherFits">More fits of the same echoes to overlay (other models).</param>
    /// <exception cref="ArgumentException">An echo without an echo time.</exception>
    public static PlotlyFigure From(RoiDecayFitResult roiFit, DecayPlotOptions? options = null, IReadOnlyList<DecayFitResult>? otherFits = null)
    {
        Guard.NotNull(roiFit);
        var te = roiFit.Echoes.Select((e, i) => e.EchoTimeMs
            ?? throw new ArgumentException($"Echo {i} of ROI '{e.RoiName}' has no echo time.", nameof(roiFit))).ToArray();
        var o = options ?? DecayPlotOptions.Default;
        var roiName = roiFit.Echoes.Count > 0 ? roiFit.Echoes[0].RoiName : "ROI";
        o = o with { Title = o.Title ?? $"{roiFit.Source}, slice {roiFit.SliceIndex}, ROI {roiName} ({roiFit.PixelCount} pixels)" };
        return From(te, [.. roiFit.Echoes.Select(e => e.Mean)], [roiFit.Fit, .. otherFits ?? []], o, [.. roiFit.Echoes.Select(e => e.Sd)]);
    }

    /// <summary>"mono: R2* 123.4 ± 2.1 s⁻¹ (T2* 8.10 ms)".</summary>
    internal static string Legend(DecayFitResult fit)
    {
        var se = fit.R2StarStandardErrorPerSecond is { } s ? $" ± {ChartStyle.F(s, 1)}" : "";
        var text = $"{fit.Model}: R2* {ChartStyle.F(fit.R2StarPerSecond, 1)}{se} s⁻¹ (T2* {ChartStyle.F(fit.T2StarMs, 2)} ms)";
        if (fit.SecondComponent is { } c) text += $", slow {ChartStyle.F(c.R2StarPerSecond, 1)} s⁻¹";
        if (fit.Offset is { } off) text += $", C {ChartStyle.F(off, 1)}";
        return text;
    }

    /// <summary>The fitted model's signal at <paramref name="teMs"/> (ms).</summary>
    internal static double Evaluate(DecayFitResult fit, double teMs)
    {
        double t = teMs / 1000, a = fit.S0 * Math.Exp(-fit.R2StarPerSecond * t);
        if (fit.SecondComponent is { } c) a += c.S0 * Math.Exp(-c.R2StarPerSecond * t);
        if (fit.Offset is { } off) a += off;
        return string.Equals(fit.Model, DecayModels.Rician.Name, StringComparison.Ordinal) && fit.NoiseSigma is { } sigma && sigma > 0
            ? RicianMean.Of(a, sigma)
            : a;
    }
}
