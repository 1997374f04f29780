using IronNotebooks.Roi;
using IronNotebooks.SignalRatio;
using Xunit;

namespace IronNotebooks.Tests.SignalRatio;

public class LiverMuscleRatioTests
{
    [Fact]
    public void FromRoiMeans_ThreeLiverTwoMuscle_AveragesEachRoiOnceThenDivides()
    {
        // (300 + 330 + 360)/3 = 330; (400 + 440)/2 = 420; 330/420 = 0.785714…
        var r = LiverMuscleRatio.FromRoiMeans("T2", [300, 330, 360], [400, 440]);
        Assert.Equal(330.0 / 420.0, r.Ratio, 1e-12);
        Assert.Equal(330, r.LiverMean);
        Assert.Equal(420, r.MuscleMean);
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void FromRoiMeans_OtherThanTheRennesLayout_WarnsWithTheCounts()
    {
        var r = LiverMuscleRatio.FromRoiMeans("T2", [300], [400]);
        Assert.Contains("1 liver and 1 muscle", Assert.Single(r.Warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-12.0)]
    public void FromRoiMeans_ZeroOrNegativeMuscleSignal_NamesTheSequence(double muscle)
    {
        var e = Assert.Throws<SignalRatioException>(() => LiverMuscleRatio.FromRoiMeans("T2+", [300, 310, 320], [400, muscle]));
        Assert.Equal("T2+", e.Sequence);
        Assert.StartsWith("Sequence 'T2+': muscle ROI mean #2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(4.01)]
    [InlineData(50.0)]
    public void FromRatio_OutsideAnyPhysicalRange_NamesTheSequenceAndTheRange(double ratio)
    {
        var e = Assert.Throws<SignalRatioException>(() => LiverMuscleRatio.FromRatio("PD", ratio));
        Assert.Equal("PD", e.Sequence);
    }

    [Fact]
    public void FromStatistics_UsesRolesAndIgnoresOthers()
    {
        RoiStatistics S(string name, RoiRole role, double mean) => new(name, role, 9, mean, 1, mean, mean, mean, 10, 10);
        var r = LiverMuscleRatio.FromStatistics("T2", [S("l1", RoiRole.Liver, 100), S("l2", RoiRole.Liver, 200), S("bg", RoiRole.Background, 5),
            S("m1", RoiRole.MuscleLeftParaspinal, 300), S("m2", RoiRole.MuscleRightParaspinal, 300)], "test");
        Assert.Equal(0.5, r.Ratio, 1e-12);
        Assert.Equal(2, r.LiverRoiCount);
    }

    [Fact]
    public void FromStatistics_NoMuscleRoi_Fails()
    {
        var e = Assert.Throws<SignalRatioException>(() => LiverMuscleRatio.FromStatistics("T1", [new RoiStatistics("l", RoiRole.Liver, 4, 100, 1, 100, 100, 100, 5, 5)], "x"));
        Assert.Contains("no muscle ROI", e.Message, StringComparison.Ordinal);
    }
}
