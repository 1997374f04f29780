using System.Text.Json;
using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>The one serializer call for figures: fixed, culture-invariant options, nulls omitted.</summary>
public static class PlotlyJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The figure as JSON for Plotly.newPlot(div, data, layout).</summary>
    public static string Serialize(PlotlyFigure figure) => JsonSerializer.Serialize(figure, Options);
}
