using System.Reflection;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Simulation;
using Xunit;

namespace IronNotebooks.Tests.Simulation;

/// <summary>style.md §15 for the Simulation namespace (mirrors RelaxometryHouseRuleTests).</summary>
public sealed class SimulationHouseRuleTests
{
    private static readonly Type[] PublicTypes = typeof(VirtualAnatomy).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == "IronNotebooks.Simulation").ToArray();

    private static readonly string[] UnitSuffixes = ["PerSecond", "Ms", "MgPerGram", "UmolPerGram", "T", "Mm", "Deg", "Ms1p5T", "Ms3T", "PerSecond1p5T"];

    // Dimensionless quantities and the series' own signal units.
    private static readonly HashSet<string> AllowedDoubleNames =
        ["ProtonDensity", "FatFraction", "LiverFatFraction", "Snr", "CoilShading", "TargetFraction", "RescaleSlope", "StoredPerSignalUnit", "NoiseSigma",
         "LowFieldT1Exponent"];

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
    public void EachPublicType_LivesInAFileOfItsName()
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "lib", "IronNotebooks", "Simulation");
        foreach (var type in PublicTypes.Where(t => !t.IsNested))
            Assert.True(File.Exists(Path.Combine(folder, type.Name + ".cs")), $"{type.Name} is not in {folder}/{type.Name}.cs");
    }
}
