using System.Globalization;
using System.Text.Json;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Tests.Relaxometry;

/// <summary>
/// Approval files (Approved/*.approved.json, see <see cref="Approvals"/>) pin the JSON shape of `fit`, `lic r2star` and
/// the `map --json` summary; every number in them is checked here against a value known independently of the code:
/// the parameters the synthetic decays were built from, and calibration formulas evaluated by hand.
/// </summary>
public sealed class CliApprovalTests
{
    private static readonly double[] Henninger = Enumerable.Range(0, 12).Select(i => 0.99 + 1.41 * i).ToArray();

    private static string Join(IEnumerable<double> v) => string.Join(",", v.Select(x => x.ToString("R", CultureInfo.InvariantCulture)));

    [Fact]
    public void FitJson_OffsetDecay_MatchesTheApprovedShapeAndTheBuiltInParameters()
    {
        // S = 800·e^(−250·TE) + 20 (TE in s): R2* 250 s⁻¹, T2* 4 ms, S0 800, C 20 by construction.
        var s = Henninger.Select(t => 800 * Math.Exp(-0.25 * t) + 20).ToArray();
        var (code, output, error) = CliHarness.Run("fit", "--te", Join(Henninger), "--signal", Join(s), "--model", "offset", "--field", "3", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(250, root.GetProperty("r2StarPerSecond").GetDouble(), 1e-6);
        Assert.Equal(4, root.GetProperty("t2StarMs").GetDouble(), 1e-8);
        Assert.Equal(800, root.GetProperty("s0").GetDouble(), 1e-6);
        Assert.Equal(20, root.GetProperty("offset").GetDouble(), 1e-6);
        Assert.Equal("estimated", root.GetProperty("outcome").GetString());
        Approvals.VerifyJson(output, "fit-offset");
    }

    [Fact]
    public void FitJson_T2StarShorterThanFirstEchoAt3T_GivesNoRateAndSaysBeyondMeasurableRange()
    {
        // R2* 1,500 s⁻¹: T2* 0.667 ms < TE1 0.99 ms.
        var s = Henninger.Select(t => 1000 * Math.Exp(-1.5 * t)).ToArray();
        var (code, output, error) = CliHarness.Run("fit", "--te", Join(Henninger), "--signal", Join(s), "--model", "mono", "--field", "3", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("r2StarPerSecond").ValueKind);
        Assert.Equal("beyondMeasurableRange", root.GetProperty("outcome").GetString());
        Assert.StartsWith("Beyond measurable range at 3 T: T2* = 0.667 ms", root.GetProperty("beyondMeasurableRange").GetString(), StringComparison.Ordinal);
        Approvals.VerifyJson(output, "fit-beyond-range");
    }

    [Fact]
    public void LicR2StarJson_Hernando3T_MatchesTheApprovedShapeAndTheHandComputedLic()
    {
        var (code, output, error) = CliHarness.Run("lic", "r2star", "--value", "100", "--field", "3", "--calibration", "hernando-3t", "--first-te", "0.99", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(0.01349 * 100 - 0.03, root.GetProperty("licMgPerGram").GetDouble(), 1e-12); // 1.319 mg/g
        Assert.Equal(1.319 * 17.907, root.GetProperty("licUmolPerGram").GetDouble(), 1e-9);
        Assert.Equal(100, root.GetProperty("inputRatePerSecond").GetDouble());
        Assert.Equal(3, root.GetProperty("calibrationFieldStrengthT").GetDouble());
        Assert.Equal("estimated", root.GetProperty("outcome").GetString());
        Approvals.VerifyJson(output, "lic-r2star-hernando-3t");
    }

    [Fact]
    public void LicR2StarJson_T2StarBelowFirstEcho_GivesNoLicAndTheBeyondRangeOutcomeWithField()
    {
        // 1,200 s⁻¹ → T2* 0.833 ms < first TE 0.99 ms.
        var (code, output, error) = CliHarness.Run("lic", "r2star", "--value", "1200", "--field", "3", "--calibration", "hernando-3t", "--first-te", "0.99", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("licMgPerGram").ValueKind);
        Assert.Equal("beyondMeasurableRange", root.GetProperty("outcome").GetString());
        Assert.StartsWith("Beyond measurable range at 3 T: T2* = 0.833 ms is shorter than the first echo (0.99 ms)",
            root.GetProperty("beyondMeasurableRange").GetString(), StringComparison.Ordinal);
        Approvals.VerifyJson(output, "lic-r2star-beyond-range");
    }

    [Fact]
    public void LicR2Star_TooFewEchoesAboveNoise_GivesNoLicAtAnyField()
    {
        var (code, output, error) = CliHarness.Run("lic", "r2star", "--value", "300", "--field", "1.5", "--calibration", "wood2005", "--echoes-above-noise", "2", "--json");
        Assert.True(code == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("licMgPerGram").ValueKind);
        Assert.Contains("at 1.5 T: only 2 echoes are above the noise (3 needed)", root.GetProperty("beyondMeasurableRange").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MapJson_SyntheticSeries_MatchesTheApprovedSummaryAndTheBuiltInRates()
    {
        double[] te = [1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.5];
        var dir = R2StarMapTests.WriteSeries(te);
        var csv = Path.Combine(Path.GetDirectoryName(dir)!, Path.GetFileName(dir) + "-map.csv");   // outputs never go into the input folder
        try
        {
            var (code, output, error) = CliHarness.Run("map", dir, "--model", "mono", "--mask", "1", "--out", csv, "--json");
            Assert.True(code == 0, error);
            var root = JsonDocument.Parse(output).RootElement;
            // 6 × 5 × 2 pixels: (0, 0) is empty on both slices (masked); rates above 1000 / TE1 = 1,000 s⁻¹ are beyond range.
            var rates = (from z in Enumerable.Range(0, 2) from y in Enumerable.Range(0, 5) from x in Enumerable.Range(0, 6)
                         where !(x == 0 && y == 0) select R2StarMapTests.Rate(x, y, z)).ToList();
            var measurable = rates.Where(r => r <= 1000).Order().ToList();
            Assert.Equal(2, root.GetProperty("maskedPixels").GetInt64());
            Assert.Equal(rates.Count - measurable.Count, root.GetProperty("beyondMeasurableRangePixels").GetInt64());
            Assert.Equal(measurable.Count, root.GetProperty("fittedPixels").GetInt64());
            Assert.Equal(measurable[measurable.Count / 2], root.GetProperty("medianR2StarPerSecond").GetDouble(), measurable[measurable.Count / 2] * 0.005);
            Approvals.VerifyJson(output, "map-summary");
        }
        finally
        {
            Directory.Delete(dir, true);
            File.Delete(csv);
        }
    }
}
