using IronNotebooks.Notebooks.Documents;

namespace IronNotebooks.Notebooks.Running;

/// <summary>One code cell of a run.</summary>
/// <param name="Cell">One-based position of the cell among all cells of the notebook (markdown included), as an editor counts them.</param>
/// <param name="FirstLine">The cell's first non-blank line, to name it in messages.</param>
/// <param name="Status">Outcome.</param>
/// <param name="DurationMs">Wall time in milliseconds (compile included); 0 for cells not run.</param>
/// <param name="Error">The error output of a failed cell.</param>
public sealed record CellRun(int Cell, string FirstLine, CellRunStatus Status, double DurationMs, ErrorOutput? Error);
