using System.Reflection;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Statistics;
using Xunit;

namespace IronNotebooks.Tests.Statistics;

/// <summary>style.md §15 for the Statistics namespace, enforced by reflection and by reading the sources.</summary>
public class HouseRuleTests
{
    private static readonly Type[] PublicTypes = typeof(Roc).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == "IronNotebooks.Statistics").ToArray();

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
    public void ResultTypes_HaveNoPublicSettersOtherThanInit()
    {
        foreach (var type in PublicTypes.Where(t => !typeof(Exception).IsAssignableFrom(t)))
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = p.SetMethod;
            if (setter is null || !setter.IsPublic) continue;
            bool initOnly = setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit");
            Assert.True(initOnly, $"{type.Name}.{p.Name} has a public setter");
        }
    }

    [Fact]
    public void PublicDoubleProperties_CarryAUnitOrAreOnTheDimensionlessAllowList()
    {
        foreach (var type in PublicTypes)
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (p.PropertyType != typeof(double) && p.PropertyType != typeof(double?)) continue;
            Assert.True(AllowedDoubleNames.Contains(p.Name), $"{type.Name}.{p.Name}: add a unit suffix or put the name on the allow-list with a reason");
        }
    }

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
        var folder = Path.Combine(TestPaths.RepositoryRoot, "lib", "IronNotebooks", "Statistics");
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            Assert.DoesNotContain("IronNotebooks.Dicom", File.ReadAllText(file));
    }

    [Fact]
    public void EachPublicType_LivesInAFileOfItsName()
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "lib", "IronNotebooks", "Statistics");
        foreach (var type in PublicTypes.Where(t => !t.IsNested))
            Assert.True(File.Exists(Path.Combine(folder, type.Name + ".cs")), $"{type.Name} is not in Statistics/{type.Name}.cs");
    }
}
