using IronNotebooks.Display;
using IronNotebooks.Reproduction;
using Xunit;

namespace IronNotebooks.Tests.Teaching;

public class PublishedDataTests
{
    [Fact]
    public void Row_TwoSequenceFormula_CarriesThePrintedCoefficientsWithStatusAndCitation()
    {
        var row = PublishedData.Row("sir_formulas.csv", "method", "two-sequence");
        Assert.Equal(5.808, row.Number("intercept"));
        Assert.Equal(-0.877, row.Number("coef_t2"));
        Assert.Equal("published", row.Status);
        Assert.Contains("Alústiza", row.Citation);
        Assert.True(row.Line >= 2);
    }

    [Fact]
    public void Rows_UnknownTable_NamesTheTablesThereAre()
    {
        var e = Assert.Throws<FileNotFoundException>(() => PublishedData.Rows("nope.csv"));
        Assert.Contains("correlations.csv", e.Message);
    }

    [Fact]
    public void Number_NonNumericCell_NamesFileLineAndColumn()
    {
        var row = PublishedData.Row("sir_formulas.csv", "method", "two-sequence");
        var e = Assert.Throws<FormatException>(() => row.Number("method"));
        Assert.Contains($"sir_formulas.csv line {row.Line}, column 'method'", e.Message);
    }

    [Fact]
    public void Show_SelectedRows_IsATableWithStatusAndCitationColumns()
    {
        var table = PublishedData.Show(PublishedData.Rows("correlations.csv", "n", "112"), "method", "value");
        Assert.Equal(["method", "value", "status", "citation"], table.Headers);
        Assert.Equal(2, table.Rows.Count);
        Assert.Contains("<table", ResultDisplay.ToHtml(table));
    }

    [Fact]
    public void ResultTable_FormatsNumbersInvariantlyAndMissingAsDash()
    {
        var t = ResultTable.From("t", [1234.5678, double.NaN], new TableColumn<double>("x", v => v, 1), new TableColumn<double>("g", v => v));
        Assert.Equal(["1234.6", "1235"], t.Rows[0]);
        Assert.Equal(["–", "–"], t.Rows[1]);
    }
}
