using System.Text.Json;
using IronNotebooks.Notebooks.Kernel;
using IronNotebooks.Notebooks.Running;
using IronNotebooks.Reproduction;
using Xunit;

namespace IronNotebooks.Notebooks.Tests.Reproduction;

public class PublishedCheckTests
{
    [Theory]
    [InlineData(0.92, 0.925, 0.005, CheckVerdict.Match)]   // the boundary is inside, although 0.925 − 0.92 = 0.0050000000000000044 in binary
    [InlineData(0.92, 0.9251, 0.005, CheckVerdict.Differs)]
    [InlineData(60, 59, 2, CheckVerdict.Match)]
    [InlineData(60, double.NaN, 2, CheckVerdict.Differs)]
    [InlineData(60, double.PositiveInfinity, 1e300, CheckVerdict.Differs)]
    public void Verdict_IsMatchWhenTheAbsoluteDifferenceIsWithinTolerance(double published, double reproduced, double tolerance, CheckVerdict expected) =>
        Assert.Equal(expected, PublishedCheck.Compare("q", published, reproduced, tolerance, "src").Verdict);

    [Theory]
    [InlineData("", 1, 1, "src", "quantity")]
    [InlineData("q", 1, -0.1, "src", "tolerance")]
    [InlineData("q", double.NaN, 1, "src", "published")]
    [InlineData("q", 1, 1, " ", "source")]
    public void Compare_BadArguments_ThrowNamingTheArgument(string quantity, double published, double tolerance, string source, string parameter)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => PublishedCheck.Compare(quantity, published, 1, tolerance, source));

        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void Display_GivesHtmlPlainAndCheckJsonThroughTheConvention()
    {
        var data = DisplayFormatter.Format(PublishedCheck.Compare("AUC", 0.92, 0.93, 0.005, "Gandon 2004, Table 2"));

        Assert.Equal(["text/html", "text/plain", PublishedCheck.MimeType], data.Keys);
        Assert.Contains("data-verdict=\"differs\"", data["text/html"]);
        Assert.Equal("AUC: published 0.92, reproduced 0.93 (tolerance ±0.005) → DIFFERS [Gandon 2004, Table 2]", data["text/plain"]);
        using var json = JsonDocument.Parse(data[PublishedCheck.MimeType]);
        Assert.Equal("ironnb-check/1", json.RootElement.GetProperty("schema").GetString());
        Assert.Equal("differs", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(0.93, json.RootElement.GetProperty("reproduced").GetDouble());
    }

    [Fact]
    public void CheckRecord_BoundaryOfPrintedDecimals_MatchesAsPublishedCheckDoes()
    {
        var output = new IronNotebooks.Notebooks.Documents.DisplayOutput(new Dictionary<string, string>
        {
            [CheckRecord.MimeType] = PublishedCheck.Compare("q", 0.92, 0.925, 0.005, "s").ToJson(),
        });

        Assert.Equal("match", Assert.Single(CheckRecord.FromOutputs("nb", 1, [output])).Verdict);
    }

    [Fact]
    public void CheckRecord_RecomputesTheVerdictInsteadOfTrustingTheJson()
    {
        var output = new IronNotebooks.Notebooks.Documents.DisplayOutput(new Dictionary<string, string>
        {
            [CheckRecord.MimeType] = """{"quantity":"q","published":10,"reproduced":12,"tolerance":1,"verdict":"match"}""",
        });

        var record = Assert.Single(CheckRecord.FromOutputs("nb.ipynb", 4, [output]));

        Assert.Equal("differs", record.Verdict);
        Assert.Equal(("nb.ipynb", 4, "", ""), (record.Notebook, record.Cell, record.Unit, record.Source));
    }

    [Fact]
    public void CheckRecord_NaNReproduced_RoundTripsAndDiffers()
    {
        var json = PublishedCheck.Compare("q", 1, double.NaN, 1, "s").ToJson();
        var output = new IronNotebooks.Notebooks.Documents.DisplayOutput(new Dictionary<string, string> { [CheckRecord.MimeType] = json });

        var record = Assert.Single(CheckRecord.FromOutputs("nb", 1, [output]));

        Assert.True(double.IsNaN(record.Reproduced));
        Assert.False(record.Matches);
    }

    [Fact]
    public void CheckRecord_MalformedCheck_ThrowsNamingNotebookAndCell()
    {
        var output = new IronNotebooks.Notebooks.Documents.DisplayOutput(new Dictionary<string, string> { [CheckRecord.MimeType] = "{\"quantity\":\"q\"}" });

        var e = Assert.Throws<NotebookException>(() => CheckRecord.FromOutputs("nb.ipynb", 3, [output]).ToList());

        Assert.Contains("nb.ipynb, cell 3", e.Message);
    }
}
