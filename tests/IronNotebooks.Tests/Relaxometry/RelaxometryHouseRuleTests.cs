using System.Reflection;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Relaxometry;
using Xunit;

namespace IronNotebooks.Tests.Relaxometry;

/// <summary>style.md §15 for the Relaxometry and Calibration namespaces (mirrors Statistics/HouseRuleTests).</summary>
public sealed class RelaxometryHouseRuleTests
{
    private static readonly string[] Namespaces = ["IronNotebooks.Relaxometry", "IronNotebooks.Calibration"];

    private static readonly Type[] PublicTypes = typeof(DecayFit).Assembly.GetExportedTypes()
        .Where(t => Namespaces.Contains(t.Namespace)).ToArray();

    private static readonly string[] UnitSuffixes = ["PerSecond", "Ms", "MgPerGram", "UmolPerGram", "MicrogramsPerGram", "T"];

    // Signal-unit quantities (the caller's linear image unit) and dimensionless settings.
    private static readonly HashSet<string> AllowedDoubleNames =
    [
        "S0", "Offset", "Rmse", "S0StandardError", "OffsetStandardError", "NoiseSigma", "RelativeTolerance", "TruncationNoiseFactor",
        "MaskThreshold", "Slope", "Value", "Threshold",
    ];

    [Fact]
    public void ResultTypes_HaveNoPublicSettersOtherThanInit()
    {
        foreach (var type in PublicTypes)
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = p.SetMethod;
            if (setter is null || !setter.IsPublic) continue;
            Assert.True(setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"), $"{type.Name}.{p.Name} has a public setter");
        }
    }

    [Fact]
    public void PublicDoubleProperties_CarryAUnitOrAreOnTheAllowList()
    {
        foreach (var type in PublicTypes)
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (p.PropertyType != typeof(double) && p.PropertyType != typeof(double?)) continue;
            Assert.True(AllowedDoubleNames.Contains(p.Name) || UnitSuffixes.Any(s => p.Name.EndsWith(s, StringComparison.Ordinal)),
                $"{type.Name}.{p.Name}: add a unit suffix or put the name on the allow-list with a reason");
        }
    }

    [Fact]
    public void EachPublicType_LivesInAFileOfItsName()
    {
        foreach (var type in PublicTypes.Where(t => !t.IsNested))
        {
            var folder = Path.Combine(TestPaths.RepositoryRoot, "lib", "IronNotebooks", type.Namespace!.Split('.')[1]);
            Assert.True(File.Exists(Path.Combine(folder, type.Name + ".cs")), $"{type.Name} is not in {folder}/{type.Name}.cs");
        }
    }

    [Fact]
    public void RelaxometryAndCalibration_DoNotReferenceTheDicomAssembly()
    {
        foreach (var ns in new[] { "Relaxometry", "Calibration" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "lib", "IronNotebooks", ns), "*.cs", SearchOption.AllDirectories))
                Assert.DoesNotContain("IronNotebooks.Dicom", File.ReadAllText(file));
    }
}
