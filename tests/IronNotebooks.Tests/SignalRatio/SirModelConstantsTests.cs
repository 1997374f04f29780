using IronNotebooks.SignalRatio;
using Xunit;

namespace IronNotebooks.Tests.SignalRatio;

public class SirModelConstantsTests
{
    private const string Alustiza = """
        { "schema": "ironnotebooks/sir-model-constants", "version": 1, "name": "alustiza-as-file", "protocol": "alustiza2004",
          "source": "Alústiza 2004 typed in as a test", "form": "exp-linear", "unit": "umol/g",
          "intercept": 5.808, "coefficients": { "IW": -1.518, "T2": -0.877 }, "validMinUmolPerGram": null, "validMaxUmolPerGram": 391 }
        """;

    [Fact]
    public void ExpLinearFile_WithTheTwoSequenceConstants_ReproducesTheSediaPoint()
    {
        var c = SirModelConstants.FromJson(Alustiza);
        var e = SirLic.Estimate("alustiza2004", new Dictionary<string, double> { ["IW"] = 0.95, ["T2"] = 0.47 }, new SirLicOptions(Constants: c));
        Assert.Equal(52.128, e.Lic!.Value.UmolPerGram, 0.005);
        Assert.Equal(SirMethodStatus.UserConstants, e.Status);
        Assert.Contains("Alústiza 2004 typed in as a test", e.StatusNote, StringComparison.Ordinal);
    }

    [Fact]
    public void LinearFileForRennes_InMgPerGram_AboveItsRange_IsReportedAboveRange()
    {
        // LIC (mg/g) = 30 − 20·T2++: T2++ 0.2 → 26 mg/g = 465.6 µmol/g > 350 (file's max).
        const string json = """
            { "schema": "ironnotebooks/sir-model-constants", "version": 1, "name": "toy", "protocol": "rennes-1.5T", "source": "toy",
              "form": "linear", "unit": "mg/g", "intercept": 30, "coefficients": { "T2++": -20 }, "validMinUmolPerGram": null, "validMaxUmolPerGram": 350 }
            """;
        var c = SirModelConstants.FromJson(json);
        var ratios = new Dictionary<string, double> { ["T1"] = 0.5, ["PD"] = 0.4, ["T2"] = 0.3, ["T2+"] = 0.25, ["T2++"] = 0.2 };
        var e = SirLic.Estimate("rennes-1.5T", ratios, new SirLicOptions(Constants: c));
        Assert.True(e.AboveRange);
        Assert.Null(e.Lic);
        Assert.Equal(26 * 17.907, e.LicLowerBound!.Value.UmolPerGram, 1e-9);
        Assert.Contains(e.Decisions, d => d.Outcome == "above-range" && d.AppliedTo.Contains("user-supplied", StringComparison.Ordinal));
    }

    [Fact]
    public void LilleConstants_UnderARennesExamAbove300_AreUsedForTheAddOn()
    {
        // LIC (µmol/g) = 1000 − 1000·Lille: Lille 0.4 → 600 µmol/g.
        const string json = """
            { "schema": "ironnotebooks/sir-model-constants", "version": 1, "name": "lille-toy", "protocol": "lille-addon-1.5T", "source": "toy",
              "form": "linear", "unit": "umol/g", "intercept": 1000, "coefficients": { "Lille": -1000 }, "validMinUmolPerGram": null, "validMaxUmolPerGram": 800 }
            """;
        var ratios = new Dictionary<string, double> { ["T1"] = 0.3, ["PD"] = 0.2, ["T2"] = 0.03, ["T2+"] = 0.02, ["T2++"] = 0.02, ["Lille"] = 0.4 };
        var e = SirLic.Estimate("rennes-1.5T", ratios, new SirLicOptions(Constants: SirModelConstants.FromJson(json)));
        Assert.Equal(SirMethodStatus.UserConstants, e.Status);
        Assert.Equal(600, e.Lic!.Value.UmolPerGram, 1e-9);
    }

    [Theory]
    [InlineData("\"form\": \"exp-linear\"", "\"form\": \"cubic\"")]
    [InlineData("\"unit\": \"umol/g\"", "\"unit\": \"mmol/kg\"")]
    [InlineData("\"IW\": -1.518", "\"T9\": -1.518")]
    [InlineData("\"protocol\": \"alustiza2004\"", "\"protocol\": \"nobody2020\"")]
    [InlineData("\"version\": 1", "\"version\": 3")]
    public void FromJson_BadContent_IsRefusedWithTheReason(string from, string to) =>
        Assert.Throws<SignalRatioException>(() => SirModelConstants.FromJson(Alustiza.Replace(from, to, StringComparison.Ordinal), "c.json"));
}
