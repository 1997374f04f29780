using Xunit;

namespace IronNotebooks.Tests.Exams;

/// <summary>style.md §15 for the Exams and Cohorts namespaces; Cohorts (tables, journal, validation) never sees DICOM.</summary>
public sealed class ExamsHouseRuleTests
{
    private static readonly Type[] PublicTypes = HouseRules.PublicTypesOf("IronNotebooks.Exams", "IronNotebooks.Cohorts");

    // Proportions, AUC, kappa, slopes and Bland–Altman ratios are dimensionless; a percentage says so.
    private static readonly string[] UnitSuffixes = [.. HouseRules.CommonUnitSuffixes, "Percent", "PercentPoints", "Ratio", "Slope", "Kappa", "Auc", "Sensitivity", "Specificity"];
    private static readonly HashSet<string> AllowedDoubleNames =
        ["AucCiLow", "AucCiHigh", "SensitivityCiLow", "SensitivityCiHigh", "SpecificityCiLow", "SpecificityCiHigh", "BlandAltmanRatioLow",
         "BlandAltmanRatioHigh", "WeightedKappaCiLow", "WeightedKappaCiHigh"];

    [Fact]
    public void ResultTypes_HaveNoPublicSettersOtherThanInit() => HouseRules.NoPublicSettersOtherThanInit(PublicTypes);

    [Fact]
    public void PublicDoubleProperties_CarryAUnitOrAreDimensionless() => HouseRules.DoublePropertiesCarryAUnit(PublicTypes, UnitSuffixes, AllowedDoubleNames);

    [Fact]
    public void EachPublicType_LivesInAFileOfItsName() => HouseRules.EachTypeInAFileOfItsName(PublicTypes);

    [Fact]
    public void Cohorts_DoNotReferenceTheDicomAssembly() => HouseRules.FolderDoesNotReferenceTheDicomAssembly("Cohorts");
}
