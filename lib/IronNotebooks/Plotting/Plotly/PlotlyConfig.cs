using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>Plot configuration (the fourth argument of Plotly.newPlot).</summary>
/// <param name="Responsive">Resize with the container.</param>
/// <param name="DisplayLogo">Show the Plotly logo in the mode bar.</param>
/// <param name="ToImageButtonOptions">What the camera button saves.</param>
public sealed record PlotlyConfig(
    [property: JsonPropertyName("responsive")] bool Responsive = true,
    [property: JsonPropertyName("displaylogo")] bool DisplayLogo = false,
    [property: JsonPropertyName("toImageButtonOptions")] PlotlyImageOptions? ToImageButtonOptions = null)
{
    /// <summary>Responsive, no logo, PNG export at twice the screen resolution.</summary>
    public static PlotlyConfig Default { get; } = new(true, false, new PlotlyImageOptions("png", "figure", 2));
}
