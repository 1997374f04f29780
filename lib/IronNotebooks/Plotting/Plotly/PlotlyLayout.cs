using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>Layout: title, axes, shapes (ROIs, reference lines) and annotations.</summary>
/// <param name="Title">Figure title.</param>
/// <param name="XAxis">x axis.</param>
/// <param name="YAxis">y axis.</param>
/// <param name="Shapes">Shapes, drawn in order.</param>
/// <param name="Annotations">Text labels, or null.</param>
/// <param name="ShowLegend">Whether the legend is shown (null: Plotly's default, shown with two or more traces).</param>
/// <param name="Legend">Legend placement, or null.</param>
/// <param name="Width">Width, px, or null to fill the container.</param>
/// <param name="Height">Height, px, or null (Plotly's 450).</param>
/// <param name="HoverMode">"closest", "x", … or null.</param>
public sealed record PlotlyLayout(
    [property: JsonPropertyName("title")] PlotlyTitle Title,
    [property: JsonPropertyName("xaxis")] PlotlyAxis XAxis,
    [property: JsonPropertyName("yaxis")] PlotlyAxis YAxis,
    [property: JsonPropertyName("shapes")] IReadOnlyList<PlotlyShape> Shapes,
    [property: JsonPropertyName("annotations")] IReadOnlyList<PlotlyAnnotation>? Annotations = null,
    [property: JsonPropertyName("showlegend")] bool? ShowLegend = null,
    [property: JsonPropertyName("legend")] PlotlyLegend? Legend = null,
    [property: JsonPropertyName("width")] int? Width = null,
    [property: JsonPropertyName("height")] int? Height = null,
    [property: JsonPropertyName("hovermode")] string? HoverMode = null);
