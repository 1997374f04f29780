using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>Fixed histogram bins.</summary>
/// <param name="Start">Left edge of the first bin.</param>
/// <param name="End">Right edge of the last bin.</param>
/// <param name="Size">Bin width.</param>
public sealed record PlotlyBins(
    [property: JsonPropertyName("start")] double Start,
    [property: JsonPropertyName("end")] double End,
    [property: JsonPropertyName("size")] double Size);
