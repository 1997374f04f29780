using Xunit;

namespace IronNotebooks.Tests.Simulation;

/// <summary>docs/contributing.md house rule 15 for the Simulation namespace.</summary>
public sealed class SimulationHouseRuleTests
{
    private static readonly Type[] PublicTypes = HouseRules.PublicTypesOf("IronNotebooks.Simulation");

    private static readonly string[] UnitSuffixes = [.. HouseRules.CommonUnitSuffixes, "Mm", "Deg", "Ms1p5T", "Ms3T", "PerSecond1p5T", "Percent", "Hz", "Radians"];

    // Dimensionless quantities and the series' own signal units.
    private static readonly HashSet<string> AllowedDoubleNames =
        ["ProtonDensity", "FatFraction", "LiverFatFraction", "Snr", "CoilShading", "TargetFraction", "RescaleSlope", "StoredPerSignalUnit", "NoiseSigma",
         "LowFieldT1Exponent"];

    [Fact]
    public void PublicDoubleProperties_CarryAUnitOrAreOnTheAllowList() => HouseRules.DoublePropertiesCarryAUnit(PublicTypes, UnitSuffixes, AllowedDoubleNames);

    [Fact]
    public void ResultTypes_HaveNoPublicSettersOtherThanInit() => HouseRules.NoPublicSettersOtherThanInit(PublicTypes);

    [Fact]
    public void EachPublicType_LivesInAFileOfItsName() => HouseRules.EachTypeInAFileOfItsName(PublicTypes);
}
