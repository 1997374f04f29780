using IronNotebooks.Exams;
using IronNotebooks.Statistics;

namespace IronNotebooks.Cohorts;

/// <summary>
/// PDFF of one fat–water method key against a reference column (the simulated truth <see cref="TruthColumn"/> of a
/// synthetic cohort, or an MRS/biopsy fat fraction in percent): errors in percentage points and a Bland–Altman on the
/// difference scale (PDFF differences are additive, unlike LIC ratios).
/// </summary>
public sealed record CohortFatFractionValidation
{
    /// <summary>The manifest column `ironnb synth` writes with the simulated liver PDFF, percent.</summary>
    public const string TruthColumn = "truthFatFractionPercent";

    /// <summary>Method key (fatwater/SPECTRUM/CALIBRATION).</summary>
    public required string Key { get; init; }

    /// <summary>Reference column, percent.</summary>
    public required string Reference { get; init; }

    /// <summary>Exams with both a PDFF and a reference.</summary>
    public required int N { get; init; }

    /// <summary>Rows without a PDFF (failed fits).</summary>
    public required int Failed { get; init; }

    /// <summary>Mean of measured − reference, percentage points.</summary>
    public double? MeanErrorPercentPoints { get; init; }

    /// <summary>Root-mean-square of measured − reference, percentage points.</summary>
    public double? RmsErrorPercentPoints { get; init; }

    /// <summary>Largest |measured − reference|, percentage points.</summary>
    public double? MaxAbsoluteErrorPercentPoints { get; init; }

    /// <summary>Bland–Altman on the difference scale (reference as a, measured as b); null below 3 pairs.</summary>
    public BlandAltmanResult? BlandAltman { get; init; }

    /// <summary>The fat–water keys of <paramref name="table"/> against <paramref name="referenceColumn"/>, or empty when the
    /// manifest has no such column.</summary>
    /// <exception cref="ExamException">A reference cell that is not a number.</exception>
    public static IReadOnlyList<CohortFatFractionValidation> Validate(CohortTable table, string referenceColumn = TruthColumn)
    {
        Guard.NotNull(table);
        if (!table.CovariateColumns.Contains(referenceColumn)) return [];
        var reference = CohortValidation.ReferenceValues(table, referenceColumn);
        var result = new List<CohortFatFractionValidation>();
        foreach (var key in table.Keys.Where(k => k.StartsWith("fatwater/", StringComparison.Ordinal)))
        {
            var rows = table.Where(r => r.Key == key && reference.ContainsKey(r.Exam)).ToList();
            var pairs = rows.Where(r => r.FatFractionPercent is double f && double.IsFinite(f)).Select(r => (Truth: reference[r.Exam], Measured: r.FatFractionPercent!.Value)).ToList();
            var errors = pairs.Select(p => p.Measured - p.Truth).ToList();
            result.Add(new CohortFatFractionValidation
            {
                Key = key, Reference = referenceColumn, N = pairs.Count, Failed = rows.Count - pairs.Count,
                MeanErrorPercentPoints = errors.Count > 0 ? errors.Average() : null,
                RmsErrorPercentPoints = errors.Count > 0 ? Math.Sqrt(errors.Average(e => e * e)) : null,
                MaxAbsoluteErrorPercentPoints = errors.Count > 0 ? errors.Max(Math.Abs) : null,
                BlandAltman = pairs.Count >= 3 ? Statistics.BlandAltman.Compute([.. pairs.Select(p => p.Truth)], [.. pairs.Select(p => p.Measured)]) : null,
            });
        }
        return result;
    }
}
