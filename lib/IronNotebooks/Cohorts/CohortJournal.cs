using System.Text;
using System.Text.Json;
using IronNotebooks.Exams;

namespace IronNotebooks.Cohorts;

/// <summary>
/// The append-only journal of a cohort run (`journal.jsonl`): one JSON line per finished exam, written and flushed to
/// disk (fsync) before the next exam is counted as done, so a run killed at any moment resumes without recomputing a
/// finished exam. A last line cut short by the kill is dropped (and the file truncated to the last complete line) on open.
/// Thread-safe for appends from parallel workers.
/// </summary>
public sealed class CohortJournal : IDisposable
{
    /// <summary>The journal's file name inside a run folder.</summary>
    public const string FileName = "journal.jsonl";

    private readonly FileStream _stream;
    private readonly object _gate = new();
    private readonly List<CohortJournalEntry> _entries;

    private CohortJournal(string path, FileStream stream, List<CohortJournalEntry> entries, long droppedBytes)
    {
        Path = path;
        _stream = stream;
        _entries = entries;
        DroppedBytes = droppedBytes;
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>Bytes of an incomplete last line dropped on open (a run killed mid-write), 0 normally.</summary>
    public long DroppedBytes { get; }

    /// <summary>Entries so far, in the order they were committed.</summary>
    public IReadOnlyList<CohortJournalEntry> Entries
    {
        get { lock (_gate) return [.. _entries]; }
    }

    /// <summary>Opens (creating) the journal in <paramref name="folder"/> and reads what it holds.</summary>
    /// <exception cref="ExamException">A complete line that is not a journal entry (the file was edited or is another file).</exception>
    public static CohortJournal Open(string folder)
    {
        string path = System.IO.Path.Combine(Guard.NotNull(folder), FileName);
        var entries = ReadEntries(path, out long goodLength);
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        long dropped = stream.Length - goodLength;
        if (dropped > 0) stream.SetLength(goodLength);
        stream.Seek(0, SeekOrigin.End);
        return new CohortJournal(path, stream, entries, dropped);
    }

    /// <summary>Reads the complete entries of a journal file without opening it for writing (status, merge, validate).</summary>
    /// <exception cref="ExamException">A complete line that is not a journal entry.</exception>
    public static IReadOnlyList<CohortJournalEntry> Read(string folder) =>
        ReadEntries(System.IO.Path.Combine(Guard.NotNull(folder), FileName), out _);

    private static List<CohortJournalEntry> ReadEntries(string path, out long goodLength)
    {
        goodLength = 0;
        var entries = new List<CohortJournalEntry>();
        if (!File.Exists(path)) return entries;
        var bytes = File.ReadAllBytes(path);
        int start = 0, line = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'\n') continue;
            line++;
            var text = Encoding.UTF8.GetString(bytes, start, i - start);
            try
            {
                entries.Add(JsonSerializer.Deserialize<CohortJournalEntry>(text, CohortJson.Options)
                    ?? throw new JsonException("null entry"));
            }
            catch (JsonException e)
            {
                throw new ExamException($"line {line} is not a cohort journal entry ({e.Message}); the run folder was edited or holds another file.", path, e);
            }
            start = i + 1;
            goodLength = start;
        }
        return entries;
    }

    /// <summary>Commits one exam: appends its line and flushes it to disk before returning.</summary>
    public void Append(CohortJournalEntry entry)
    {
        Guard.NotNull(entry);
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, CohortJson.Options) + "\n");
        lock (_gate)
        {
            _stream.Write(bytes);
            _stream.Flush(flushToDisk: true);
            _entries.Add(entry);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _stream.Dispose();
}
