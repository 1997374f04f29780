using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IronNotebooks.Notebooks.Documents;

/// <summary>
/// Reads and writes Jupyter .ipynb files in the Polyglot Notebooks flavour (nbformat 4.5, docs/architecture.md (Notebooks)): the kernel of a
/// code cell comes from <c>metadata.polyglot_notebook.kernelName</c>, then <c>metadata.dotnet_interactive.language</c>,
/// then the notebook's default kernel; both keys are written. Sources and text outputs are written as lists of lines
/// and keys in sorted order, as Jupyter does, so files written here diff cleanly against files saved by other tools.
/// </summary>
public static class IpynbFormat
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        // Notebook files are not HTML: keep <, > and non-ASCII readable, as Jupyter and VS Code write them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses .ipynb JSON text.</summary>
    /// <exception cref="NotebookException">Not JSON, not nbformat 4, or a cell of an unknown type; the message names the cell.</exception>
    public static NotebookDocument Read(string json, string? filePath = null)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new NotebookException("The .ipynb root is not a JSON object.", filePath);
        }
        catch (JsonException e)
        {
            throw new NotebookException($"Not a JSON notebook ({e.Message}).", filePath, e);
        }
        int major = root["nbformat"]?.GetValue<int>() ?? 0;
        if (major != 4) throw new NotebookException($"nbformat {major} is not supported; expected nbformat 4 (save the notebook with a current Jupyter or VS Code).", filePath);
        var metadata = root["metadata"] as JsonObject;
        string defaultKernel = metadata?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]?.GetValue<string>() ?? NotebookDocument.CSharpKernel;
        var cells = new List<NotebookCell>();
        var cellNodes = root["cells"] as JsonArray ?? throw new NotebookException("The notebook has no \"cells\" array.", filePath);
        for (int i = 0; i < cellNodes.Count; i++)
        {
            if (cellNodes[i] is not JsonObject cell) throw new NotebookException($"Cell {i} is not a JSON object.", filePath);
            cells.Add(ReadCell(cell, i, defaultKernel, filePath));
        }
        return new NotebookDocument(cells, metadata?.DeepClone().AsObject());
    }

    private static NotebookCell ReadCell(JsonObject cell, int index, string defaultKernel, string? filePath)
    {
        string type = cell["cell_type"]?.GetValue<string>() ?? throw new NotebookException($"Cell {index} has no cell_type.", filePath);
        var kind = type switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            _ => throw new NotebookException($"Cell {index} has cell_type \"{type}\"; expected code, markdown or raw.", filePath),
        };
        var metadata = cell["metadata"]?.DeepClone() as JsonObject;
        string kernel = kind switch
        {
            CellKind.Code => metadata?["polyglot_notebook"]?["kernelName"]?.GetValue<string>()
                ?? metadata?["dotnet_interactive"]?["language"]?.GetValue<string>() ?? defaultKernel,
            CellKind.Markdown => "markdown",
            _ => "raw",
        };
        var outputs = new List<CellOutput>();
        if (cell["outputs"] is JsonArray outputNodes)
            for (int j = 0; j < outputNodes.Count; j++)
                outputs.Add(ReadOutput(outputNodes[j] as JsonObject ?? throw new NotebookException($"Output {j} of cell {index} is not a JSON object.", filePath), index, filePath));
        int? count = cell["execution_count"] is JsonValue v && v.TryGetValue<int>(out var c) ? c : null;
        return new NotebookCell(kind, JoinText(cell["source"]), kernel, cell["id"]?.GetValue<string>(), outputs, count,
            metadata is { Count: > 0 } ? metadata : null);
    }

    internal static CellOutput ReadOutput(JsonObject o, int cellIndex, string? filePath)
    {
        string type = o["output_type"]?.GetValue<string>() ?? "";
        switch (type)
        {
            case "stream":
                return new StreamOutput(o["name"]?.GetValue<string>() ?? "stdout", JoinText(o["text"]));
            case "error":
                return new ErrorOutput(o["ename"]?.GetValue<string>() ?? "", o["evalue"]?.GetValue<string>() ?? "",
                    (o["traceback"] as JsonArray)?.Select(t => t?.GetValue<string>() ?? "").ToList() ?? []);
            case "display_data":
            case "execute_result":
                var data = new Dictionary<string, string>();
                if (o["data"] is JsonObject d)
                    foreach (var (mime, value) in d)
                        data[mime] = value is JsonObject or JsonArray && IsJsonMime(mime) ? value.ToJsonString() : JoinText(value);
                int? count = type == "execute_result" ? (o["execution_count"] is JsonValue v && v.TryGetValue<int>(out var c) ? c : 0) : null;
                return new DisplayOutput(data, count);
            default:
                throw new NotebookException($"Cell {cellIndex} has an output of type \"{type}\"; expected stream, display_data, execute_result or error.", filePath);
        }
    }

    /// <summary>Writes nbformat 4.5 JSON; cells without an id get a deterministic one ("cell-&lt;index&gt;").</summary>
    public static string Write(NotebookDocument notebook)
    {
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(notebook.Cells.Select((c, i) => (JsonNode)WriteCell(c, i, notebook.Cells)).ToArray()),
            ["metadata"] = notebook.Metadata?.DeepClone() ?? DefaultMetadata(),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return Sorted(root)!.ToJsonString(WriteOptions) + "\n";
    }

    /// <summary>The notebook metadata Polyglot Notebooks writes for a C# notebook.</summary>
    public static JsonObject DefaultMetadata() => new()
    {
        ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
        ["language_info"] = new JsonObject { ["name"] = "C#" },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
            },
        },
    };

    private static JsonObject WriteCell(NotebookCell cell, int index, IReadOnlyList<NotebookCell> all)
    {
        var metadata = cell.Metadata?.DeepClone().AsObject() ?? new JsonObject();
        var o = new JsonObject { ["cell_type"] = cell.Kind switch { CellKind.Code => "code", CellKind.Markdown => "markdown", _ => "raw" } };
        if (cell.Kind == CellKind.Code)
        {
            // Both keys: Polyglot reads polyglot_notebook first; older .NET Interactive versions read dotnet_interactive.
            string kernel = NotebookDocument.IsCSharpKernelName(cell.KernelName) ? NotebookDocument.CSharpKernel : cell.KernelName;
            metadata["dotnet_interactive"] = new JsonObject { ["language"] = kernel };
            metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel };
            o["execution_count"] = cell.ExecutionCount;
            o["outputs"] = new JsonArray(cell.Outputs.Select(WriteOutput).ToArray());
        }
        o["id"] = cell.Id ?? UniqueId(index, all);
        o["metadata"] = metadata;
        o["source"] = Lines(cell.Source);
        return o;
    }

    private static string UniqueId(int index, IReadOnlyList<NotebookCell> all)
    {
        string id = $"cell-{index}";
        while (all.Any(c => c.Id == id)) id += "x";
        return id;
    }

    internal static JsonNode WriteOutput(CellOutput output) => output switch
    {
        StreamOutput s => new JsonObject { ["name"] = s.Name, ["output_type"] = "stream", ["text"] = Lines(s.Text) },
        ErrorOutput e => new JsonObject
        {
            ["ename"] = e.EName, ["evalue"] = e.EValue, ["output_type"] = "error",
            ["traceback"] = new JsonArray(e.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
        },
        DisplayOutput d => WriteDisplay(d),
        _ => throw new ArgumentException($"Unknown output type {output.GetType().Name}.", nameof(output)),
    };

    private static JsonObject WriteDisplay(DisplayOutput d)
    {
        var data = new JsonObject();
        foreach (var (mime, text) in d.Data) data[mime] = IsJsonMime(mime) && TryParse(text) is { } node ? node : Lines(text);
        var o = new JsonObject { ["data"] = data };
        if (d.IsResult) o["execution_count"] = d.ExecutionCount;
        o["metadata"] = new JsonObject();
        o["output_type"] = d.IsResult ? "execute_result" : "display_data";
        return o;
    }

    private static JsonNode? TryParse(string text)
    {
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return null; }
    }

    /// <summary>MIME types whose nbformat value is a JSON document rather than text (application/json, …+json).</summary>
    internal static bool IsJsonMime(string mime) => mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal);

    /// <summary>nbformat "multiline string": a list of lines, each but the last ending in "\n".</summary>
    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return lines;
    }

    private static string JoinText(JsonNode? node) => node switch
    {
        null => "",
        JsonArray a => string.Concat(a.Select(x => x?.GetValue<string>() ?? "")),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    /// <summary>A copy with object keys in ordinal order at every level (Jupyter writes sorted keys).</summary>
    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>Line endings of a file read on Windows are normalised to "\n" before parsing.</summary>
    internal static string NormaliseNewlines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>UTF-8 without a byte-order mark, as Jupyter writes.</summary>
    internal static readonly Encoding Utf8 = new UTF8Encoding(false);
}
