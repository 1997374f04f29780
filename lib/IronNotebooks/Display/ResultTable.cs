using System.Globalization;

namespace IronNotebooks.Display;

/// <summary>
/// A small table a notebook builds from its own values (example cases, a summary of several results) and displays as
/// an HTML table and aligned text, instead of padding columns by hand with <c>Console.WriteLine</c>. Library results
/// display themselves; use this for what has no result type of its own. Build it with <see cref="From{T}"/>.
/// </summary>
[TypeFormatterSource(typeof(ResultFormatterSource))]
public sealed record ResultTable
{
    /// <summary>Title shown above the table; say what the rows are and whether they are published, simulated or typed in.</summary>
    public required string Title { get; init; }

    /// <summary>Column headers with units.</summary>
    public required IReadOnlyList<string> Headers { get; init; }

    /// <summary>Cells as text, already formatted; the first cell of a row names it.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> Rows { get; init; }

    /// <summary>Notes under the table (source, status, warnings).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>A table with one row per item and one column per <paramref name="columns"/> entry.</summary>
    /// <exception cref="ArgumentException">No columns.</exception>
    public static ResultTable From<T>(string title, IEnumerable<T> items, params TableColumn<T>[] columns)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (columns is null || columns.Length == 0) throw new ArgumentException("A table needs at least one column.", nameof(columns));
        return new ResultTable
        {
            Title = title,
            Headers = [.. columns.Select(c => c.Header)],
            Rows = [.. items.Select(item => (IReadOnlyList<string>)[.. columns.Select(c => FormatCell(c.Value(item), c.Digits))])],
        };
    }

    /// <summary>The same table with <paramref name="notes"/> added under it.</summary>
    public ResultTable WithNotes(params string[] notes) => this with { Notes = [.. Notes, .. notes] };

    /// <summary>How a cell value is written: numbers culture-invariant (fixed decimals or 4 significant digits), null/NaN as "–".</summary>
    public static string FormatCell(object? value, int? digits = null) => value switch
    {
        null => Numbers.Missing,
        double d when double.IsNaN(d) => Numbers.Missing,
        double d => digits is { } n ? Numbers.F(d, n) : Numbers.G(d),
        float f => FormatCell((double)f, digits),
        decimal m => FormatCell((double)m, digits),
        int or long or short or byte => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
