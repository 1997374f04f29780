using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>Marker style.</summary>
/// <param name="Color">CSS colour.</param>
/// <param name="Size">Diameter, px.</param>
/// <param name="Symbol">Plotly symbol name ("circle", "square", "diamond", "x", …), or null for circles.</param>
/// <param name="Opacity">0–1, or null.</param>
public sealed record PlotlyMarker([property: JsonPropertyName("color")] string Color, [property: JsonPropertyName("size")] double Size,
    [property: JsonPropertyName("symbol")] string? Symbol = null,
    [property: JsonPropertyName("opacity")] double? Opacity = null);
