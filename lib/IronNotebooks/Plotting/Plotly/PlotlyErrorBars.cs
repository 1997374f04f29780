using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>Error bars given as a symmetric array of half-widths.</summary>
/// <param name="Array">Half-width of each bar, in the axis's units.</param>
/// <param name="Type">Always "data" (explicit values).</param>
/// <param name="Visible">Whether the bars are drawn.</param>
public sealed record PlotlyErrorBars(
    [property: JsonPropertyName("array")] IReadOnlyList<double> Array,
    [property: JsonPropertyName("type")] string Type = "data",
    [property: JsonPropertyName("visible")] bool Visible = true);
