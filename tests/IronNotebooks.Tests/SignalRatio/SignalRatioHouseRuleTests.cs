using IronNotebooks.SignalRatio;
using Xunit;

namespace IronNotebooks.Tests.SignalRatio;

/// <summary>docs/contributing.md house rule 15 for the SignalRatio namespace, and its own rule: a reconstruction never passes for the official method.</summary>
public sealed class SignalRatioHouseRuleTests
{
    private static readonly Type[] PublicTypes = HouseRules.PublicTypesOf("IronNotebooks.SignalRatio");

    // Ratios and fractions are dimensionless; the model constants file's intercept is in the formula's own scale.
    private static readonly string[] UnitSuffixes = [.. HouseRules.CommonUnitSuffixes, "MgPerMl", "Ratio", "Fraction"];
    private static readonly HashSet<string> AllowedDoubleNames = ["Intercept", "LiverMean", "MuscleMean", "VialMean", "ReferenceMean"];

    [Fact]
    public void ResultTypes_HaveNoPublicSettersOtherThanInit() => HouseRules.NoPublicSettersOtherThanInit(PublicTypes);

    [Fact]
    public void PublicDoubleProperties_CarryAUnitOrAreDimensionless() => HouseRules.DoublePropertiesCarryAUnit(PublicTypes, UnitSuffixes, AllowedDoubleNames);

    [Fact]
    public void EachPublicType_LivesInAFileOfItsName() => HouseRules.EachTypeInAFileOfItsName(PublicTypes);

    [Fact]
    public void Output_NeverPresentsAReconstructionAsTheOfficialMethod()
    {
        var e = SirReconstruction.Rennes("rennes-1.5T", new Dictionary<string, double> { ["T1"] = 1.1, ["PD"] = 1.0, ["T2"] = 0.8, ["T2+"] = 0.7, ["T2++"] = 0.6 });
        Assert.Contains("not the official worksheet", e.Method, StringComparison.Ordinal);
        Assert.StartsWith("reconstruction", e.StatusNote, StringComparison.Ordinal);
        Assert.All(e.Decisions.Where(d => d.Rule.StartsWith("Rennes bands", StringComparison.Ordinal)), d => Assert.Contains("reconstruction", d.AppliedTo, StringComparison.Ordinal));
    }
}
