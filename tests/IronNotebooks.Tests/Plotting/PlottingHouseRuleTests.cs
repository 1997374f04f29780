using IronNotebooks.Plotting.Plotly;
using Xunit;

namespace IronNotebooks.Tests.Plotting;

/// <summary>docs/contributing.md house rule 15 for Plotting, Plotting.Plotly and Display.</summary>
public class PlottingHouseRuleTests
{
    [Theory]
    [InlineData("IronNotebooks.Plotting")]
    [InlineData("IronNotebooks.Plotting.Plotly")]
    [InlineData("IronNotebooks.Display")]
    public void EachPublicType_LivesInAFileOfItsName(string ns) => HouseRules.EachTypeInAFileOfItsName(HouseRules.PublicTypesOf(ns));

    [Fact]
    public void FigureRecords_HaveNoPublicSettersOtherThanInit() => HouseRules.NoPublicSettersOtherThanInit(HouseRules.PublicTypesOf("IronNotebooks.Plotting.Plotly"));
}
