using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>Legend placement, in paper coordinates (0–1).</summary>
/// <param name="X">Anchor x.</param>
/// <param name="Y">Anchor y.</param>
/// <param name="XAnchor">"left", "center" or "right".</param>
/// <param name="YAnchor">"top", "middle" or "bottom".</param>
/// <param name="BgColor">Background (semi-transparent white keeps the data visible).</param>
public sealed record PlotlyLegend(
    [property: JsonPropertyName("x")] double X,
    [property: JsonPropertyName("y")] double Y,
    [property: JsonPropertyName("xanchor")] string XAnchor,
    [property: JsonPropertyName("yanchor")] string YAnchor,
    [property: JsonPropertyName("bgcolor")] string? BgColor = "rgba(255,255,255,0.8)")
{
    /// <summary>Inside the plot, bottom right (the free corner of an ROC plot).</summary>
    public static PlotlyLegend BottomRight { get; } = new(0.98, 0.02, "right", "bottom");

    /// <summary>Inside the plot, top right.</summary>
    public static PlotlyLegend TopRight { get; } = new(0.98, 0.98, "right", "top");

    /// <summary>Inside the plot, top left.</summary>
    public static PlotlyLegend TopLeft { get; } = new(0.02, 0.98, "left", "top");
}
