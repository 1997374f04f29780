using Xunit;

namespace IronNotebooks.Tests.Teaching;

/// <summary>docs/contributing.md house rule 15 for the Teaching namespace.</summary>
public class TeachingHouseRuleTests
{
    private static readonly Type[] PublicTypes = HouseRules.PublicTypesOf("IronNotebooks.Teaching");

    [Fact]
    public void EachPublicType_LivesInAFileOfItsName() => HouseRules.EachTypeInAFileOfItsName(PublicTypes);

    [Fact]
    public void ResultTypes_HaveNoPublicSettersOtherThanInit() => HouseRules.NoPublicSettersOtherThanInit(PublicTypes);

    [Fact]
    public void Teaching_DoesNotReferenceTheDicomAssembly() => HouseRules.FolderDoesNotReferenceTheDicomAssembly("Teaching");
}
