using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>A histogram of raw values, binned by Plotly (or by <paramref name="XBins"/> when given).</summary>
/// <param name="X">Values.</param>
/// <param name="Name">Legend text.</param>
/// <param name="XBins">Fixed bins, or null for Plotly's automatic binning.</param>
/// <param name="HistNorm">"" (counts), "percent", "probability", "density" or "probability density".</param>
/// <param name="Opacity">0–1; below 1 lets overlaid histograms show through.</param>
/// <param name="Marker">Bar colour, or null.</param>
public sealed record HistogramTrace(
    [property: JsonPropertyName("x")] IReadOnlyList<double> X,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("xbins")] PlotlyBins? XBins = null,
    [property: JsonPropertyName("histnorm")] string? HistNorm = null,
    [property: JsonPropertyName("opacity")] double? Opacity = null,
    [property: JsonPropertyName("marker")] PlotlyMarker? Marker = null) : PlotlyTrace("histogram");
