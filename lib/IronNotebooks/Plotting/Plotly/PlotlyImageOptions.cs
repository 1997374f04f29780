using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>Image export from the mode bar.</summary>
/// <param name="Format">"png" or "svg".</param>
/// <param name="Filename">File name without extension.</param>
/// <param name="Scale">Resolution multiplier.</param>
public sealed record PlotlyImageOptions(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("filename")] string Filename,
    [property: JsonPropertyName("scale")] double Scale);
