using IronNotebooks.Cohorts;
using Xunit;

namespace IronNotebooks.Tests.Cohorts;

/// <summary>The CSV reader the stats verbs use (lib/IronNotebooks/Cohorts/CsvTable.cs).</summary>
public class CsvTableTests
{
    [Fact]
    public void Parse_QuotedFieldsWithCommasQuotesAndLineBreaks_AreReadWhole()
    {
        var t = CsvTable.Parse("id,note,value\r\n1,\"a, b\",2.5\r\n2,\"say \"\"hi\"\"\",3\r\n3,\"two\nlines\",4\r\n");
        Assert.Equal(3, t.RowCount);
        Assert.Equal(["a, b", "say \"hi\"", "two\nlines"], t.GetStrings("note"));
        Assert.Equal([2.5, 3, 4], t.GetNumbers("value"));
        Assert.Equal(4, t.LineOf(2)); // the record starts on line 4 and spans two lines
    }

    [Fact]
    public void Parse_ByteOrderMarkAndBlankLines_AreIgnoredAndLineNumbersKept()
    {
        var t = CsvTable.Parse("\uFEFFa,b\n\n1,2\n   \n3,4\n");
        Assert.Equal(["a", "b"], t.Headers);
        Assert.Equal(2, t.RowCount);
        Assert.Equal(3, t.LineOf(0));
        Assert.Equal(5, t.LineOf(1));
    }

    [Fact]
    public void Parse_RowWithTooManyFields_NamesTheLineAndSuggestsTheDecimalComma()
    {
        var e = Assert.Throws<CsvFormatException>(() => CsvTable.Parse("a,b\n1,2\n3,4,5\n", "f.csv"));
        Assert.Equal(3, e.Line);
        Assert.Contains("f.csv, line 3", e.Message);
        Assert.Contains("decimal commas", e.Message);
    }

    [Theory]
    [InlineData("a,a\n1,2\n", "appears twice")]
    [InlineData("a,\n1,2\n", "empty")]
    [InlineData("a,b\n1,\"2\n", "never closed")]
    [InlineData("a,b\n1,x\"y\"\n", "quote inside an unquoted field")]
    [InlineData("", "empty")]
    public void Parse_MalformedText_ThrowsWithAReason(string text, string reason)
    {
        var e = Assert.Throws<CsvFormatException>(() => CsvTable.Parse(text));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void GetNumbers_OnText_NamesLineColumnAndValue()
    {
        var e = Assert.Throws<CsvFormatException>(() => CsvTable.Parse("r2star,truth\n120,1\nabc,0\n", "c.csv").GetNumbers("r2star"));
        Assert.Equal(3, e.Line);
        Assert.Equal("r2star", e.Column);
        Assert.Contains("'abc'", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NA")]
    [InlineData("nan")]
    [InlineData("N/A")]
    public void GetNumbers_OnMissingCells_RefusesAndPointsToDropMissing(string cell)
    {
        var t = CsvTable.Parse($"x,y\n1,2\n{cell},3\n");
        var e = Assert.Throws<CsvFormatException>(() => t.GetNumbers("x"));
        Assert.Contains("missing value", e.Message);
        Assert.Equal([1], t.RowsWithMissing("x", "y"));
        var kept = t.WithoutRows(t.RowsWithMissing("x"));
        Assert.Equal([1.0], kept.GetNumbers("x"));
        Assert.Equal(2, kept.LineOf(0));
    }

    [Fact]
    public void GetNumbers_UsesTheInvariantCultureAndRejectsInfinity()
    {
        var t = CsvTable.Parse("x\n1e3\n-0.25\n");
        Assert.Equal([1000, -0.25], t.GetNumbers("x"));
        Assert.Throws<CsvFormatException>(() => CsvTable.Parse("x\nInfinity\n").GetNumbers("x"));
    }

    [Fact]
    public void UnknownColumn_ListsTheColumnsAndSpotsASemicolonFile()
    {
        var e = Assert.Throws<CsvFormatException>(() => CsvTable.Parse("a;b\n1;2\n").GetNumbers("a"));
        Assert.Contains("'a;b'", e.Message);
        Assert.Contains("comma-separated", e.Message);
    }

    [Fact]
    public void Read_MissingFile_ThrowsFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => CsvTable.Read("/nonexistent/file.csv"));
}
