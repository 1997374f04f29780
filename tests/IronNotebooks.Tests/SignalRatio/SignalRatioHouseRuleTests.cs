using System.Reflection;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.SignalRatio;
using Xunit;

namespace IronNotebooks.Tests.SignalRatio;

/// <summary>style.md §15 for the SignalRatio namespace (mirrors Relaxometry/RelaxometryHouseRuleTests).</summary>
public sealed class SignalRatioHouseRuleTests
{
    private static readonly Type[] PublicTypes = typeof(SirLic).Assembly.GetExportedTypes().Where(t => t.Namespace == "IronNotebooks.SignalRatio").ToArray();

    private static readonly string[] UnitSuffixes = ["PerSecond", "Ms", "MgPerGram", "UmolPerGram", "MgPerMl", "T"];

    // Ratios and fractions are dimensionless; the model constants file's intercept is in the formula's own scale.
    private static readonly string[] DimensionlessSuffixes = ["Ratio", "Fraction"];
    private static readonly HashSet<string> AllowedDoubleNames = ["Intercept", "LiverMean", "MuscleMean", "VialMean", "ReferenceMean"];

    [Fact]
    public void ResultTypes_HaveNoPublicSettersOtherThanInit()
    {
        foreach (var type in PublicTypes.Where(t => !typeof(Exception).IsAssignableFrom(t)))   // Exception.HelpLink/Source are the BCL's
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = p.SetMethod;
            if (setter is null || !setter.IsPublic) continue;
            Assert.True(setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"), $"{type.Name}.{p.Name} has a public setter");
        }
    }

    [Fact]
    public void PublicDoubleProperties_CarryAUnitOrAreDimensionless()
    {
        foreach (var type in PublicTypes)
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (p.PropertyType != typeof(double) && p.PropertyType != typeof(double?)) continue;
            Assert.True(AllowedDoubleNames.Contains(p.Name) || UnitSuffixes.Concat(DimensionlessSuffixes).Any(s => p.Name.EndsWith(s, StringComparison.Ordinal)),
                $"{type.Name}.{p.Name}: add a unit suffix or put the name on the allow-list with a reason");
        }
    }

    [Fact]
    public void EachPublicType_LivesInAFileOfItsName()
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "lib", "IronNotebooks", "SignalRatio");
        foreach (var type in PublicTypes.Where(t => !t.IsNested))
            Assert.True(File.Exists(Path.Combine(folder, type.Name + ".cs")), $"{type.Name} is not in {folder}/{type.Name}.cs");
    }

    [Fact]
    public void Output_NeverPresentsAReconstructionAsTheOfficialMethod()
    {
        var e = SirReconstruction.Rennes("rennes-1.5T", new Dictionary<string, double> { ["T1"] = 1.1, ["PD"] = 1.0, ["T2"] = 0.8, ["T2+"] = 0.7, ["T2++"] = 0.6 });
        Assert.Contains("not the official worksheet", e.Method, StringComparison.Ordinal);
        Assert.StartsWith("reconstruction", e.StatusNote, StringComparison.Ordinal);
        Assert.All(e.Decisions.Where(d => d.Rule.StartsWith("Rennes bands", StringComparison.Ordinal)), d => Assert.Contains("reconstruction", d.AppliedTo, StringComparison.Ordinal));
    }
}
