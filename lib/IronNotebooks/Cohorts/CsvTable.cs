using System.Globalization;
using System.Text;

namespace IronNotebooks.Cohorts;

/// <summary>
/// A comma-separated table read whole into memory (cohort tables are thousands of rows, not millions): RFC 4180
/// quoting (quoted fields may hold commas, doubled quotes and line breaks), a header row of distinct names, LF or CRLF
/// line ends, a UTF-8 byte-order mark ignored, blank lines skipped. Numbers are parsed with the invariant culture
/// (decimal point, no thousands separators). Empty cells and NA, N/A, NaN (any case) count as missing. Every error names
/// the file, line and column (<see cref="CsvFormatException"/>). Immutable.
/// </summary>
public sealed class CsvTable
{
    private readonly string[][] _rows;
    private readonly int[] _lines;
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string source, string[] headers, string[][] rows, int[] lines)
    {
        Source = source;
        Headers = Array.AsReadOnly(headers);
        _rows = rows;
        _lines = lines;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < headers.Length; i++) _columns[headers[i]] = i;
    }

    /// <summary>File path or name of the text.</summary>
    public string Source { get; }

    /// <summary>Column names, in file order.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Data rows (the header excluded).</summary>
    public int RowCount => _rows.Length;

    /// <summary>The 1-based file line where data row <paramref name="row"/> (0-based) starts.</summary>
    public int LineOf(int row) => _lines[row];

    /// <summary>True when a column of that exact name exists.</summary>
    public bool HasColumn(string name) => _columns.ContainsKey(name);

    /// <summary>True when a cell is empty or NA, N/A or NaN (any case).</summary>
    public static bool IsMissing(string cell)
    {
        var t = cell.Trim();
        return t.Length == 0 || t.Equals("NA", StringComparison.OrdinalIgnoreCase) || t.Equals("N/A", StringComparison.OrdinalIgnoreCase)
               || t.Equals("NaN", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The raw text of one cell.</summary>
    public string Cell(int row, string column) => _rows[row][ColumnIndex(column)];

    /// <summary>A column's cells as text (trimmed).</summary>
    /// <exception cref="CsvFormatException">No such column.</exception>
    public IReadOnlyList<string> GetStrings(string column)
    {
        int c = ColumnIndex(column);
        return _rows.Select(r => r[c].Trim()).ToList().AsReadOnly();
    }

    /// <summary>A column as finite numbers.</summary>
    /// <exception cref="CsvFormatException">No such column, a missing cell, text that is not a number, or ±∞; the message
    /// names the line and the value.</exception>
    public double[] GetNumbers(string column)
    {
        int c = ColumnIndex(column);
        var values = new double[_rows.Length];
        for (int i = 0; i < _rows.Length; i++)
        {
            var cell = _rows[i][c].Trim();
            if (IsMissing(cell))
                throw new CsvFormatException(Source, _lines[i], column, $"missing value{(cell.Length > 0 ? $" '{cell}'" : "")} in data row {i + 1}; fill it or drop the row (ironnb: --drop-missing).");
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                throw new CsvFormatException(Source, _lines[i], column, $"'{cell}' in data row {i + 1} is not a finite number (expected digits with a decimal point, e.g. 12.5).");
            values[i] = v;
        }
        return values;
    }

    /// <summary>0-based rows where any of <paramref name="columns"/> is missing.</summary>
    /// <exception cref="CsvFormatException">No such column.</exception>
    public IReadOnlyList<int> RowsWithMissing(params string[] columns)
    {
        var idx = columns.Select(ColumnIndex).ToArray();
        return Enumerable.Range(0, _rows.Length).Where(r => idx.Any(c => IsMissing(_rows[r][c]))).ToList().AsReadOnly();
    }

    /// <summary>A table without the given 0-based rows (line numbers are kept for later messages).</summary>
    public CsvTable WithoutRows(IEnumerable<int> rows)
    {
        var drop = rows.ToHashSet();
        var keep = Enumerable.Range(0, _rows.Length).Where(r => !drop.Contains(r)).ToArray();
        return new CsvTable(Source, Headers.ToArray(), keep.Select(r => _rows[r]).ToArray(), keep.Select(r => _lines[r]).ToArray());
    }

    /// <summary>Reads a UTF-8 file.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="CsvFormatException">Malformed content.</exception>
    public static CsvTable Read(string path)
    {
        Guard.NotNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"CSV file '{path}' does not exist.", path);
        return Parse(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Parses CSV text.</summary>
    /// <exception cref="CsvFormatException">No header, repeated or empty column names, unbalanced quotes, or a row with
    /// a different number of fields than the header.</exception>
    public static CsvTable Parse(string text, string source = "<text>")
    {
        Guard.NotNull(text);
        var records = Tokenize(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text, source);
        if (records.Count == 0) throw new CsvFormatException(source, null, null, "the file is empty; a header row is needed.");
        var (headerLine, header) = records[0];
        var headers = header.Select(h => h.Trim()).ToArray();
        for (int i = 0; i < headers.Length; i++)
        {
            if (headers[i].Length == 0) throw new CsvFormatException(source, headerLine, null, $"header field {i + 1} is empty; every column needs a name.");
            if (Array.IndexOf(headers, headers[i]) != i) throw new CsvFormatException(source, headerLine, headers[i], "the column name appears twice in the header.");
        }
        var rows = new List<string[]>();
        var lines = new List<int>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.Length != headers.Length)
                throw new CsvFormatException(source, line, null,
                    $"{fields.Length} field(s) where the header has {headers.Length}; check for an unquoted comma (decimal commas are not read) or a missing field.");
            rows.Add(fields);
            lines.Add(line);
        }
        return new CsvTable(source, headers, rows.ToArray(), lines.ToArray());
    }

    private int ColumnIndex(string column)
    {
        Guard.NotNull(column);
        if (_columns.TryGetValue(column, out int c)) return c;
        string hint = Headers.Count == 1 && (Headers[0].Contains(';') || Headers[0].Contains('\t'))
            ? " The header has one field containing ';' or a tab: only comma-separated files are read."
            : "";
        throw new CsvFormatException(Source, 1, column, $"no such column; columns are {string.Join(", ", Headers.Select(h => $"'{h}'"))}.{hint}");
    }

    // RFC 4180 state machine. Returns each record with the line it starts on; blank lines are dropped.
    private static List<(int Line, string[] Fields)> Tokenize(string text, string source)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1, i = 0;
        bool inQuotes = false, wasQuoted = false, any = false;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            wasQuoted = false;
        }
        void EndRecord()
        {
            EndField();
            if (any || fields.Count > 1) records.Add((recordLine, fields.ToArray()));
            fields.Clear();
            any = false;
        }

        while (i < text.Length)
        {
            char ch = text[i];
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                    inQuotes = false;
                    i++;
                    continue;
                }
                if (ch == '\n') line++;
                field.Append(ch);
                i++;
                continue;
            }
            switch (ch)
            {
                case '"':
                    if (field.ToString().Trim().Length > 0 || wasQuoted)
                        throw new CsvFormatException(source, line, null, "a quote inside an unquoted field; quote the whole field and double inner quotes (\"\").");
                    field.Clear();
                    inQuotes = true;
                    wasQuoted = true;
                    any = true;
                    i++;
                    break;
                case ',':
                    any = true;
                    EndField();
                    i++;
                    break;
                case '\r':
                case '\n':
                    EndRecord();
                    if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    i++;
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (wasQuoted && !char.IsWhiteSpace(ch))
                        throw new CsvFormatException(source, line, null, "text after a closing quote; a quoted field must end at a comma or line end.");
                    if (!char.IsWhiteSpace(ch)) any = true;
                    field.Append(ch);
                    i++;
                    break;
            }
        }
        if (inQuotes) throw new CsvFormatException(source, recordLine, null, "a quoted field is never closed.");
        EndRecord();
        return records;
    }
}
