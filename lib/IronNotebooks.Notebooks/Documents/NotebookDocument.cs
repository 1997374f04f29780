using System.Text.Json.Nodes;

namespace IronNotebooks.Notebooks.Documents;

/// <summary>
/// A notebook independent of its file format: cells plus the notebook metadata of an .ipynb file (null for a .dib
/// file without <c>#!meta</c>). Read and write with <see cref="NotebookFile"/>, <see cref="IpynbFormat"/> or <see cref="DibFormat"/>.
/// </summary>
/// <param name="Cells">Cells in order.</param>
/// <param name="Metadata">Notebook-level metadata as read (kernelspec, language_info, polyglot_notebook, …), or null.</param>
public sealed record NotebookDocument(IReadOnlyList<NotebookCell> Cells, JsonObject? Metadata = null)
{
    /// <summary>The kernel name Polyglot Notebooks uses for C#.</summary>
    public const string CSharpKernel = "csharp";

    /// <summary>True for "csharp" and the aliases .dib files accept ("cs", "c#", "C#").</summary>
    public static bool IsCSharpKernelName(string name) =>
        name.Equals("csharp", StringComparison.OrdinalIgnoreCase) || name.Equals("cs", StringComparison.OrdinalIgnoreCase) || name == "c#" || name == "C#";

    /// <summary>The same notebook with other cells.</summary>
    public NotebookDocument WithCells(IReadOnlyList<NotebookCell> cells) => this with { Cells = cells };
}
