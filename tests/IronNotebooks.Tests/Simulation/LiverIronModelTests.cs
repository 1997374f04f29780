using IronNotebooks.Calibration;
using IronNotebooks.Simulation;
using Xunit;

namespace IronNotebooks.Tests.Simulation;

public sealed class LiverIronModelTests
{
    private static LiverIronConcentration Mg(double v) => LiverIronConcentration.FromMgPerGram(v);

    [Fact]
    public void AtOnePointFiveTesla_R2StarIsTheInverseOfWood2005()
    {
        var t = LiverIronModel.FromLic(Mg(5), 1.5);
        Assert.Equal((5 - 0.202) / 0.0254, t.R2StarPerSecond, 6);     // hand inversion of LIC = 0.0254·R2* + 0.202
        Assert.Equal(83.22657127361295, t.R2PerSecond, 9);             // St Pierre forward curve at 5 mg/g (python)
        Assert.Equal("wood2005", t.R2StarCalibration);
        Assert.Equal("stpierre2005", t.R2Calibration);
        Assert.Equal(ValueStatus.Published, t.R2StarStatus);
        Assert.Empty(t.Warnings);
        // The library's own forward path returns the LIC.
        Assert.Equal(5, LicConversion.FromRate(t.R2StarPerSecond, 1.5, RelaxometryCalibrations.Wood2005).Lic!.Value.MgPerGram, 6);
    }

    [Fact]
    public void AtThreeTesla_StoreysPublishedLineScalesTheOnePointFiveTeslaValue()
    {
        var t = LiverIronModel.FromLic(Mg(5), 3.0);
        Assert.Equal(2.00 * (5 - 0.202) / 0.0254 - 11, t.R2StarPerSecond, 6);
        Assert.Equal("storey2007-liver", t.R2StarRule);
        Assert.Equal(ValueStatus.Published, t.R2StarStatus);
    }

    [Fact]
    public void AThreeTeslaCalibration_IsInvertedDirectlyAtThreeTesla_AndThroughStoreyAtOnePointFive()
    {
        Assert.Equal((5 + 0.03) / 0.01349, LiverIronModel.FromLic(Mg(5), 3.0, "hernando-3t").R2StarPerSecond, 6);
        Assert.Equal(((5 + 0.03) / 0.01349 + 11) / 2, LiverIronModel.FromLic(Mg(5), 1.5, "hernando-3t").R2StarPerSecond, 6);
        Assert.Equal(Math.Pow(5 / 0.0290, 1 / 1.014), LiverIronModel.FromLic(Mg(5), 1.5, "garbowski2014").R2StarPerSecond, 6);
    }

    [Theory]
    [InlineData(0.35)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void BelowOnePointFiveTesla_R2StarIsTheNamedReconstruction(double field)
    {
        var t = LiverIronModel.FromLic(Mg(5), field);
        double r2 = 83.22657127361295, at15 = (5 - 0.202) / 0.0254;
        Assert.Equal(r2 + (at15 - r2) * field / 1.5, t.R2StarPerSecond, 6);
        Assert.Equal(ValueStatus.Reconstruction, t.R2StarStatus);
        Assert.Equal(LiverIronModel.LinearR2PrimeRule, t.R2StarRule);
        Assert.Contains(t.Warnings, w => w.Contains("reconstruction", StringComparison.Ordinal));
    }

    [Fact]
    public void WhereTheTwoRegressionsCross_R2IsCappedAtR2StarWithAWarning()
    {
        // 0.9 mg/g: Wood gives R2* = (0.9 − 0.202)/0.0254 = 27.5 s⁻¹ but St Pierre gives R2 ≈ 30.7 s⁻¹.
        var t = LiverIronModel.FromLic(Mg(0.9), 1.5);
        Assert.Equal(t.R2StarPerSecond, t.R2PerSecond);
        Assert.Contains(t.Warnings, w => w.Contains("capped", StringComparison.Ordinal));
        Assert.Contains(t.Warnings, w => w.Contains("validity range", StringComparison.Ordinal)); // below wood2005's 1.33 mg/g
    }

    [Fact]
    public void BadInput_IsRefusedWithTheArgumentNamed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LiverIronModel.FromLic(Mg(0.1), 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => LiverIronModel.FromLic(Mg(5), 7));
        var e = Assert.Throws<ArgumentException>(() => LiverIronModel.FromLic(Mg(5), 1.5, "stpierre2005"));
        Assert.Contains("R2 calibration", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LiverIronModel.FromLic(Mg(5), 1.5, "hernando-2.89t"));
    }
}
