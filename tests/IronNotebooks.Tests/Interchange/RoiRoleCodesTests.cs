using IronNotebooks.Dicom.IO;
using IronNotebooks.Interchange;
using IronNotebooks.Roi;
using Xunit;

namespace IronNotebooks.Tests.Interchange;

public sealed class RoiRoleCodesTests
{
    [Fact]
    public void For_EveryRole_HasCodesThatLeadBackToIt()
    {
        foreach (var role in Enum.GetValues<RoiRole>())
        {
            var row = RoiRoleCodes.For(role);
            Assert.Equal(role, row.Role);
            Assert.True(RoiRoleCodes.TryGetRole(row.Type, row.TypeModifier, out var back));
            Assert.Equal(role, back);
            Assert.False(string.IsNullOrWhiteSpace(row.TypeContextGroup));
        }
    }

    [Fact]
    public void All_CategoriesComeFromCid7150()
    {
        // PS3.16 CID 7150 Segmentation Property Category (2026 edition).
        string[] cid7150 = ["85756007", "91723000", "260787004", "49755003", "246464006", "309825002", "91720002", "105590001", "263496004"];
        Assert.All(RoiRoleCodes.All, r => Assert.Contains(r.Category.Value, cid7150));
        Assert.All(RoiRoleCodes.All, r => Assert.Equal("SCT", r.Category.Scheme));
    }

    [Fact]
    public void TryGetRole_ParaspinalWithoutLaterality_IsNotARole()
    {
        Assert.False(RoiRoleCodes.TryGetRole(new DicomCode("44947003", "SCT", "Erector spinae muscle"), null, out var role));
        Assert.Equal(RoiRole.Other, role);
        Assert.True(RoiRoleCodes.TryGetRole(new DicomCode("44947003", "SCT", "x"), new DicomCode("7771000", "SCT", "y"), out role));
        Assert.Equal(RoiRole.MuscleLeftParaspinal, role);
    }

    [Fact]
    public void TryGetRole_SnomedRtLiverOfOlderTools_IsLiver()
    {
        Assert.True(RoiRoleCodes.TryGetRole(new DicomCode("T-D0050", "SRT", "Tissue"), new DicomCode("T-62000", "SRT", "Liver"), null, out var role));
        Assert.Equal(RoiRole.Liver, role);
    }
}
