using System.Text.Json;
using IronNotebooks.Plotting.Plotly;
using Xunit;

namespace IronNotebooks.Tests.Plotting;

public class PlotlyModelTests
{
    private static PlotlyFigure Sample() => new(
        [
            new ScatterTrace([1, double.NaN, 3], [4, 5, double.PositiveInfinity], "lines+markers", "a <b> & \"c\"", Line: new PlotlyLine("#000", 1, "dot")),
            new HeatmapTrace([[1f, float.NaN], [3f, 4f]], "Viridis", 0, 4, true, new PlotlyColorBar(new PlotlyTitle("R2* (s⁻¹)"))),
            new HistogramTrace([1, 2, 2, 3], "values", new PlotlyBins(0, 4, 1), "percent", 0.6),
            new BoxTrace([1, 2, 3, 10], "box", "outliers", true),
        ],
        new PlotlyLayout(new PlotlyTitle("t"), new PlotlyAxis(new PlotlyTitle("x (ms)"), Range: [0, 1], AxisType: "log"), new PlotlyAxis(new PlotlyTitle("y")),
            [PlotlyShape.HorizontalLine("ref", 2.5, new PlotlyLine("red", 1))], [new PlotlyAnnotation("note", 1, 2.5, "paper")]),
        PlotlyConfig.Default);

    [Fact]
    public void NonFiniteNumbers_AreWrittenAsNull_SoTheJsonIsStrictAndPlotlyLeavesGaps()
    {
        var json = PlotlyJson.Serialize(Sample());
        Assert.DoesNotContain("NaN", json);
        Assert.DoesNotContain("Infinity", json);
        var root = JsonDocument.Parse(json).RootElement;
        var scatter = root.GetProperty("data")[0];
        Assert.Equal([1, null, 3], FigureJson.Doubles(scatter.GetProperty("x")));
        Assert.Equal([4, 5, null], FigureJson.Doubles(scatter.GetProperty("y")));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("data")[1].GetProperty("z")[0][1].ValueKind);
    }

    [Fact]
    public void EveryTraceKind_SerialisesWithPlotlysTypeAndPropertyNames()
    {
        var root = FigureJson.Parse(Sample());
        var data = root.GetProperty("data");
        Assert.Equal(["scatter", "heatmap", "histogram", "box"], data.EnumerateArray().Select(t => t.GetProperty("type").GetString()));
        Assert.Equal("dot", data[0].GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal("R2* (s⁻¹)", data[1].GetProperty("colorbar").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(1, data[2].GetProperty("xbins").GetProperty("size").GetDouble());
        Assert.Equal("percent", data[2].GetProperty("histnorm").GetString());
        Assert.True(data[3].GetProperty("boxmean").GetBoolean());
        var layout = root.GetProperty("layout");
        Assert.Equal("log", layout.GetProperty("xaxis").GetProperty("type").GetString());
        var shape = layout.GetProperty("shapes")[0];
        Assert.Equal(("paper", 0.0, 1.0, 2.5, 2.5), (shape.GetProperty("xref").GetString(), shape.GetProperty("x0").GetDouble(),
            shape.GetProperty("x1").GetDouble(), shape.GetProperty("y0").GetDouble(), shape.GetProperty("y1").GetDouble()));
        Assert.Equal("paper", layout.GetProperty("annotations")[0].GetProperty("xref").GetString());
        Assert.False(root.GetProperty("config").GetProperty("displaylogo").GetBoolean());
        Assert.False(layout.TryGetProperty("legend", out _)); // nulls omitted
    }

    [Fact]
    public void TextFromData_IsEscapedForHtmlInsideTheJson()
    {
        var json = PlotlyJson.Serialize(Sample());
        Assert.DoesNotContain("<b>", json);
        Assert.DoesNotContain("&", json);
        Assert.Equal("a <b> & \"c\"", JsonDocument.Parse(json).RootElement.GetProperty("data")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void Serialisation_IsTheSameUnderAnotherCulture()
    {
        var before = PlotlyJson.Serialize(Sample());
        var culture = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
            Assert.Equal(before, PlotlyJson.Serialize(Sample()));
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = saved; }
        Assert.Contains("2.5", before);
    }
}
