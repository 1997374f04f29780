using System.Globalization;
using System.Xml;
using IronNotebooks.Calibration;
using IronNotebooks.Display;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;
using IronNotebooks.Statistics;
using Xunit;

namespace IronNotebooks.Tests.Display;

[Collection("PlotlyHtml ids")]
public class DisplayContentTests
{
    private static XmlDocument ParseHtml(string html)
    {
        var doc = new XmlDocument();
        doc.LoadXml("<root>" + html + "</root>");
        return doc;
    }

    /// <summary>Cells of the first table whose header row contains <paramref name="header"/>, as rows of text.</summary>
    private static List<List<string>> Rows(XmlDocument doc, string header)
    {
        foreach (XmlElement table in doc.GetElementsByTagName("table"))
        {
            var heads = table.SelectNodes("thead/tr/th")!.Cast<XmlNode>().Select(n => n.InnerText).ToList();
            if (!heads.Contains(header)) continue;
            return [.. table.SelectNodes("tbody/tr")!.Cast<XmlNode>().Select(tr => tr.ChildNodes.Cast<XmlNode>().Select(c => c.InnerText).ToList())];
        }
        throw new InvalidOperationException($"no table with header {header}");
    }

    [Fact]
    public void EveryHtmlDisplay_IsWellFormed()
    {
        foreach (var value in DisplaySamples.All())
        {
            var html = ResultDisplay.ToHtml(value);
            var ex = Record.Exception(() => ParseHtml(html));
            Assert.True(ex is null, $"{value.GetType().Name}: {ex?.Message}");
        }
    }

    [Fact]
    public void LicEstimate_ShowsMgPerGramAndUmolPerGramAtTheirStatedPrecision_WithTheWarning()
    {
        // Wood 2005: LIC = 0.0254·250 + 0.202 = 6.552 mg/g → 6.55; × 17.907 = 117.33 µmol/g → 117.3 (by hand).
        var estimate = LicConversion.FromRate(250, 1.5, RelaxometryCalibrations.Wood2005);
        var doc = ParseHtml(ResultDisplay.ToHtml(estimate));
        var rows = Rows(doc, "value").ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("6.55", rows["LIC (mg Fe/g dry weight)"]);
        Assert.Equal("117.3", rows["LIC (µmol Fe/g dry weight)"]);
        Assert.Equal("250.0", rows["R2* measured (s⁻¹)"]);
        Assert.Equal("1.33–32.9 mg/g", rows["validity range"]);
        var outOfRange = LicConversion.FromRate(2000, 3.0, RelaxometryCalibrations.Wood2005);
        var text = ResultDisplay.ToPlainText(outOfRange);
        Assert.Contains("Warning: Field strength differs", text);
        Assert.Contains("Warning: Outside the calibration's validity range", text);
    }

    [Fact]
    public void LicEstimate_BeyondMeasurableRange_SaysSoInsteadOfANumber()
    {
        // R2* 1500 s⁻¹ is T2* 0.67 ms, shorter than a 1.2 ms first echo: docs/methods.md §3 asks for no number.
        var estimate = LicConversion.FromRate(1500, 3.0, RelaxometryCalibrations.Hernando3T, firstEchoTimeMs: 1.2, echoesAboveNoise: 2);
        Assert.Equal(LicOutcome.BeyondMeasurableRange, estimate.Outcome);
        var rows = Rows(ParseHtml(ResultDisplay.ToHtml(estimate)), "value").ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("beyond measurable range", rows["LIC (mg Fe/g dry weight)"]);
        Assert.Contains("Beyond measurable range: ", ResultDisplay.ToPlainText(estimate));
    }

    [Fact]
    public void DiagnosticTable_ReadsLikeAPapersTable_WithCountsPercentagesAndBothIntervals()
    {
        var t = DiagnosticTable.FromCounts(17, 2, 3, 28);
        var doc = ParseHtml(ResultDisplay.ToHtml(t));
        var counts = Rows(doc, "reference positive");
        Assert.Equal(["test positive", "17", "2", "19"], counts[0]);
        Assert.Equal(["total", "20", "30", "50"], counts[2]);
        var measures = Rows(doc, "measure").ToDictionary(r => r[0]);
        Assert.Equal("85.0 % (17/20)", measures["sensitivity"][1]);   // 17/20 by hand
        Assert.Equal("93.3 % (28/30)", measures["specificity"][1]);   // 28/30 by hand
        var w = t.Sensitivity.Wilson;
        Assert.Equal($"{w.Lower * 100:F1} to {w.Upper * 100:F1} %", measures["sensitivity"][2]);
        // LR+ = 0.85 / (1 − 28/30) = 12.75 by hand.
        Assert.Equal("12.75", measures["LR+"][1]);
        Assert.Contains("95 % CI (Wilson)", doc.GetElementsByTagName("th").Cast<XmlNode>().Select(n => n.InnerText));
    }

    [Fact]
    public void DecayFit_HeadersCarryUnits_AndStatusAndWarningsAreShown()
    {
        double[] te = [1, 2, 3, 4];
        var fit = DecayFit.Fit(te, [.. te.Select(t => 500 * Math.Exp(-0.25 * t))], DecayModels.Mono);
        var doc = ParseHtml(ResultDisplay.ToHtml(fit));
        var rows = Rows(doc, "estimate").ToDictionary(r => r[0]);
        Assert.Equal("250.0", rows["R2* (s⁻¹)"][1]);   // 0.25 ms⁻¹ = 250 s⁻¹
        Assert.Equal("4.00", rows["T2* (ms)"][1]);
        Assert.Equal("Converged", rows["status"][1]);
        var failed = new DecayFitResult("mono", double.NaN, double.NaN, double.NaN, null, double.NaN, 1, 0, DecayFitStatus.TooFewEchoes,
            "one echo above noise", null, null, null, null, 40, ["Only 1 echo above 2σ."]);
        var text = ResultDisplay.ToPlainText(failed);
        Assert.Contains("Warning: status TooFewEchoes", text);
        Assert.Contains("Warning: Only 1 echo above 2σ.", text);
        Assert.Contains("n/a", text);
    }

    [Fact]
    public void TextFromData_IsHtmlEscaped()
    {
        var stats = new RoiStatistics("<script>alert(1)</script> & co", RoiRole.Liver, 1.2, 100, 5, 100, 90, 110, 9, 20.25);
        var html = ResultDisplay.ToHtml(stats);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", html);
        Assert.Equal("<script>alert(1)</script> & co", Rows(ParseHtml(html), "TE (ms)")[0][0]);
    }

    [Fact]
    public void Numbers_AreCultureInvariant()
    {
        var roc = Roc.Compute([3, 4, 5, 1, 2, 3.5], [true, true, true, false, false, false]);
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.PercentDecimalSeparator = ",";
        var saved = CultureInfo.CurrentCulture;
        string html, text;
        try
        {
            CultureInfo.CurrentCulture = comma;
            html = ResultDisplay.ToHtml(roc);
            text = ResultDisplay.ToPlainText(roc);
        }
        finally { CultureInfo.CurrentCulture = saved; }
        Assert.Equal("0.889", Rows(ParseHtml(html), "value").First(r => r[0] == "AUC")[1]); // 8/9 by hand
        Assert.DoesNotContain("0,889", text);
    }

    [Fact]
    public void PlainText_AlignsColumns_AndUnderlinesTheTitle()
    {
        var text = ResultDisplay.ToPlainText(DiagnosticTable.FromCounts(17, 2, 3, 28));
        var lines = text.Split('\n');
        Assert.Equal("2×2 diagnostic table", lines[0]);
        Assert.Equal(new string('=', lines[0].Length), lines[1]);
        int header = Array.FindIndex(lines, l => l.StartsWith("measure", StringComparison.Ordinal));
        var rule = lines[header + 1];
        Assert.Matches("^-+(  -+)+$", rule);
        // Values are right-aligned: each row's estimate ends in the column the rule's second dash run ends.
        int end = rule.IndexOf("  ", rule.IndexOf("  ", StringComparison.Ordinal) + 2, StringComparison.Ordinal);
        Assert.Equal(' ', lines[header + 2][end]);
        Assert.NotEqual(' ', lines[header + 2][end - 1]);
    }

    [Fact]
    public void BlandAltman_ShowsBiasAndLimitsWithIntervals_AndRatiosOnTheLogScale()
    {
        var r = BlandAltman.Compute([1, 2, 3, 4], [2, 2, 5, 4]);
        var rows = Rows(ParseHtml(ResultDisplay.ToHtml(r)), "estimate").ToDictionary(x => x[0]);
        Assert.Equal("0.75", rows["bias (mean difference)"][1]);
        Assert.Equal((0.75 + 1.96 * Math.Sqrt(2.75 / 3)).ToString("G4", CultureInfo.InvariantCulture), rows["upper limit (bias + 1.96 SD)"][1]);
        var log = BlandAltman.Compute([100, 200, 300, 400], [110, 190, 330, 440], BlandAltmanOptions.LogRatio);
        var ratios = Rows(ParseHtml(ResultDisplay.ToHtml(log)), "ratio").ToDictionary(x => x[0]);
        Assert.Equal(Math.Pow(1.1 * 0.95 * 1.1 * 1.1, 0.25).ToString("F3", CultureInfo.InvariantCulture), ratios["bias (geometric mean ratio)"][1]);
    }

    [Fact]
    public void ResultDisplay_RefusesATypeWithoutAView()
    {
        Assert.False(ResultDisplay.CanDisplay(typeof(string)));
        Assert.Throws<ArgumentException>(() => ResultDisplay.ToHtml("text"));
    }
}
