using System.Text.Json;
using System.Text.Json.Nodes;

namespace IronNotebooks.Notebooks.Documents;

/// <summary>
/// Reads and writes Polyglot .dib files (docs/architecture.md (Notebooks)): an optional <c>#!meta</c> line followed by one JSON line, then
/// cells that each start with a kernel line (<c>#!csharp</c>, <c>#!cs</c>, <c>#!c#</c>, <c>#!markdown</c>, <c>#!md</c>, or
/// another kernel's name). Any other <c>#!</c> line inside a cell is a magic command and stays in the cell. Text before
/// the first kernel line is C#. Leading and trailing blank lines of a cell are trimmed. .dib files hold no outputs.
/// The <c>#!meta</c> object is the .ipynb's <c>metadata.polyglot_notebook</c>, so a notebook converts either way.
/// </summary>
public static class DibFormat
{
    // Kernel selectors that start a new cell. Only C# runs here; the others are kept so a round trip is faithful.
    private static readonly Dictionary<string, string> Kernels = new(StringComparer.Ordinal)
    {
        ["csharp"] = "csharp", ["cs"] = "csharp", ["c#"] = "csharp", ["C#"] = "csharp",
        ["markdown"] = "markdown", ["md"] = "markdown",
        ["fsharp"] = "fsharp", ["f#"] = "fsharp", ["F#"] = "fsharp",
        ["pwsh"] = "pwsh", ["powershell"] = "pwsh",
        ["javascript"] = "javascript", ["js"] = "javascript",
        ["html"] = "html", ["mermaid"] = "mermaid", ["sql"] = "sql", ["kql"] = "kql", ["http"] = "http",
    };

    /// <summary>Parses .dib text.</summary>
    /// <exception cref="NotebookException">The <c>#!meta</c> line is not followed by a JSON object.</exception>
    public static NotebookDocument Read(string text, string? filePath = null)
    {
        var lines = IpynbFormat.NormaliseNewlines(text).Split('\n');
        int i = 0;
        JsonObject? metadata = null;
        while (i < lines.Length && lines[i].Trim().Length == 0) i++;
        if (i < lines.Length && lines[i].TrimEnd() == "#!meta")
        {
            i++;
            while (i < lines.Length && lines[i].Trim().Length == 0) i++;
            try
            {
                metadata = (i < lines.Length ? JsonNode.Parse(lines[i]) : null) as JsonObject
                    ?? throw new NotebookException($"Line {i + 1}: #!meta must be followed by one line holding a JSON object.", filePath);
            }
            catch (JsonException e)
            {
                throw new NotebookException($"Line {i + 1}: the #!meta JSON does not parse ({e.Message}).", filePath, e);
            }
            i++;
        }
        var cells = new List<NotebookCell>();
        string kernel = "csharp";
        bool explicitCell = false;
        var body = new List<string>();
        void Flush()
        {
            string source = string.Join("\n", Trim(body));
            // Text before the first separator becomes a cell only when it holds something.
            if (explicitCell || source.Length > 0)
                cells.Add(kernel == "markdown"
                    ? NotebookCell.Markdown(source)
                    : new NotebookCell(CellKind.Code, source, kernel, null, []));
            body.Clear();
        }
        for (; i < lines.Length; i++)
        {
            if (KernelOf(lines[i]) is { } next)
            {
                Flush();
                kernel = next;
                explicitCell = true;
                continue;
            }
            body.Add(lines[i]);
        }
        Flush();
        // The #!meta object is what an .ipynb keeps under metadata.polyglot_notebook; store it there so either format can be written.
        JsonObject? notebookMetadata = null;
        if (metadata is not null)
        {
            notebookMetadata = IpynbFormat.DefaultMetadata();
            notebookMetadata["polyglot_notebook"] = metadata;
        }
        return new NotebookDocument(cells, notebookMetadata);
    }

    /// <summary>Writes .dib text as VS Code does: <c>#!meta</c> when there is metadata, each cell as its kernel line, a blank line, the source.</summary>
    public static string Write(NotebookDocument notebook)
    {
        var parts = new List<string>();
        if (notebook.Metadata?["polyglot_notebook"] is JsonObject meta) parts.Add("#!meta\n\n" + meta.ToJsonString());
        foreach (var cell in notebook.Cells)
        {
            string kernel = cell.Kind == CellKind.Markdown ? "markdown" : NotebookDocument.IsCSharpKernelName(cell.KernelName) ? "csharp" : cell.KernelName;
            parts.Add(cell.Source.Length == 0 ? $"#!{kernel}" : $"#!{kernel}\n\n{cell.Source}");
        }
        return string.Join("\n\n", parts) + "\n";
    }

    private static string? KernelOf(string line)
    {
        var t = line.TrimEnd();
        return t.StartsWith("#!", StringComparison.Ordinal) && Kernels.TryGetValue(t[2..], out var k) ? k : null;
    }

    private static IEnumerable<string> Trim(List<string> lines)
    {
        int start = 0, end = lines.Count;
        while (start < end && lines[start].Trim().Length == 0) start++;
        while (end > start && lines[end - 1].Trim().Length == 0) end--;
        return lines.Skip(start).Take(end - start);
    }
}
