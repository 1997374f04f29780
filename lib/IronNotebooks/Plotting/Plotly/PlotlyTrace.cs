using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>Base of the trace records; each derived record carries Plotly's own property names.</summary>
/// <param name="Type">Plotly's trace type ("scatter", "heatmap", "histogram", "box").</param>
[JsonDerivedType(typeof(HeatmapTrace))]
[JsonDerivedType(typeof(ScatterTrace))]
[JsonDerivedType(typeof(HistogramTrace))]
[JsonDerivedType(typeof(BoxTrace))]
public abstract record PlotlyTrace([property: JsonPropertyName("type")] string Type);
