using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>A box plot of raw values (Plotly computes quartiles; whiskers at 1.5 IQR).</summary>
/// <param name="Y">Values.</param>
/// <param name="Name">Box label on the category axis.</param>
/// <param name="BoxPoints">"all", "outliers", "suspectedoutliers" or null (Plotly's default, outliers).</param>
/// <param name="BoxMean">True draws the mean as a dashed line; "sd" also its standard deviation.</param>
/// <param name="Marker">Colour, or null.</param>
public sealed record BoxTrace(
    [property: JsonPropertyName("y")] IReadOnlyList<double> Y,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("boxpoints")] string? BoxPoints = null,
    [property: JsonPropertyName("boxmean")] object? BoxMean = null,
    [property: JsonPropertyName("marker")] PlotlyMarker? Marker = null) : PlotlyTrace("box");
