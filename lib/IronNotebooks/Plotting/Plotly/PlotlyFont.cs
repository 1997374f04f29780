using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>A font.</summary>
/// <param name="Size">Size, px.</param>
/// <param name="Color">CSS colour, or null.</param>
public sealed record PlotlyFont([property: JsonPropertyName("size")] double Size, [property: JsonPropertyName("color")] string? Color = null);
