namespace IronNotebooks.Notebooks.Documents;

/// <summary>What a notebook cell holds.</summary>
public enum CellKind
{
    /// <summary>Code for a kernel (the runner executes C#).</summary>
    Code,
    /// <summary>Markdown text.</summary>
    Markdown,
    /// <summary>Raw text passed through unchanged (.ipynb "raw" cells).</summary>
    Raw,
}
