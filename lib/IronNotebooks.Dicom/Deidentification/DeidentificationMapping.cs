using System.Collections.Concurrent;
using System.Text;

namespace IronNotebooks.Dicom.Deidentification;

/// <summary>
/// What de-identification replaced: original → replacement for UIDs, patients (pseudonyms), date shifts and files.
/// It identifies patients, so it is written only to the separate file the user keeps
/// (<see cref="WriteCsv"/>), never into the de-identified output.
/// </summary>
public sealed class DeidentificationMapping
{
    private readonly ConcurrentDictionary<(string Kind, string Original), string> _entries = new();

    /// <summary>Records one replacement (idempotent).</summary>
    public void Record(string kind, string original, string replacement) => _entries.TryAdd((kind, original), replacement);

    /// <summary>The replacement recorded for an original value of a kind ("uid", "patient", "date-shift-days", "file"), if any.</summary>
    public string? Find(string kind, string original) => _entries.TryGetValue((kind, original), out var r) ? r : null;

    /// <summary>Entries, sorted by kind then original.</summary>
    public IReadOnlyList<(string Kind, string Original, string Replacement)> Entries =>
        [.. _entries.OrderBy(e => e.Key.Kind, StringComparer.Ordinal).ThenBy(e => e.Key.Original, StringComparer.Ordinal).Select(e => (e.Key.Kind, e.Key.Original, e.Value))];

    /// <summary>Writes kind,original,replacement as CSV (RFC 4180 quoting), atomically (temporary file beside it, then rename).</summary>
    public void WriteCsv(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sb = new StringBuilder("kind,original,replacement\n");
        foreach (var (kind, original, replacement) in Entries) sb.Append(Quote(kind)).Append(',').Append(Quote(original)).Append(',').Append(Quote(replacement)).Append('\n');
        var bytes = new UTF8Encoding(false).GetBytes(sb.ToString());
        IO.AtomicFile.Write(path, stream => stream.Write(bytes));
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
