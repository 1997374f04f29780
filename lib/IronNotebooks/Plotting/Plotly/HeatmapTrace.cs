using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>A heatmap of rows of values (z[row][column]); NaN pixels are written as null, which Plotly leaves blank.</summary>
/// <param name="Z">Rows of values.</param>
/// <param name="ColorScale">A Plotly colour scale name ("Greys", "Viridis", "Hot", …).</param>
/// <param name="ZMin">Value at the bottom of the colour scale.</param>
/// <param name="ZMax">Value at the top of the colour scale.</param>
/// <param name="ShowScale">Whether the colour bar is drawn.</param>
/// <param name="ColorBar">Colour bar title and placement, or null.</param>
/// <param name="Name">Trace name (shown on hover).</param>
/// <param name="HoverTemplate">Plotly hover template, e.g. "x %{x}, y %{y}: %{z:.1f} s⁻¹&lt;extra&gt;&lt;/extra&gt;".</param>
public sealed record HeatmapTrace(
    [property: JsonPropertyName("z")] IReadOnlyList<float[]> Z,
    [property: JsonPropertyName("colorscale")] string ColorScale,
    [property: JsonPropertyName("zmin")] double ZMin,
    [property: JsonPropertyName("zmax")] double ZMax,
    [property: JsonPropertyName("showscale")] bool ShowScale,
    [property: JsonPropertyName("colorbar")] PlotlyColorBar? ColorBar = null,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("hovertemplate")] string? HoverTemplate = null) : PlotlyTrace("heatmap");
