using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>A Plotly figure: traces, layout and config, serialized by <see cref="PlotlyJson"/> into what Plotly.newPlot takes.</summary>
/// <param name="Data">Traces, drawn in order (later traces on top).</param>
/// <param name="Layout">Layout.</param>
/// <param name="Config">Plot configuration (mode bar, responsiveness, image export), or null for Plotly's defaults.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record PlotlyFigure([property: JsonPropertyName("data")] IReadOnlyList<PlotlyTrace> Data,
    [property: JsonPropertyName("layout")] PlotlyLayout Layout,
    [property: JsonPropertyName("config")] PlotlyConfig? Config = null)
{
    /// <summary>The figure as Plotly JSON (see <see cref="PlotlyJson.Serialize"/>).</summary>
    public string ToJson() => PlotlyJson.Serialize(this);

    /// <inheritdoc />
    public override string ToString() =>
        $"Plotly figure \"{Layout.Title.Text}\": {Data.Count} trace(s) ({string.Join(", ", Data.Select(t => t.Type).Distinct())})";
}
