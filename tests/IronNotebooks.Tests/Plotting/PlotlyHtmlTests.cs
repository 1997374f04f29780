using System.Text.RegularExpressions;
using System.Xml;
using IronNotebooks.Plotting;
using IronNotebooks.Plotting.Plotly;
using IronNotebooks.Statistics;
using Xunit;

namespace IronNotebooks.Tests.Plotting;

[Collection("PlotlyHtml ids")]
public class PlotlyHtmlTests
{
    private static PlotlyFigure Figure(string title = "fig </script> & co") => new(
        [new ScatterTrace([0, 1], [1, 0], "lines", "<line>")],
        new PlotlyLayout(new PlotlyTitle(title), new PlotlyAxis(new PlotlyTitle("x")), new PlotlyAxis(new PlotlyTitle("y")), []));

    private static string ScriptJson(string fragment)
    {
        var m = Regex.Match(fragment, "var fig = (.*);\n");
        Assert.True(m.Success);
        return m.Groups[1].Value;
    }

    [Fact]
    public void Fragment_FollowsTheContract_DivWithClassThenScriptThatDrawsWithNewPlotOrLoadsTheCdn()
    {
        PlotlyHtml.ResetIds();
        var html = PlotlyHtml.Fragment(Figure());
        var m = Regex.Match(html, "^<div id=\"(ironnb-plotly-[0-9a-f]{12}-1)\" class=\"ironnb-plotly\" style=\"[^\"]*\"></div><script type=\"text/javascript\">");
        Assert.True(m.Success, html[..Math.Min(200, html.Length)]);
        Assert.EndsWith("</script>", html);
        Assert.Contains($"var id = \"{m.Groups[1].Value}\"", html);
        Assert.Contains("window.Plotly", html);
        Assert.Contains("P.newPlot(id, fig.data, fig.layout, fig.config", html);
        Assert.Contains("https://cdn.plot.ly/plotly-4.1.2.min.js", html);
        Assert.Equal("4.1.2", PlotlyHtml.PlotlyJsVersion);
        Assert.Equal(PlotlyJson.Serialize(Figure()), ScriptJson(html));
    }

    [Fact]
    public void Fragment_IsWellFormedXml_AndItsScriptCannotBeClosedEarlyByTextFromData()
    {
        var html = PlotlyHtml.Fragment(Figure());
        var doc = new XmlDocument();
        doc.LoadXml("<root>" + html + "</root>");
        Assert.Equal(2, doc.DocumentElement!.ChildNodes.Count);
        Assert.Single(Regex.Matches(html, "</script", RegexOptions.IgnoreCase));
        var script = doc.DocumentElement.ChildNodes[1]!.InnerText;
        Assert.DoesNotContain("<", script);
        Assert.DoesNotContain("&", script);
    }

    [Fact]
    public void Ids_AreTheHashOfTheFigure_CountedPerFigure_AndRestartAfterReset()
    {
        PlotlyHtml.ResetIds();
        string Id(string html) => Regex.Match(html, "id=\"([^\"]+)\"").Groups[1].Value;
        var a1 = Id(PlotlyHtml.Fragment(Figure("a")));
        var b1 = Id(PlotlyHtml.Fragment(Figure("b")));
        var a2 = Id(PlotlyHtml.Fragment(Figure("a")));
        Assert.EndsWith("-1", a1);
        Assert.EndsWith("-1", b1);
        Assert.Equal(a1[..^2] + "-2", a2);
        Assert.NotEqual(a1[..^2], b1[..^2]);
        // The hash is SHA-256 of the JSON, computed here independently.
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(PlotlyJson.Serialize(Figure("a")))))[..12];
        Assert.Equal($"ironnb-plotly-{hash}-1", a1);
        PlotlyHtml.ResetIds();
        Assert.Equal(a1, Id(PlotlyHtml.Fragment(Figure("a"))));
    }

    [Fact]
    public void Fragment_RejectsAnIdThatCouldBreakTheMarkup()
    {
        Assert.Throws<ArgumentException>(() => PlotlyHtml.Fragment(Figure(), "x\" onload=\"alert(1)"));
        Assert.Contains("id=\"my-plot_1\"", PlotlyHtml.Fragment(Figure(), "my-plot_1"));
    }

    [Fact]
    public void Page_InlinesPlotlyOnceInTheHead_EscapingScriptEnds_AndHoldsOneFragmentPerFigure()
    {
        var fakeBundle = "window.Plotly = {newPlot: function () {}}; var s = '</script>';";
        var page = PlotlyHtml.Page("Report <1>", [Figure("a"), RocPlot.From(Roc.Compute([1, 2, 3, 4], [false, true, false, true]))], fakeBundle);
        Assert.StartsWith("<!DOCTYPE html>", page);
        int head = page.IndexOf("</head>", StringComparison.Ordinal);
        Assert.Contains("window.Plotly = {newPlot", page[..head]);
        Assert.Contains("'<\\/script>'", page[..head]);
        Assert.Single(Regex.Matches(page, "window.Plotly = \\{newPlot"));
        Assert.Equal(2, Regex.Matches(page, "class=\"ironnb-plotly\"").Count);
        Assert.Contains("<title>Report &lt;1&gt;</title>", page);
        // Without a bundle the page still works online: every fragment falls back to the CDN.
        Assert.DoesNotContain("<script type=\"text/javascript\">window", PlotlyHtml.Page("p", [Figure()]));
    }
}

[CollectionDefinition("PlotlyHtml ids", DisableParallelization = true)]
public class PlotlyHtmlIdsCollection;
