using System.Text.Json.Nodes;

namespace IronNotebooks.Notebooks.Documents;

/// <summary>One cell of a notebook.</summary>
/// <param name="Kind">Code, markdown or raw.</param>
/// <param name="Source">The cell text with "\n" line breaks.</param>
/// <param name="KernelName">Kernel of a code cell ("csharp" for C#; other names are kept but not run).</param>
/// <param name="Id">The nbformat 4.5 cell id (null in .dib files; the writer makes one).</param>
/// <param name="Outputs">Outputs of a code cell (empty for others).</param>
/// <param name="ExecutionCount">Execution count of a code cell that ran; null otherwise.</param>
/// <param name="Metadata">Other cell metadata kept as read so a round trip does not lose it (null when none).</param>
public sealed record NotebookCell(CellKind Kind, string Source, string KernelName, string? Id, IReadOnlyList<CellOutput> Outputs,
    int? ExecutionCount = null, JsonObject? Metadata = null)
{
    /// <summary>A C# code cell without outputs.</summary>
    public static NotebookCell Code(string source, string? id = null) => new(CellKind.Code, source, NotebookDocument.CSharpKernel, id, []);

    /// <summary>A markdown cell.</summary>
    public static NotebookCell Markdown(string source, string? id = null) => new(CellKind.Markdown, source, "markdown", id, []);

    /// <summary>True for a code cell the C# kernel runs.</summary>
    public bool IsCSharp => Kind == CellKind.Code && NotebookDocument.IsCSharpKernelName(KernelName);

    /// <summary>The first non-blank line of the source (how the CLI names a cell), or "" for an empty cell.</summary>
    public string FirstLine => Source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
}
