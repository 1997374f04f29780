using System.Globalization;
using System.Text;
using IronNotebooks.Notebooks.Documents;

namespace IronNotebooks.Notebooks.Kernel;

/// <summary>
/// Collects the outputs of one running cell in the order they happen: console text is flushed into a stream output
/// before each display. Streams and displays are capped by <see cref="OutputLimits"/>, with the cut marked.
/// </summary>
internal sealed class CellContext(OutputLimits limits)
{
    private readonly List<CellOutput> outputs = [];

    public CellContext() : this(OutputLimits.Default)
    {
    }

    public CappedStreamWriter Stdout { get; } = new(limits);

    public CappedStreamWriter Stderr { get; } = new(limits);

    public void Add(CellOutput output)
    {
        lock (outputs)
        {
            FlushStreams(final: false);
            outputs.Add(output is DisplayOutput d ? Cap(d) : output);
        }
    }

    public IReadOnlyList<CellOutput> Finish()
    {
        lock (outputs)
        {
            FlushStreams(final: true);
            return [.. outputs];
        }
    }

    private DisplayOutput Cap(DisplayOutput d)
    {
        long size = d.Data.Sum(kv => (long)kv.Value.Length);
        if (size <= limits.DisplayChars) return d;
        string note = string.Create(CultureInfo.InvariantCulture,
            $"… displayed value of {size:N0} characters truncated ({string.Join(", ", d.Data.Keys)}; per-cell limit {limits.DisplayChars:N0} characters per value, see the README, \"Notebooks\") …");
        return d with { Data = new Dictionary<string, string> { ["text/plain"] = note } };
    }

    private void FlushStreams(bool final)
    {
        foreach (var (name, writer) in new[] { ("stdout", Stdout), ("stderr", Stderr) })
        {
            string text;
            lock (writer) text = writer.Take(final);
            if (text.Length == 0) continue;
            // Consecutive writes to the same stream make one output, as Jupyter shows them.
            if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == name) outputs[^1] = last with { Text = last.Text + text };
            else outputs.Add(new StreamOutput(name, text));
        }
    }
}

/// <summary>
/// One stream of one cell, capped: the first lines up to the head limit pass through; after that only the last lines
/// are kept (a ring), and the lines in between are counted and replaced by one "… N lines truncated …" line.
/// </summary>
internal sealed class CappedStreamWriter(OutputLimits limits) : TextWriter
{
    private readonly StringBuilder pending = new();
    private readonly Queue<string> tail = new();
    private readonly StringBuilder line = new();
    private int headLines, headChars, lineChars, lineDropped;
    private long droppedLines;
    private bool inTail;

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\r') return;
        if (!inTail) WriteHead(value);
        else WriteTail(value);
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        foreach (char c in value) Write(c);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        for (int i = index; i < index + count; i++) Write(buffer[i]);
    }

    private void WriteHead(char c)
    {
        if (c == '\n')
        {
            EndLongLine(pending);
            pending.Append('\n');
            lineChars = 0;
            headChars++;
            if (++headLines >= limits.StreamHeadLines || headChars >= limits.StreamHeadChars) inTail = true;
            return;
        }
        if (lineChars++ < limits.LineChars) { pending.Append(c); headChars++; }
        else lineDropped++;
        if (headChars >= limits.StreamHeadChars) { EndLongLine(pending); pending.Append('\n'); lineChars = 0; inTail = true; }
    }

    private void WriteTail(char c)
    {
        if (c == '\n')
        {
            EndLongLine(line);
            tail.Enqueue(line.ToString());
            line.Clear();
            lineChars = 0;
            if (tail.Count > limits.StreamTailLines) { tail.Dequeue(); droppedLines++; }
            return;
        }
        if (lineChars++ < limits.LineChars) line.Append(c);
        else lineDropped++;
    }

    private void EndLongLine(StringBuilder target)
    {
        if (lineDropped == 0) return;
        target.Append(CultureInfo.InvariantCulture, $" … {lineDropped:N0} characters truncated");
        lineDropped = 0;
    }

    /// <summary>The text written since the last call; at the end of the cell (<paramref name="final"/>) the kept tail, after the marker.</summary>
    public string Take(bool final)
    {
        string text = pending.ToString();
        pending.Clear();
        if (!final || !inTail || (tail.Count == 0 && line.Length == 0 && droppedLines == 0)) return text;
        var sb = new StringBuilder(text);
        if (droppedLines > 0) sb.Append(OutputLimits.LinesTruncated(droppedLines));
        foreach (var l in tail) sb.Append(l).Append('\n');
        EndLongLine(line);
        sb.Append(line);
        tail.Clear();
        line.Clear();
        droppedLines = 0;
        return sb.ToString();
    }
}
