using Xunit;

namespace IronNotebooks.Dicom.Tests;

public class DicomTagTests
{
    [Theory]
    [InlineData("(0018,0081)")]
    [InlineData("0018,0081")]
    [InlineData("00180081")]
    public void Parse_AcceptedForms_GiveTheSameTag(string text) =>
        Assert.Equal(DicomTags.EchoTime, DicomTag.Parse(text));

    [Fact]
    public void Parse_Garbage_ThrowsFormatExceptionSayingTheExpectedForm() =>
        Assert.Contains("(gggg,eeee)", Assert.Throws<FormatException>(() => DicomTag.Parse("echo")).Message);

    [Fact]
    public void Tags_OrderByGroupThenElementUnsigned()
    {
        Assert.True(new DicomTag(0x0008, 0xFFFF) < new DicomTag(0x0009, 0x0000));
        Assert.True(new DicomTag(0x7FE0, 0x0010) < new DicomTag(0xFFFE, 0xE000));
    }

    [Fact]
    public void PrivateTags_AreOddGroupsAboveSeven()
    {
        Assert.True(new DicomTag(0x2005, 0x100E).IsPrivate);
        Assert.True(new DicomTag(0x2005, 0x0010).IsPrivateCreator);
        Assert.False(new DicomTag(0x0007, 0x0010).IsPrivate);
        Assert.False(DicomTags.EchoTime.IsPrivate);
    }

    [Fact]
    public void FormatDS_KeepsSixteenCharactersAndPrecision()
    {
        Assert.Equal("0.1", DicomNumberFormat.FormatDS(0.1));
        var s = DicomNumberFormat.FormatDS(-109.45833779498123);
        Assert.True(s.Length <= 16, s);
        Assert.Equal(-109.45833779498123, double.Parse(s, System.Globalization.CultureInfo.InvariantCulture), 10);
        Assert.Throws<ArgumentOutOfRangeException>(() => DicomNumberFormat.FormatDS(double.NaN));
    }
}
