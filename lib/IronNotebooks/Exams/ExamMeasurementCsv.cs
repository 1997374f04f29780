using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IronNotebooks.Exams;

/// <summary>
/// The long table's CSV form: one header (the camelCase names of <see cref="ExamMeasurementRow"/>), RFC 4180 quoting,
/// invariant numbers in round-trip form, lists joined with " | " (warnings) or ";" (series, echo times, "T mg/g=P" threshold probabilities), empty cells for
/// null. <see cref="ExamMeasurementRow.DurationMs"/> is left out: timing is not a result, and a rerun must give the same
/// bytes (it is in the JSON and JSON Lines outputs).
/// </summary>
public static class ExamMeasurementCsv
{
    /// <summary>The header columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["exam", "method", "model", "calibration", "fieldStrengthT", "status", "licUmolPerGram", "licMgPerGram", "ratePerSecond", "fatFractionPercent",
         "licCiLowUmolPerGram", "licCiHighUmolPerGram", "probabilityAbove", "licLowerBoundUmolPerGram", "methodSwitch", "warnings", "error", "series", "files", "echoTimesMs"];

    /// <summary>The status as written in JSON and CSV (camelCase of the enum member).</summary>
    public static string StatusName(MeasurementStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    /// <summary>The header line.</summary>
    public static string Header => string.Join(",", Columns);

    /// <summary>One row as a CSV line (no line end).</summary>
    public static string Line(ExamMeasurementRow r)
    {
        Guard.NotNull(r);
        return string.Join(",", new[]
        {
            r.Exam, r.Method, r.Model, r.Calibration, Number(r.FieldStrengthT), StatusName(r.Status), Number(r.LicUmolPerGram), Number(r.LicMgPerGram),
            Number(r.RatePerSecond), Number(r.FatFractionPercent), Number(r.LicCiLowUmolPerGram), Number(r.LicCiHighUmolPerGram),
            string.Join(";", r.ProbabilityAbove.Select(p => $"{Number(p.ThresholdMgPerGram)} mg/g={Number(p.Probability)}")), Number(r.LicLowerBoundUmolPerGram), r.MethodSwitch ?? "", string.Join(" | ", r.Warnings), r.Error ?? "",
            string.Join(";", r.Series.Select(s => s.ToString(CultureInfo.InvariantCulture))), r.Files.ToString(CultureInfo.InvariantCulture),
            string.Join(";", r.EchoTimesMs.Select(t => Number(t))),
        }.Select(Quote));
    }

    /// <summary>Writes rows as CSV text (header + lines, LF).</summary>
    public static string ToCsv(IEnumerable<ExamMeasurementRow> rows)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var r in rows) sb.Append(Line(r)).Append('\n');
        return sb.ToString();
    }

    /// <summary>A number in round-trip invariant form, or "" for null / non-finite.</summary>
    public static string Number(double? v) => v is double d && double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "";

    /// <summary>RFC 4180 quoting of one cell.</summary>
    public static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
