using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>A text label at a point (data or paper coordinates), e.g. the value of a reference line.</summary>
/// <param name="Text">Label; Plotly reads a small HTML subset, so text from data is escaped by the chart builders.</param>
/// <param name="X">x position.</param>
/// <param name="Y">y position.</param>
/// <param name="XRef">"x" or "paper".</param>
/// <param name="YRef">"y" or "paper".</param>
/// <param name="ShowArrow">Whether an arrow points at (x, y).</param>
/// <param name="XAnchor">"left", "center" or "right".</param>
/// <param name="YAnchor">"top", "middle" or "bottom".</param>
/// <param name="Font">Font, or null.</param>
public sealed record PlotlyAnnotation(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("x")] double X,
    [property: JsonPropertyName("y")] double Y,
    [property: JsonPropertyName("xref")] string XRef = "x",
    [property: JsonPropertyName("yref")] string YRef = "y",
    [property: JsonPropertyName("showarrow")] bool ShowArrow = false,
    [property: JsonPropertyName("xanchor")] string? XAnchor = null,
    [property: JsonPropertyName("yanchor")] string? YAnchor = null,
    [property: JsonPropertyName("font")] PlotlyFont? Font = null);
