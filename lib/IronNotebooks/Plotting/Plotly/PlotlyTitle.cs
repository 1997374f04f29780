using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>A title (Plotly's {"text": …} form; plain text, Plotly escapes it).</summary>
/// <param name="Text">The text.</param>
public sealed record PlotlyTitle([property: JsonPropertyName("text")] string Text);
