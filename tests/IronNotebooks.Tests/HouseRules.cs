using System.Reflection;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Tests;

/// <summary>
/// The checks of docs/contributing.md house rule 15 that every library folder's house-rule tests share; each folder keeps its own allow-list
/// of unit-free names (with the reason), so a new folder adds one small test class, not another copy of these loops.
/// </summary>
internal static class HouseRules
{
    private static readonly Assembly Library = typeof(IronNotebooks.Roi.RoiSet).Assembly;

    /// <summary>Unit suffixes every folder accepts.</summary>
    public static readonly string[] CommonUnitSuffixes = ["PerSecond", "Ms", "MgPerGram", "UmolPerGram", "T"];

    /// <summary>The library's exported types in exactly these namespaces.</summary>
    public static Type[] PublicTypesOf(params string[] namespaces) =>
        [.. Library.GetExportedTypes().Where(t => namespaces.Contains(t.Namespace))];

    /// <summary>Results are immutable: a public setter must be init-only (exceptions keep the BCL's HelpLink/Source).</summary>
    public static void NoPublicSettersOtherThanInit(IEnumerable<Type> types)
    {
        foreach (var type in types.Where(t => !typeof(Exception).IsAssignableFrom(t)))
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = p.SetMethod;
            if (setter is null || !setter.IsPublic) continue;
            Assert.True(setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"), $"{type.Name}.{p.Name} has a public setter");
        }
    }

    /// <summary>A public double says its unit in its name, or is on the folder's allow-list of unit-free names.</summary>
    public static void DoublePropertiesCarryAUnit(IEnumerable<Type> types, IEnumerable<string> unitSuffixes, IReadOnlySet<string> allowedNames)
    {
        var suffixes = unitSuffixes.ToArray();
        foreach (var type in types)
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (p.PropertyType != typeof(double) && p.PropertyType != typeof(double?)) continue;
            Assert.True(allowedNames.Contains(p.Name) || suffixes.Any(s => p.Name.EndsWith(s, StringComparison.Ordinal)),
                $"{type.Name}.{p.Name}: add a unit suffix or put the name on the allow-list with a reason");
        }
    }

    /// <summary>Each top-level public type lives in lib/IronNotebooks/&lt;namespace folders&gt;/&lt;TypeName&gt;.cs.</summary>
    public static void EachTypeInAFileOfItsName(IEnumerable<Type> types)
    {
        var list = types.Where(t => !t.IsNested).ToList();
        Assert.NotEmpty(list);
        foreach (var type in list)
        {
            // A generic type lives in the file of its name without the arity (TableColumn`1 in TableColumn.cs).
            string relative = Path.Combine([.. type.Namespace!.Split('.').Skip(1), type.Name.Split('`')[0] + ".cs"]);
            Assert.True(File.Exists(Path.Combine(TestPaths.RepositoryRoot, "lib", "IronNotebooks", relative)), $"{type.Name} is not in lib/IronNotebooks/{relative}");
        }
    }

    /// <summary>No source file under lib/IronNotebooks/<paramref name="folder"/> mentions the DICOM assembly (the data path runs one way).</summary>
    public static void FolderDoesNotReferenceTheDicomAssembly(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, "lib", "IronNotebooks", folder), "*.cs", SearchOption.AllDirectories))
            Assert.DoesNotContain("IronNotebooks.Dicom", File.ReadAllText(file));
    }
}
