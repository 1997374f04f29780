using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>A heatmap's colour bar.</summary>
/// <param name="Title">Title, with the unit (e.g. "R2* (s⁻¹)").</param>
public sealed record PlotlyColorBar([property: JsonPropertyName("title")] PlotlyTitle Title);
