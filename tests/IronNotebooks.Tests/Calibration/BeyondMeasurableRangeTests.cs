using IronNotebooks.Calibration;
using IronNotebooks.Relaxometry;
using Xunit;

namespace IronNotebooks.Tests.Calibration;

/// <summary>
/// docs/methods.md §3: at 3 T severe overload shortens T2* below the shortest echo, so a workflow must flag "beyond measurable
/// range" rather than return a number. Applied at every field: T2* shorter than the first echo, fewer than three echoes
/// above k·σ, or a fit that runs off to infinite R2*.
/// </summary>
public sealed class BeyondMeasurableRangeTests
{
    private static readonly double[] Henninger = Enumerable.Range(0, 12).Select(i => 0.99 + 1.41 * i).ToArray();

    private static double[] Decay(double s0, double r2s) => Henninger.Select(t => s0 * Math.Exp(-r2s * t / 1000)).ToArray();

    [Fact]
    public void FromFit_T2StarShorterThanFirstEchoAt3T_ReturnsNoLicAndTheBeyondRangeOutcome()
    {
        var fit = DecayFit.Fit(Henninger, Decay(1000, 1500), DecayModels.Mono); // T2* 0.667 ms < 0.99 ms
        Assert.True(fit.IsUsable);
        Assert.True(fit.IsBeyondMeasurableRange);
        var e = LicConversion.FromFit(fit, 3.0, RelaxometryCalibrations.Hernando3T);
        Assert.Null(e.Lic);
        Assert.Equal(LicOutcome.BeyondMeasurableRange, e.Outcome);
        Assert.StartsWith("Beyond measurable range at 3 T: T2* = 0.667 ms is shorter than the first echo (0.99 ms)", e.BeyondMeasurableRange, StringComparison.Ordinal);
        Assert.Contains(e.BeyondMeasurableRange, e.Warnings);
    }

    [Fact]
    public void FromFit_FewerThanThreeEchoesAboveNoiseAt1p5T_ReturnsNoLic()
    {
        // R2* 500 s⁻¹, σ = 100: echoes 610, 301, 149, … so only two are ≥ 2σ = 200.
        var fit = DecayFit.Fit(Henninger, Decay(1000, 500), DecayModels.Mono, DecayFitOptions.Default with { NoiseSigma = 100 });
        Assert.Equal(2, fit.EchoesAboveNoise);
        var e = LicConversion.FromFit(fit, 1.5, RelaxometryCalibrations.Wood2005);
        Assert.Null(e.Lic);
        Assert.Equal(LicOutcome.BeyondMeasurableRange, e.Outcome);
        Assert.Contains("at 1.5 T: only 2 echoes are above the noise (3 needed)", e.BeyondMeasurableRange, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFit_DecayOverBeforeTheSecondEcho_ReportsBeyondRangeNotANumber()
    {
        // One echo of signal, then nothing: the mono fit has no finite optimum (R2* runs off).
        double[] s = [900, 0.5, 0.3, 0.4, 0.2, 0.3, 0.1, 0.2, 0.3, 0.2, 0.1, 0.2];
        var fit = DecayFit.Fit(Henninger, s, DecayModels.Mono);
        Assert.True(fit.IsBeyondMeasurableRange, $"{fit.Status}: {fit.ExitReason}");
        var e = LicConversion.FromFit(fit, 3.0, RelaxometryCalibrations.Hernando3T);
        Assert.Null(e.Lic);
        Assert.Equal(LicOutcome.BeyondMeasurableRange, e.Outcome);
    }

    [Fact]
    public void FromFit_MeasurableDecay_GivesTheCalibrationValue()
    {
        var fit = DecayFit.Fit(Henninger, Decay(1000, 100), DecayModels.Mono);
        var e = LicConversion.FromFit(fit, 3.0, RelaxometryCalibrations.Hernando3T);
        Assert.Equal(LicOutcome.Estimated, e.Outcome);
        Assert.Null(e.BeyondMeasurableRange);
        Assert.Equal(0.01349 * 100 - 0.03, e.Lic!.Value.MgPerGram, 1e-9);
    }

    [Theory]
    [InlineData(1200, 0.99, null, LicOutcome.BeyondMeasurableRange)] // T2* 0.833 ms < 0.99 ms
    [InlineData(1000, 0.99, null, LicOutcome.Estimated)]             // T2* 1 ms ≥ 0.99 ms
    [InlineData(300, null, 2, LicOutcome.BeyondMeasurableRange)]
    [InlineData(300, null, 3, LicOutcome.Estimated)]
    public void FromRate_WithEchoTrainFacts_AppliesTheRule(double rate, double? firstTe, int? aboveNoise, LicOutcome expected)
    {
        var e = LicConversion.FromRate(rate, 3.0, RelaxometryCalibrations.Hernando3T, firstTe, aboveNoise);
        Assert.Equal(expected, e.Outcome);
        Assert.Equal(expected == LicOutcome.Estimated, e.Lic is not null);
    }

    [Fact]
    public void FromRate_StPierreAboveItsDomain_IsNoValueNotBeyondRange()
    {
        var e = LicConversion.FromRate(420, 1.5, RelaxometryCalibrations.StPierre2005);
        Assert.Equal(LicOutcome.NoValue, e.Outcome);
    }
}
