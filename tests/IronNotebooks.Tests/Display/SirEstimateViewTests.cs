using System.Xml;
using IronNotebooks.Display;
using IronNotebooks.SignalRatio;
using Xunit;

namespace IronNotebooks.Tests.Display;

[Collection("PlotlyHtml ids")]
public class SirEstimateViewTests
{
    private static Dictionary<string, List<string>> Rows(string html, string header)
    {
        var doc = new XmlDocument();
        doc.LoadXml("<root>" + html + "</root>");
        foreach (XmlElement table in doc.GetElementsByTagName("table"))
        {
            var heads = table.SelectNodes("thead/tr/th")!.Cast<XmlNode>().Select(n => n.InnerText).ToList();
            if (heads.Contains(header))
                return table.SelectNodes("tbody/tr")!.Cast<XmlNode>().Select(tr => tr.ChildNodes.Cast<XmlNode>().Select(c => c.InnerText).ToList())
                    .ToDictionary(r => r[0]);
        }
        throw new InvalidOperationException($"no table with header {header}");
    }

    [Fact]
    public void PublishedTwoSequenceEstimate_ShowsLicInBothUnits_TheRatios_AndTheCutoffDecision()
    {
        // By hand: exp(5.808 − 0.877·0.47 − 1.518·0.95) = exp(3.95371) = 52.13 µmol/g; / 17.907 = 2.911 mg/g.
        var e = SirLic.Estimate("alustiza2004", new Dictionary<string, double> { ["IW"] = 0.95, ["T2"] = 0.47 });
        var html = ResultDisplay.ToHtml(e);
        var main = Rows(html, "value");
        Assert.Equal("52.1 µmol/g (2.91 mg/g)", main["LIC"][1]);
        Assert.StartsWith("Published", main["evidence status"][1]);
        var ratios = Rows(html, "L/M");
        Assert.Equal("0.950", ratios["IW"][1]);
        Assert.Equal("0.470", ratios["T2"][1]);
        Assert.Contains("(published method)", ResultDisplay.ToPlainText(e));
        Assert.NotEmpty(Rows(html, "rule"));
    }

    [Fact]
    public void ReconstructedEstimate_SaysReconstructionInItsTitle_AndSaturationShowsAboveRangeNotANumber()
    {
        // Every ratio below the 0.05 noise floor: no sequence is usable, so the reconstruction must refuse a number.
        var saturated = SirReconstruction.Rennes("rennes-1.5T", new Dictionary<string, double> { ["T1"] = 0.9, ["PD"] = 0.04, ["T2"] = 0.03, ["T2+"] = 0.02, ["T2++"] = 0.02 });
        var text = ResultDisplay.ToPlainText(saturated);
        Assert.Contains("RECONSTRUCTION, not the official method", text);
        Assert.StartsWith("above range", Rows(ResultDisplay.ToHtml(saturated), "value")["LIC"][1]);
        Assert.Contains("Warning: ", text);
    }

    [Fact]
    public void SirEstimate_IsFormattedThroughTheKernelsReflectionPath()
    {
        var e = SirReconstruction.Rennes("rennes-1.5T", new Dictionary<string, double> { ["T1"] = 1.1, ["PD"] = 1.0, ["T2"] = 0.8, ["T2+"] = 0.65, ["T2++"] = 0.5 });
        var outputs = DisplayConventionTests.FormatLikeTheKernel(e);
        Assert.Contains("RECONSTRUCTION", outputs["text/html"]);
        Assert.Contains("T2++", outputs["text/plain"]);
    }
}
