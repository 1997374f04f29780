using IronNotebooks.Exams;

namespace IronNotebooks.Display.Views;

/// <summary>Rows of exam measurements as one table (shared by exam results and cohort tables).</summary>
internal static class ExamRowTable
{
    public static readonly IReadOnlyList<string> Headers =
        ["exam", "method", "model", "calibration", "field (T)", "status", "LIC (µmol/g)", "LIC (mg/g)", "rate (s⁻¹)", "lower bound (µmol/g)", "method switch", "error"];

    public static IReadOnlyList<string> Row(ExamMeasurementRow r) =>
        [r.Exam, r.Method, r.Model, r.Calibration, r.FieldStrengthT is double f ? Numbers.F(f, 2) : "–", System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.Status.ToString()),
         r.LicUmolPerGram is double u ? Numbers.F(u, 2) : "–", r.LicMgPerGram is double m ? Numbers.F(m, 2) : "–", r.RatePerSecond is double s ? Numbers.F(s, 1) : "–",
         r.LicLowerBoundUmolPerGram is double lb ? Numbers.F(lb, 0) : "–", r.MethodSwitch ?? "", r.Error ?? ""];
}

internal sealed class ExamMeasurementResultView : ResultView<ExamMeasurementResult>
{
    public override DisplayDocument Describe(ExamMeasurementResult r) => new($"Exam {r.Exam}: {r.Rows.Count} method row(s)",
        [new DisplayTable(null, ExamRowTable.Headers, [.. r.Rows.Select(ExamRowTable.Row)])],
        [$"acquisitions: {string.Join("; ", r.Acquisitions)}", .. r.Warnings, .. r.Rows.SelectMany(x => x.Warnings).Distinct().Take(20)]);
}

internal sealed class ExamMeasurementRowView : ResultView<ExamMeasurementRow>
{
    public override DisplayDocument Describe(ExamMeasurementRow r) => new($"{r.Exam}: {r.Key}",
        [new DisplayTable(null, ExamRowTable.Headers, [ExamRowTable.Row(r)])], r.Warnings);
}

internal sealed class CohortTableView : ResultView<Cohorts.CohortTable>
{
    public override DisplayDocument Describe(Cohorts.CohortTable t) => new(
        $"Cohort: {t.Exams.Count} exam(s), {t.Count} row(s)",
        [new DisplayTable(null, ExamRowTable.Headers, [.. t.Take(500).Select(ExamRowTable.Row)])],
        [.. t.Count > 500 ? [$"… {t.Count - 500} more rows (filter with LINQ to see them)."] : Array.Empty<string>(),
         $"{t.Count(r => r.Status == MeasurementStatus.Failed)} failed row(s); statuses as in results.csv."]);
}

internal sealed class CohortValidationResultView : ResultView<Cohorts.CohortValidationResult>
{
    public override DisplayDocument Describe(Cohorts.CohortValidationResult v) => new(
        $"Validation against {v.Reference}: {v.Exams} exam(s), {v.Methods.Count} method(s)",
        [new DisplayTable(null,
            ["method", "n", "censored", "failed", "mean error (µmol/g)", "median |error| (%)", "BA ratio (95 % LoA)", "Deming slope", "κ linear",
             .. v.ThresholdsUmolPerGram.SelectMany(t => new[] { $"AUC > {Numbers.F(t, 0)} (DeLong 95 %)", $"Youden cut-off > {Numbers.F(t, 0)}", $"sens / spec > {Numbers.F(t, 0)}" })],
            [.. v.Methods.Select(m => (IReadOnlyList<string>)[m.Key, Numbers.Int(m.N), Numbers.Int(m.Censored), Numbers.Int(m.Failed), Numbers.F(m.MeanErrorUmolPerGram, 1),
                Numbers.F(m.MedianAbsoluteErrorPercent, 1), $"{Numbers.F(m.BlandAltmanRatio, 3)} ({Numbers.F(m.BlandAltmanRatioLow, 3)} to {Numbers.F(m.BlandAltmanRatioHigh, 3)})",
                Numbers.F(m.DemingSlope, 3), Numbers.F(m.WeightedKappa, 3),
                .. m.Thresholds.SelectMany(t => new[] { $"{Numbers.F(t.Auc, 3)} ({Numbers.F(t.AucCiLow, 3)} to {Numbers.F(t.AucCiHigh, 3)})", Numbers.F(t.YoudenCutoffUmolPerGram, 1),
                    t.Sensitivity is null ? "–" : $"{Numbers.Percent(t.Sensitivity.Value)} / {Numbers.Percent(t.Specificity ?? double.NaN)}" })])])],
        [.. v.Notes, .. v.Methods.SelectMany(m => m.Notes.Select(n => $"{m.Key}: {n}"))]);
}
