using IronNotebooks.Notebooks.Documents;

namespace IronNotebooks.Notebooks.Running;

/// <summary>The outcome of running a notebook: the executed document (outputs and execution counts filled in), each code cell, the checks.</summary>
/// <param name="Name">The notebook's file name.</param>
/// <param name="Executed">The notebook with the new outputs.</param>
/// <param name="Cells">Every code cell, in order.</param>
/// <param name="Checks">Checks of published figures the cells displayed.</param>
/// <param name="TotalMs">Wall time of the whole run in milliseconds, kernel start included.</param>
/// <param name="FirstCellMs">Wall time from kernel start to the end of the first C# cell, or null when there is none.</param>
/// <param name="KernelEnded">
/// Why the kernel ended before the last cell, naming the cell (a timeout, or a kernel process that exited, aborted or
/// overflowed its stack); null when it ran to the end.
/// </param>
public sealed record NotebookRun(string Name, NotebookDocument Executed, IReadOnlyList<CellRun> Cells, IReadOnlyList<CheckRecord> Checks, double TotalMs, double? FirstCellMs,
    string? KernelEnded = null)
{
    /// <summary>Cells that failed.</summary>
    public IReadOnlyList<CellRun> Failed => Cells.Where(c => c.Status == CellRunStatus.Failed).ToList();

    /// <summary>True when no cell failed or was left unrun.</summary>
    public bool Succeeded => Cells.All(c => c.Status is CellRunStatus.Succeeded or CellRunStatus.OtherKernel);
}
