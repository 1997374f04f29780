using IronNotebooks.Roi;
using Xunit;

namespace IronNotebooks.Tests.Roi;

public sealed class RoiSelectionTests
{
    private static readonly CircleRoi Disc1 = new("liver-1", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(10, 10), 3);
    private static readonly CircleRoi Disc2 = new("liver-2", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(20, 10), 3);
    private static readonly MaskRoi Parenchyma = new("liver-parenchyma", RoiRole.Liver, 32, 32, [5, 6, 7, 37, 38]);
    private static readonly CircleRoi Muscle = new("muscle-left", RoiRole.MuscleLeftParaspinal, RoiSpace.Pixel, new RoiPoint(5, 25), 2);

    [Fact]
    public void MeasuredLivers_DiscsBesideAParenchymaMask_AreTheDiscsOnly() =>
        Assert.Equal(["liver-1", "liver-2"], RoiSelection.MeasuredLivers([Disc1, Parenchyma, Disc2, Muscle]).Select(r => r.Name));

    [Fact]
    public void MeasuredLivers_OneMask_IsThatMask() =>
        Assert.Equal(["liver-parenchyma"], RoiSelection.MeasuredLivers([Parenchyma, Muscle]).Select(r => r.Name));

    [Fact]
    public void MeasuredLivers_MasksOnlyAsAfterASegRoundTrip_LeaveOutTheRegionHoldingTheOthers()
    {
        var disc1 = new MaskRoi("liver-1", RoiRole.Liver, 32, 32, [5, 6]);
        var disc2 = new MaskRoi("liver-2", RoiRole.Liver, 32, 32, [37, 38]);
        Assert.Equal(["liver-1", "liver-2"], RoiSelection.MeasuredLivers([disc1, Parenchyma, disc2]).Select(r => r.Name));
    }

    [Fact]
    public void MeasuredLivers_MasksThatOnlyOverlap_AreAllMeasured()
    {
        var a = new MaskRoi("liver-a", RoiRole.Liver, 32, 32, [5, 6, 100]);
        Assert.Equal(["liver-parenchyma", "liver-a"], RoiSelection.MeasuredLivers([Parenchyma, a]).Select(r => r.Name));
    }

    [Fact]
    public void MeasuredLivers_NoLiverRoi_IsEmpty() => Assert.Empty(RoiSelection.MeasuredLivers([Muscle]));
}
