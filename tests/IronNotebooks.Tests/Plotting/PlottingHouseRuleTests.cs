using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Plotting.Plotly;
using Xunit;

namespace IronNotebooks.Tests.Plotting;

/// <summary>style.md §1 and §15 for Plotting and Display.</summary>
public class PlottingHouseRuleTests
{
    [Theory]
    [InlineData("IronNotebooks.Plotting", "Plotting")]
    [InlineData("IronNotebooks.Plotting.Plotly", "Plotting/Plotly")]
    [InlineData("IronNotebooks.Display", "Display")]
    public void EachPublicType_LivesInAFileOfItsName(string ns, string folder)
    {
        var types = typeof(PlotlyFigure).Assembly.GetExportedTypes().Where(t => t.Namespace == ns && !t.IsNested).ToList();
        Assert.NotEmpty(types);
        foreach (var type in types)
            Assert.True(File.Exists(Path.Combine(TestPaths.RepositoryRoot, "lib", "IronNotebooks", folder, type.Name + ".cs")), $"{type.Name} is not in {folder}/{type.Name}.cs");
    }

    [Fact]
    public void FigureRecords_HaveNoPublicSettersOtherThanInit()
    {
        foreach (var type in typeof(PlotlyFigure).Assembly.GetExportedTypes().Where(t => t.Namespace == "IronNotebooks.Plotting.Plotly"))
        foreach (var p in type.GetProperties())
        {
            var setter = p.SetMethod;
            if (setter is null || !setter.IsPublic) continue;
            Assert.Contains(setter.ReturnParameter.GetRequiredCustomModifiers(), m => m.Name == "IsExternalInit");
        }
    }
}
