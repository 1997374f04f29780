using Xunit;

namespace IronNotebooks.Tests.FatWater;

/// <summary>style.md §15 for IronNotebooks.FatWater.</summary>
public sealed class FatWaterHouseRuleTests
{
    private static readonly Type[] PublicTypes = HouseRules.PublicTypesOf("IronNotebooks.FatWater");

    /// <summary>Signals are in the image's own units; the margins are ratios of sums of squares; RMSE in the fitted units.</summary>
    private static readonly HashSet<string> AllowedDoubleNames = ["WaterSignal", "FatSignal", "BranchMargin", "Rmse", "NoiseSigma", "MaskThreshold", "AmbiguityMargin", "RelativeTolerance",
        "WaterSignalStandardError", "FatSignalStandardError", "FatBranchMinimumMargin"];

    [Fact]
    public void PublicDoubleProperties_CarryAUnitOrAreOnTheAllowList() =>
        HouseRules.DoublePropertiesCarryAUnit(PublicTypes, [.. HouseRules.CommonUnitSuffixes, "Percent", "Hz"], AllowedDoubleNames);

    [Fact]
    public void ResultTypes_HaveNoPublicSettersOtherThanInit() => HouseRules.NoPublicSettersOtherThanInit(PublicTypes);

    [Fact]
    public void EachPublicType_LivesInAFileOfItsName() => HouseRules.EachTypeInAFileOfItsName(PublicTypes);
}
