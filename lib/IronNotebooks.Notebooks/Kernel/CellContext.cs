using System.Text;
using IronNotebooks.Notebooks.Documents;

namespace IronNotebooks.Notebooks.Kernel;

/// <summary>Collects the outputs of one running cell in the order they happen: console text is flushed into a stream output before each display.</summary>
internal sealed class CellContext
{
    private readonly List<CellOutput> outputs = [];

    public TextWriter Stdout { get; } = new StringWriter { NewLine = "\n" };

    public TextWriter Stderr { get; } = new StringWriter { NewLine = "\n" };

    public void Add(CellOutput output)
    {
        lock (outputs)
        {
            FlushStreams();
            outputs.Add(output);
        }
    }

    public IReadOnlyList<CellOutput> Finish()
    {
        lock (outputs)
        {
            FlushStreams();
            return [.. outputs];
        }
    }

    private void FlushStreams()
    {
        foreach (var (name, writer) in new[] { ("stdout", Stdout), ("stderr", Stderr) })
        {
            var sb = ((StringWriter)writer).GetStringBuilder();
            string text;
            lock (writer)
            {
                text = sb.ToString();
                sb.Clear();
            }
            if (text.Length == 0) continue;
            // Consecutive writes to the same stream make one output, as Jupyter shows them.
            if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == name) outputs[^1] = last with { Text = last.Text + text };
            else outputs.Add(new StreamOutput(name, text));
        }
    }
}
