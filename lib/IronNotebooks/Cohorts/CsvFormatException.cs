namespace IronNotebooks.Cohorts;

/// <summary>
/// A CSV file cannot be read as asked: malformed quoting, a row with the wrong number of fields, an unknown column, a
/// cell that is not a number. The message names the file, the line (1-based, as an editor shows it), the data row and
/// the column, and says what was expected.
/// </summary>
public sealed class CsvFormatException : IronNotebooksException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">File path or other name of the text.</param>
    /// <param name="line">1-based line where the problem is, or null.</param>
    /// <param name="column">Column name, or null.</param>
    /// <param name="message">What is wrong and what to do.</param>
    public CsvFormatException(string source, int? line, string? column, string message)
        : base($"{source}{(line is { } l ? $", line {l}" : "")}{(column is null ? "" : $", column '{column}'")}: {message}", message,
            new ErrorContext { FilePath = source, Line = line, Column = column }, null)
    {
        SourceName = source;
        Line = line;
        Column = column;
    }

    /// <summary>File path or name of the text.</summary>
    public string SourceName { get; }

    /// <summary>1-based line, or null when the problem is not on one line.</summary>
    public int? Line { get; }

    /// <summary>Column name, or null.</summary>
    public string? Column { get; }
}
