using System.Reflection;
using System.Reflection.Emit;
using IronNotebooks.Reproduction;
using Xunit;

namespace IronNotebooks.Tests.Reproduction;

public class LibraryBuildTests
{
    [Fact]
    public void Current_PlainBuild_NamesTheVersionCommitAndLoadedFile()
    {
        var build = LibraryBuild.Current;

        Assert.StartsWith("0.1.0", build.Version);
        Assert.Equal(typeof(LibraryBuild).Assembly.Location, build.AssemblyPath);
        Assert.True(build.BuiltUtc > new DateTime(2020, 1, 1), build.Summary);
        Assert.Contains(build.Version, build.Summary);
        Assert.Contains(build.AssemblyPath, build.Summary);
    }

    [Fact]
    public void Of_StampedPackage_ReadsBuildTimeCommitUncommittedChangesAndSource()
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Stamped"), AssemblyBuilderAccess.Run);
        void Attribute(Type type, params object[] args) =>
            assembly.SetCustomAttribute(new CustomAttributeBuilder(type.GetConstructor(args.Select(a => a.GetType()).ToArray())!, args));
        Attribute(typeof(AssemblyInformationalVersionAttribute), "0.1.0-local.20261203051859+d9fdfa6fdc7a62d6bf964ebfb47b9cb063aac977");
        Attribute(typeof(AssemblyMetadataAttribute), "IronNotebooks.BuiltUtc", "2026-12-03T05:18:59Z");
        Attribute(typeof(AssemblyMetadataAttribute), "IronNotebooks.UncommittedChanges", "true");
        Attribute(typeof(AssemblyMetadataAttribute), "IronNotebooks.SourceFolder", "/home/reader/ironnotebooks");

        var build = LibraryBuild.Of(assembly);

        Assert.Equal("0.1.0-local.20261203051859", build.Version);
        Assert.Equal("d9fdfa6fdc7a62d6bf964ebfb47b9cb063aac977", build.Commit);
        Assert.Equal(new DateTime(2026, 12, 3, 5, 18, 59, DateTimeKind.Utc), build.BuiltUtc);
        Assert.True(build.UncommittedChanges);
        Assert.Equal("IronNotebooks 0.1.0-local.20261203051859 (commit d9fdfa6fdc7a + uncommitted changes), built 2026-12-03 05:18:59 UTC from /home/reader/ironnotebooks; loaded ",
            build.Summary);
    }
}
