using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>A Plotly figure: traces and layout, serialized by <see cref="PlotlyJson"/> into what Plotly.newPlot takes.</summary>
/// <param name="Data">Traces.</param>
/// <param name="Layout">Layout.</param>
public sealed record PlotlyFigure([property: JsonPropertyName("data")] IReadOnlyList<PlotlyTrace> Data,
    [property: JsonPropertyName("layout")] PlotlyLayout Layout);

/// <summary>Base of the trace records; each derived record carries Plotly's own property names.</summary>
[JsonDerivedType(typeof(HeatmapTrace))]
[JsonDerivedType(typeof(ScatterTrace))]
public abstract record PlotlyTrace([property: JsonPropertyName("type")] string Type);

/// <summary>A heatmap of rows of values (z[row][column]).</summary>
public sealed record HeatmapTrace(
    [property: JsonPropertyName("z")] IReadOnlyList<float[]> Z,
    [property: JsonPropertyName("colorscale")] string ColorScale,
    [property: JsonPropertyName("zmin")] double ZMin,
    [property: JsonPropertyName("zmax")] double ZMax,
    [property: JsonPropertyName("showscale")] bool ShowScale) : PlotlyTrace("heatmap");

/// <summary>Points or lines.</summary>
public sealed record ScatterTrace(
    [property: JsonPropertyName("x")] IReadOnlyList<double> X,
    [property: JsonPropertyName("y")] IReadOnlyList<double> Y,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("marker")] PlotlyMarker? Marker = null) : PlotlyTrace("scatter");

/// <summary>Marker style.</summary>
public sealed record PlotlyMarker([property: JsonPropertyName("color")] string Color, [property: JsonPropertyName("size")] double Size);

/// <summary>Layout: title, axes and shapes.</summary>
public sealed record PlotlyLayout(
    [property: JsonPropertyName("title")] PlotlyTitle Title,
    [property: JsonPropertyName("xaxis")] PlotlyAxis XAxis,
    [property: JsonPropertyName("yaxis")] PlotlyAxis YAxis,
    [property: JsonPropertyName("shapes")] IReadOnlyList<PlotlyShape> Shapes);

/// <summary>A title.</summary>
public sealed record PlotlyTitle([property: JsonPropertyName("text")] string Text);

/// <summary>An axis.</summary>
public sealed record PlotlyAxis(
    [property: JsonPropertyName("title")] PlotlyTitle Title,
    [property: JsonPropertyName("autorange")] object? AutoRange = null,
    [property: JsonPropertyName("scaleanchor")] string? ScaleAnchor = null,
    [property: JsonPropertyName("constrain")] string? Constrain = null);

/// <summary>A layout shape: circle and rect use x0…y1, path uses an SVG path.</summary>
public sealed record PlotlyShape(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("line")] PlotlyLine Line,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("x0")] double? X0 = null,
    [property: JsonPropertyName("y0")] double? Y0 = null,
    [property: JsonPropertyName("x1")] double? X1 = null,
    [property: JsonPropertyName("y1")] double? Y1 = null,
    [property: JsonPropertyName("path")] string? Path = null);

/// <summary>A line style.</summary>
public sealed record PlotlyLine([property: JsonPropertyName("color")] string Color, [property: JsonPropertyName("width")] double Width);
