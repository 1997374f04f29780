namespace IronNotebooks.Notebooks.Documents;

/// <summary>One output of a code cell, as stored in an .ipynb file (nbformat 4 output types).</summary>
public abstract record CellOutput;

/// <summary>
/// A displayed value: a map from MIME type to its text (images as base64). <see cref="ExecutionCount"/> is set for an
/// <c>execute_result</c> (the cell's trailing expression) and null for <c>display_data</c>.
/// </summary>
/// <param name="Data">MIME type → content, in the order the formatters produced them.</param>
/// <param name="ExecutionCount">The cell's execution count for a result; null for display_data.</param>
public sealed record DisplayOutput(IReadOnlyDictionary<string, string> Data, int? ExecutionCount = null) : CellOutput
{
    /// <summary>True for an <c>execute_result</c>.</summary>
    public bool IsResult => ExecutionCount is not null;
}

/// <summary>Text a cell wrote to standard output or standard error.</summary>
/// <param name="Name">"stdout" or "stderr".</param>
/// <param name="Text">The text, line breaks included.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>A compile error or an exception.</summary>
/// <param name="EName">Error name: the exception type, or "CompilationError".</param>
/// <param name="EValue">The message.</param>
/// <param name="Traceback">Lines of detail (diagnostics with cell-relative positions, or the stack trace).</param>
public sealed record ErrorOutput(string EName, string EValue, IReadOnlyList<string> Traceback) : CellOutput;
