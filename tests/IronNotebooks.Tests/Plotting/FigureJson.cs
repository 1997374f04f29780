using System.Text.Json;
using IronNotebooks.Plotting.Plotly;

namespace IronNotebooks.Tests.Plotting;

/// <summary>Reads a figure back through its JSON, as Plotly would receive it, and checks the schema basics every trace needs.</summary>
internal static class FigureJson
{
    private static readonly HashSet<string> TraceTypes = ["scatter", "heatmap", "histogram", "box"];

    public static JsonElement Parse(PlotlyFigure figure)
    {
        var root = JsonDocument.Parse(PlotlyJson.Serialize(figure)).RootElement;
        foreach (var t in root.GetProperty("data").EnumerateArray())
        {
            var type = t.GetProperty("type").GetString()!;
            if (!TraceTypes.Contains(type)) throw new InvalidOperationException($"unknown trace type {type}");
            // Plotly needs equal-length x and y for scatter; z rows for heatmaps.
            if (type == "scatter" && t.GetProperty("x").GetArrayLength() != t.GetProperty("y").GetArrayLength())
                throw new InvalidOperationException("scatter x and y differ in length");
            if (type == "heatmap" && t.GetProperty("z").GetArrayLength() == 0) throw new InvalidOperationException("empty heatmap");
        }
        var layout = root.GetProperty("layout");
        _ = layout.GetProperty("title").GetProperty("text").GetString();
        return root;
    }

    public static JsonElement Trace(JsonElement root, string namePrefix) =>
        root.GetProperty("data").EnumerateArray().First(t => t.TryGetProperty("name", out var n) && n.GetString()!.StartsWith(namePrefix, StringComparison.Ordinal));

    public static double?[] Doubles(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? (double?)null : e.GetDouble())];

    public static string AxisTitle(JsonElement root, string axis) =>
        root.GetProperty("layout").GetProperty(axis).GetProperty("title").GetProperty("text").GetString()!;
}
