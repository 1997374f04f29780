using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>A line style.</summary>
/// <param name="Color">CSS colour.</param>
/// <param name="Width">Width, px.</param>
/// <param name="Dash">"solid" (null), "dot", "dash", "dashdot", …</param>
public sealed record PlotlyLine([property: JsonPropertyName("color")] string Color, [property: JsonPropertyName("width")] double Width,
    [property: JsonPropertyName("dash")] string? Dash = null);
