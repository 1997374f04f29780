using Xunit;

namespace IronNotebooks.Tests.Relaxometry;

/// <summary>docs/contributing.md house rule 15 for the Relaxometry and Calibration namespaces.</summary>
public sealed class RelaxometryHouseRuleTests
{
    private static readonly Type[] PublicTypes = HouseRules.PublicTypesOf("IronNotebooks.Relaxometry", "IronNotebooks.Calibration");

    // Signal-unit quantities (the caller's linear image unit) and dimensionless settings.
    private static readonly HashSet<string> AllowedDoubleNames =
    [
        "S0", "Offset", "Rmse", "S0StandardError", "OffsetStandardError", "NoiseSigma", "RelativeTolerance", "TruncationNoiseFactor",
        "MaskThreshold", "Slope", "Value", "Threshold",
        "Level", "Probability", // LicInterval.Level, ThresholdProbability.Probability: fractions 0–1
    ];

    [Fact]
    public void ResultTypes_HaveNoPublicSettersOtherThanInit() => HouseRules.NoPublicSettersOtherThanInit(PublicTypes);

    [Fact]
    public void PublicDoubleProperties_CarryAUnitOrAreOnTheAllowList() =>
        HouseRules.DoublePropertiesCarryAUnit(PublicTypes, [.. HouseRules.CommonUnitSuffixes, "MicrogramsPerGram"], AllowedDoubleNames);

    [Fact]
    public void EachPublicType_LivesInAFileOfItsName() => HouseRules.EachTypeInAFileOfItsName(PublicTypes);

    [Theory]
    [InlineData("Relaxometry")]
    [InlineData("Calibration")]
    public void RelaxometryAndCalibration_DoNotReferenceTheDicomAssembly(string folder) => HouseRules.FolderDoesNotReferenceTheDicomAssembly(folder);
}
