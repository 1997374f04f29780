using System.Text.Json;
using IronNotebooks.Notebooks.Documents;

namespace IronNotebooks.Notebooks.Running;

/// <summary>
/// A check of a published figure that a notebook displayed as <see cref="MimeType"/> JSON (schema "ironnb-check/1",
/// written by IronNotebooks.Reproduction.PublishedCheck). The runner recomputes the verdict from the numbers rather than
/// trusting the one in the JSON.
/// </summary>
/// <param name="Notebook">File name of the notebook.</param>
/// <param name="Cell">One-based cell position.</param>
/// <param name="Quantity">What is compared.</param>
/// <param name="Unit">Unit of the values ("" when dimensionless).</param>
/// <param name="Published">Published value.</param>
/// <param name="Reproduced">Reproduced value (NaN when the notebook could not compute it).</param>
/// <param name="Tolerance">Largest acceptable |reproduced − published|.</param>
/// <param name="Source">Citation of the published value.</param>
/// <param name="Verdict">"match" or "differs".</param>
public sealed record CheckRecord(string Notebook, int Cell, string Quantity, string Unit, double Published, double Reproduced, double Tolerance,
    string Source, string Verdict)
{
    /// <summary>The MIME type of a check output.</summary>
    public const string MimeType = "application/vnd.ironnb.check+json";

    /// <summary>True when the verdict is "match".</summary>
    public bool Matches => Verdict == "match";

    /// <summary>Reads the checks among a cell's outputs.</summary>
    /// <exception cref="NotebookException">A check output is not valid ironnb-check/1 JSON; the message names the cell.</exception>
    public static IEnumerable<CheckRecord> FromOutputs(string notebook, int cell, IEnumerable<CellOutput> outputs)
    {
        foreach (var d in outputs.OfType<DisplayOutput>())
        {
            if (!d.Data.TryGetValue(MimeType, out var json)) continue;
            yield return Parse(notebook, cell, json);
        }
    }

    private static CheckRecord Parse(string notebook, int cell, string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var r = doc.RootElement;
            double Number(string name) => r.GetProperty(name) is { ValueKind: JsonValueKind.String } s
                ? double.Parse(s.GetString()!, System.Globalization.CultureInfo.InvariantCulture) // "NaN", "Infinity"
                : r.GetProperty(name).GetDouble();
            double published = Number("published"), reproduced = Number("reproduced"), tolerance = Number("tolerance");
            // The rule of PublishedCheck.Verdict: binary rounding of printed decimals (1e-12 relative) is not a difference.
            bool match = double.IsFinite(reproduced) && Math.Abs(reproduced - published) <= tolerance + 1e-12 * Math.Max(Math.Abs(published), Math.Abs(reproduced));
            return new CheckRecord(notebook, cell, r.GetProperty("quantity").GetString() ?? "", r.TryGetProperty("unit", out var u) ? u.GetString() ?? "" : "",
                published, reproduced, tolerance, r.TryGetProperty("source", out var s) ? s.GetString() ?? "" : "", match ? "match" : "differs");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new NotebookException($"{notebook}, cell {cell}: a {MimeType} output is not a valid check ({e.Message}); expected quantity, published, reproduced, tolerance.", inner: e);
        }
    }
}
