using IronNotebooks.Cohorts;
using IronNotebooks.Exams;
using IronNotebooks.Statistics;
using Xunit;

namespace IronNotebooks.Tests.Cohorts;

public sealed class CohortValidationTests
{
    private static ExamMeasurementRow Row(string exam, MeasurementStatus status, double? lic) => new()
    {
        Exam = exam, Method = "sir", Model = "rennes-1.5T", Calibration = "reconstruction", Status = status, LicUmolPerGram = lic,
        Warnings = [], Series = [], Files = 0, EchoTimesMs = [],
    };

    private static CohortTable Table(params (string Exam, double Reference, MeasurementStatus Status, double? Lic)[] rows) =>
        new([.. rows.Select(r => Row(r.Exam, r.Status, r.Lic))],
            rows.ToDictionary(r => r.Exam, r => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["biopsy"] = r.Reference.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            ["biopsy"]);

    [Fact]
    public void Validate_AboveRangeOutcomes_RankHighestInRocAndAreExcludedFromNumbersWithACount()
    {
        var table = Table(("a", 20, MeasurementStatus.Estimated, 25), ("b", 50, MeasurementStatus.Estimated, 45), ("c", 90, MeasurementStatus.Estimated, 70),
            ("d", 200, MeasurementStatus.AboveRange, null), ("e", 300, MeasurementStatus.BeyondMeasurableRange, null), ("f", 30, MeasurementStatus.Estimated, 95),
            ("g", 120, MeasurementStatus.Failed, null));
        var m = Assert.Single(CohortValidation.Validate(table, "biopsy", [80]).Methods);

        Assert.Equal(6, m.N);
        Assert.Equal(2, m.Censored);
        Assert.Equal(1, m.Failed);
        // Same AUC as ranking the censored exams above every number (never a made-up value in the numeric statistics).
        var expected = Roc.Compute([25, 45, 70, double.MaxValue, double.MaxValue, 95], [false, false, true, true, true, false]).Auc;
        Assert.Equal(expected, m.Thresholds[0].Auc!.Value, 12);
        // Mean error over the four estimated exams only: (5 − 5 − 20 + 65) / 4.
        Assert.Equal(11.25, m.MeanErrorUmolPerGram!.Value, 12);
        // Reference > 80: c, d, e. Censored d and e count as positive; c (70) is missed: sensitivity 2/3.
        Assert.Equal(2.0 / 3, m.Thresholds[0].Sensitivity!.Value, 12);
    }

    [Fact]
    public void Validate_UnknownReferenceColumn_NamesTheColumns()
    {
        var table = Table(("a", 20, MeasurementStatus.Estimated, 25));
        var e = Assert.Throws<ExamException>(() => CohortValidation.Validate(table, "nope", [80]));
        Assert.Contains("biopsy", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CohortTable_DisplaysAsAnHtmlTable()
    {
        var table = Table(("a", 20, MeasurementStatus.Estimated, 25), ("b", 50, MeasurementStatus.AboveRange, null));
        string html = IronNotebooks.Display.ResultDisplay.ToHtml(table);
        Assert.Contains("<table", html, StringComparison.Ordinal);
        Assert.Contains("aboveRange", html, StringComparison.Ordinal);
        Assert.Equal(2, table.Count(r => r.Method == "sir"));   // LINQ over the rows
    }
}
