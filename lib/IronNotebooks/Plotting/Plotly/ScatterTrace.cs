using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>Points or lines. Non-finite values are written as null, which Plotly draws as a gap.</summary>
/// <param name="X">Abscissae.</param>
/// <param name="Y">Ordinates.</param>
/// <param name="Mode">"markers", "lines" or "lines+markers".</param>
/// <param name="Name">Legend text.</param>
/// <param name="Marker">Marker style, or null.</param>
/// <param name="Line">Line style, or null.</param>
/// <param name="ShowLegend">False hides the trace from the legend (null: Plotly's default).</param>
/// <param name="LegendGroup">Traces of one group toggle together from the legend.</param>
/// <param name="Text">Per-point hover text, or null.</param>
/// <param name="ErrorY">Vertical error bars, or null.</param>
/// <param name="HoverTemplate">Plotly hover template, or null.</param>
public sealed record ScatterTrace(
    [property: JsonPropertyName("x")] IReadOnlyList<double> X,
    [property: JsonPropertyName("y")] IReadOnlyList<double> Y,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("marker")] PlotlyMarker? Marker = null,
    [property: JsonPropertyName("line")] PlotlyLine? Line = null,
    [property: JsonPropertyName("showlegend")] bool? ShowLegend = null,
    [property: JsonPropertyName("legendgroup")] string? LegendGroup = null,
    [property: JsonPropertyName("text")] IReadOnlyList<string>? Text = null,
    [property: JsonPropertyName("error_y")] PlotlyErrorBars? ErrorY = null,
    [property: JsonPropertyName("hovertemplate")] string? HoverTemplate = null) : PlotlyTrace("scatter");
