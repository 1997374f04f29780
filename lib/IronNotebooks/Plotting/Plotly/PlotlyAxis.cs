using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>An axis. Titles carry the unit, e.g. "R2* (s⁻¹)".</summary>
/// <param name="Title">Axis title.</param>
/// <param name="AutoRange">true, false or "reversed".</param>
/// <param name="ScaleAnchor">"x" locks this axis's scale to x (square pixels, square ROC plots).</param>
/// <param name="Constrain">"range" or "domain".</param>
/// <param name="Range">Fixed [min, max], or null for autorange.</param>
/// <param name="AxisType">"linear", "log", … or null (Plotly guesses).</param>
/// <param name="ZeroLine">Whether the zero line is drawn.</param>
/// <param name="ScaleRatio">Units of this axis per unit of the anchor axis (with <paramref name="ScaleAnchor"/>).</param>
public sealed record PlotlyAxis(
    [property: JsonPropertyName("title")] PlotlyTitle Title,
    [property: JsonPropertyName("autorange")] object? AutoRange = null,
    [property: JsonPropertyName("scaleanchor")] string? ScaleAnchor = null,
    [property: JsonPropertyName("constrain")] string? Constrain = null,
    [property: JsonPropertyName("range")] IReadOnlyList<double>? Range = null,
    [property: JsonPropertyName("type")] string? AxisType = null,
    [property: JsonPropertyName("zeroline")] bool? ZeroLine = null,
    [property: JsonPropertyName("scaleratio")] double? ScaleRatio = null);
