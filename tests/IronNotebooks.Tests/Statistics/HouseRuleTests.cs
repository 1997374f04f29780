using System.Reflection;
using IronNotebooks.Statistics;
using Xunit;

namespace IronNotebooks.Tests.Statistics;

/// <summary>docs/contributing.md house rule 15 for the Statistics namespace, enforced by reflection and by reading the sources.</summary>
public class HouseRuleTests
{
    private static readonly Type[] PublicTypes = HouseRules.PublicTypesOf("IronNotebooks.Statistics");

    // Dimensionless results, or results in the units of the caller's input (a bias is in the units of the measurements).
    private static readonly HashSet<string> AllowedDoubleNames =
    [
        "Lower", "Upper", "Level", "Width", "Value", "Auc", "AucVariance", "AucStandardError", "Sensitivity", "Specificity", "Ppv", "Npv",
        "YoudenIndex", "Threshold", "ConfidenceLevel", "Prevalence", "RuleOutThreshold", "RuleInThreshold", "Fraction",
        "Auc1", "Auc2", "Difference", "StandardError", "Correlation", "Statistic", "DegreesOfFreedom", "P", "Bias", "SdDifference",
        "LowerLimit", "UpperLimit", "LimitMultiplier", "Slope", "Intercept", "SlopeStandardError", "InterceptStandardError", "SlopeP",
        "RSquared", "ResidualStandardDeviation", "WithinSubjectSd", "RepeatabilityCoefficient", "Multiplier", "Coefficient",
        "ErrorVarianceRatio", "Ccc", "PearsonR", "BiasCorrectionFactor", "LocationShift", "ScaleShift", "Kappa",
        "StandardErrorUnderNull", "Z", "ObservedAgreement", "ExpectedAgreement", "ChiSquare", "PChiSquare", "ChiSquareCorrected",
        "PChiSquareCorrected", "PExact",
    ];

    [Fact]
    public void ResultTypes_HaveNoPublicSettersOtherThanInit() => HouseRules.NoPublicSettersOtherThanInit(PublicTypes);

    [Fact]
    public void PublicDoubleProperties_CarryAUnitOrAreOnTheDimensionlessAllowList() => HouseRules.DoublePropertiesCarryAUnit(PublicTypes, [], AllowedDoubleNames);

    [Fact]
    public void Statistics_DoesNotReferenceTheDicomAssembly()
    {
        var dicom = typeof(IronNotebooks.Dicom.DicomFile).Assembly;
        var all = typeof(Roc).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith("IronNotebooks.Statistics", StringComparison.Ordinal) == true);
        foreach (var type in all)
        foreach (var m in type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        {
            var used = m switch
            {
                FieldInfo f => [f.FieldType],
                PropertyInfo p => [p.PropertyType],
                MethodInfo mi => mi.GetParameters().Select(x => x.ParameterType).Append(mi.ReturnType),
                ConstructorInfo c => c.GetParameters().Select(x => x.ParameterType),
                _ => Enumerable.Empty<Type>(),
            };
            foreach (var u in used) Assert.False(u.Assembly == dicom, $"{type.Name}.{m.Name} uses {u.FullName} from the DICOM assembly");
        }
        HouseRules.FolderDoesNotReferenceTheDicomAssembly("Statistics");
    }

    [Fact]
    public void EachPublicType_LivesInAFileOfItsName() => HouseRules.EachTypeInAFileOfItsName(PublicTypes);
}
