using System.Collections;
using System.Text;
using IronNotebooks.Display;
using IronNotebooks.Exams;

namespace IronNotebooks.Cohorts;

/// <summary>
/// The long table of a cohort (one <see cref="ExamMeasurementRow"/> per exam × method) with each exam's manifest
/// covariates: a list to filter, group and pivot with LINQ (<c>table.Where(r =&gt; r.Method == "r2star")</c>), that
/// displays as an HTML table in a notebook. <see cref="Load"/> reads a run folder.
/// </summary>
[TypeFormatterSource(typeof(ResultFormatterSource))]
public sealed class CohortTable : IReadOnlyList<ExamMeasurementRow>
{
    private readonly IReadOnlyList<ExamMeasurementRow> _rows;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _covariates;

    /// <summary>Creates a table.</summary>
    /// <param name="rows">Rows, in exam order.</param>
    /// <param name="covariates">Covariates by exam id.</param>
    /// <param name="covariateColumns">Covariate column names, in manifest order.</param>
    public CohortTable(IReadOnlyList<ExamMeasurementRow> rows, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> covariates,
        IReadOnlyList<string> covariateColumns)
    {
        _rows = Guard.NotNull(rows);
        _covariates = Guard.NotNull(covariates);
        CovariateColumns = Guard.NotNull(covariateColumns);
    }

    /// <summary>Covariate columns of the manifest, in order.</summary>
    public IReadOnlyList<string> CovariateColumns { get; }

    /// <summary>Exam ids, in manifest order.</summary>
    public IReadOnlyList<string> Exams => [.. _rows.Select(r => r.Exam).Distinct()];

    /// <summary>Distinct method keys ("method/model/calibration"), ordinal order.</summary>
    public IReadOnlyList<string> Keys => [.. _rows.Where(r => r.Method != "exam").Select(r => r.Key).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>A covariate of an exam as text ("" when empty), or null when the exam or column is unknown.</summary>
    public string? Covariate(string exam, string column) =>
        _covariates.TryGetValue(exam, out var c) && c.TryGetValue(column, out var v) ? v : null;

    /// <inheritdoc/>
    public int Count => _rows.Count;

    /// <inheritdoc/>
    public ExamMeasurementRow this[int index] => _rows[index];

    /// <inheritdoc/>
    public IEnumerator<ExamMeasurementRow> GetEnumerator() => _rows.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Reads a run folder (its journal and manifest copy), rows in manifest order.</summary>
    /// <exception cref="ExamException">Not a run folder.</exception>
    public static CohortTable Load(string runDir)
    {
        string dir = Path.GetFullPath(Guard.NotNull(runDir));
        string manifest = Path.Combine(dir, CohortRun.ManifestCopy);
        if (!File.Exists(manifest)) throw new ExamException($"not a cohort run folder (no {CohortRun.ManifestCopy}).", dir);
        var rows = CohortRun.ManifestRowsOf(manifest, dir);
        var entries = CohortJournal.Read(dir).GroupBy(e => e.Exam).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var present = rows.Where(r => entries.ContainsKey(r.Exam)).ToList();
        return new CohortTable([.. present.SelectMany(r => entries[r.Exam].Rows)], present.ToDictionary(r => r.Exam, r => r.Covariates, StringComparer.Ordinal),
            rows.FirstOrDefault()?.Covariates.Keys.ToList() ?? []);
    }

    /// <summary>
    /// The wide table: one row per exam — exam, the covariates, then per method key two columns, `KEY:licUmolPerGram`
    /// and `KEY:status` (keys in ordinal order; empty where the exam has no such row); fat–water keys add `KEY:fatFractionPercent`.
    /// </summary>
    public string ToWideCsv()
    {
        var keys = Keys;
        var sb = new StringBuilder();
        static bool Fat(string k) => k.StartsWith("fatwater/", StringComparison.Ordinal);
        sb.AppendJoin(",", new[] { "exam" }.Concat(CovariateColumns).Concat(keys.SelectMany(k => Fat(k)
            ? new[] { $"{k}:licUmolPerGram", $"{k}:status", $"{k}:fatFractionPercent" } : [$"{k}:licUmolPerGram", $"{k}:status"])).Select(ExamMeasurementCsv.Quote)).Append('\n');
        foreach (var g in _rows.GroupBy(r => r.Exam))
        {
            var byKey = g.Where(r => r.Method != "exam").GroupBy(r => r.Key).ToDictionary(x => x.Key, x => x.First());
            bool examFailed = g.Any(r => r.Method == "exam");
            var cells = new List<string> { g.Key };
            cells.AddRange(CovariateColumns.Select(c => Covariate(g.Key, c) ?? ""));
            foreach (var k in keys)
            {
                if (byKey.TryGetValue(k, out var r)) cells.AddRange([ExamMeasurementCsv.Number(r.LicUmolPerGram), ExamMeasurementCsv.StatusName(r.Status)]);
                else cells.AddRange(["", examFailed ? ExamMeasurementCsv.StatusName(MeasurementStatus.Failed) : ""]);
                if (Fat(k)) cells.Add(r is null ? "" : ExamMeasurementCsv.Number(r.FatFractionPercent));
            }
            sb.AppendJoin(",", cells.Select(ExamMeasurementCsv.Quote)).Append('\n');
        }
        return sb.ToString();
    }
}
