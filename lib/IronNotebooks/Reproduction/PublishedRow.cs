using System.Globalization;

namespace IronNotebooks.Reproduction;

/// <summary>One row of a table in <c>datasets/published/</c>: its cells by column name, with the file and line it came from.</summary>
public sealed record PublishedRow
{
    /// <summary>The file name inside datasets/published (e.g. "correlations.csv").</summary>
    public required string File { get; init; }

    /// <summary>1-based line of the row in the file (header = line 1).</summary>
    public required int Line { get; init; }

    /// <summary>Cells by column header.</summary>
    public required IReadOnlyDictionary<string, string> Cells { get; init; }

    /// <summary>The cell of <paramref name="column"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such column; the message names the file and the columns it has.</exception>
    public string this[string column] => Cells.TryGetValue(column, out var v) ? v
        : throw new KeyNotFoundException($"datasets/published/{File} has no column '{column}'; columns: {string.Join(", ", Cells.Keys)}.");

    /// <summary>The cell of <paramref name="column"/> as a number (invariant culture).</summary>
    /// <exception cref="FormatException">The cell is not a number; the message names the file, line and column.</exception>
    public double Number(string column) =>
        double.TryParse(this[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v
        : throw new FormatException($"datasets/published/{File} line {Line}, column '{column}': '{this[column]}' is not a number.");

    /// <summary>The row's citation (column <c>citation</c>), or "" when the table has none.</summary>
    public string Citation => Cells.TryGetValue("citation", out var c) ? c : "";

    /// <summary>The row's status (column <c>status</c>: published, derived, secondary, not found), or "".</summary>
    public string Status => Cells.TryGetValue("status", out var s) ? s : "";
}
