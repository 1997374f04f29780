using System.Text.Json;
using System.Text.Json.Serialization;

namespace IronNotebooks.Plotting.Plotly;

/// <summary>
/// The one serializer call for figures: fixed, culture-invariant options, nulls omitted, and NaN or infinite numbers
/// written as JSON null (strict JSON has no NaN; Plotly treats null as a gap, which is what a failed pixel or an
/// undefined point should look like). Characters that matter in HTML (&lt;, &gt;, &amp;, quotes) are escaped as \uXXXX,
/// so the JSON can sit inside a &lt;script&gt; element as it is.
/// </summary>
public static class PlotlyJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new FiniteDoubleConverter(), new FiniteFloatConverter() },
    };

    /// <summary>The figure as JSON: {"data": [...], "layout": {...}, "config": {...}} for Plotly.newPlot(div, data, layout, config).</summary>
    public static string Serialize(PlotlyFigure figure) => JsonSerializer.Serialize(Guard.NotNull(figure), Options);

    private sealed class FiniteDoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }

        public override bool HandleNull => true;
    }

    private sealed class FiniteFloatConverter : JsonConverter<float>
    {
        public override float Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? float.NaN : reader.GetSingle();

        public override void Write(Utf8JsonWriter writer, float value, JsonSerializerOptions options)
        {
            if (float.IsFinite(value)) writer.WriteNumberValue(value);
            else writer.WriteNullValue();
        }

        public override bool HandleNull => true;
    }
}
