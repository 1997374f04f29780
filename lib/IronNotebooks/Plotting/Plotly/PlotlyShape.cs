using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>
/// A layout shape: "line", "rect" and "circle" use x0…y1, "path" an SVG path. Coordinates are in data units unless
/// <paramref name="XRef"/>/<paramref name="YRef"/> say "paper" (0–1 across the plot area), which is how a horizontal
/// reference line spans the whole width whatever the zoom.
/// </summary>
/// <param name="Type">"line", "rect", "circle" or "path".</param>
/// <param name="Line">Outline style.</param>
/// <param name="Name">What the shape marks (ROI name, "bias", …).</param>
/// <param name="X0">First x.</param>
/// <param name="Y0">First y.</param>
/// <param name="X1">Second x.</param>
/// <param name="Y1">Second y.</param>
/// <param name="Path">SVG path for "path".</param>
/// <param name="XRef">"x" (data, default) or "paper".</param>
/// <param name="YRef">"y" (data, default) or "paper".</param>
/// <param name="FillColor">Fill, or null for none.</param>
/// <param name="Opacity">0–1, or null.</param>
/// <param name="Layer">"above" or "below" the traces.</param>
public sealed record PlotlyShape(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("line")] PlotlyLine Line,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("x0")] double? X0 = null,
    [property: JsonPropertyName("y0")] double? Y0 = null,
    [property: JsonPropertyName("x1")] double? X1 = null,
    [property: JsonPropertyName("y1")] double? Y1 = null,
    [property: JsonPropertyName("path")] string? Path = null,
    [property: JsonPropertyName("xref")] string? XRef = null,
    [property: JsonPropertyName("yref")] string? YRef = null,
    [property: JsonPropertyName("fillcolor")] string? FillColor = null,
    [property: JsonPropertyName("opacity")] double? Opacity = null,
    [property: JsonPropertyName("layer")] string? Layer = null)
{
    /// <summary>A horizontal line at <paramref name="y"/> across the full plot width.</summary>
    public static PlotlyShape HorizontalLine(string name, double y, PlotlyLine line) =>
        new("line", line, name, X0: 0, Y0: y, X1: 1, Y1: y, XRef: "paper", YRef: "y");

    /// <summary>A band between <paramref name="y0"/> and <paramref name="y1"/> across the full width, behind the traces.</summary>
    public static PlotlyShape HorizontalBand(string name, double y0, double y1, string fillColor, double opacity) =>
        new("rect", new PlotlyLine(fillColor, 0), name, X0: 0, Y0: y0, X1: 1, Y1: y1, XRef: "paper", YRef: "y",
            FillColor: fillColor, Opacity: opacity, Layer: "below");

    /// <summary>A straight segment in data coordinates.</summary>
    public static PlotlyShape Segment(string name, double x0, double y0, double x1, double y1, PlotlyLine line) =>
        new("line", line, name, X0: x0, Y0: y0, X1: x1, Y1: y1);
}
