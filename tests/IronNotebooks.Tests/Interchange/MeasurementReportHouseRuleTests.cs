using Xunit;

namespace IronNotebooks.Tests.Interchange;

/// <summary>House rules (docs/contributing.md rule 15) for the measurement-report types of Interchange.</summary>
public sealed class MeasurementReportHouseRuleTests
{
    private static readonly Type[] Types = [.. HouseRules.PublicTypesOf("IronNotebooks.Interchange")
        .Where(t => t.Name.StartsWith("MeasurementReport", StringComparison.Ordinal) || t.Name.StartsWith("RoiReport", StringComparison.Ordinal)
            || t.Name is "RoiScoord" or "ReportedMeasurement" or "ResolvedImage")];

    /// <summary>Unit-free names: <c>Value</c> of a reported measurement carries its unit beside it as a UCUM code.</summary>
    private static readonly HashSet<string> UnitFree = ["Value"];

    [Fact]
    public void ReportTypes_AreImmutable() => HouseRules.NoPublicSettersOtherThanInit(Types);

    [Fact]
    public void ReportDoubles_SayTheirUnit() => HouseRules.DoublePropertiesCarryAUnit(Types, [.. HouseRules.CommonUnitSuffixes, "Mm2"], UnitFree);

    [Fact]
    public void ReportTypes_EachLiveInAFileOfTheirName()
    {
        Assert.True(Types.Length >= 12);
        HouseRules.EachTypeInAFileOfItsName(Types);
    }
}
