using System.Diagnostics;
using IronNotebooks.Notebooks.Documents;
using IronNotebooks.Notebooks.Kernel;

namespace IronNotebooks.Notebooks.Running;

/// <summary>
/// Runs every C# cell of a notebook in order in one fresh <see cref="CSharpKernel"/>, as dotnet-repl does: a failing
/// cell is recorded and the run goes on (later cells may fail in turn); only a timeout stops it, because the timed-out
/// cell's thread cannot be stopped. Outputs of the previous run are replaced.
/// </summary>
public static class NotebookRunner
{
    /// <summary>Runs a notebook file; relative <c>#r</c> paths start from its folder.</summary>
    /// <param name="path">.ipynb or .dib file.</param>
    /// <param name="options">Kernel options (default: <see cref="KernelOptions.Default"/> with the notebook's folder as base).</param>
    /// <param name="progress">Called before each code cell with (cells done, code cells in all).</param>
    /// <param name="observer">Told when each code cell starts and ends (the kernel host streams this to <c>ironnb</c>).</param>
    public static NotebookRun RunFile(string path, KernelOptions? options = null, Action<int, int>? progress = null, ICellObserver? observer = null)
    {
        var notebook = NotebookFile.Load(path);
        var kernelOptions = (options ?? KernelOptions.Default) with { BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) };
        return Run(notebook, Path.GetFileName(path), kernelOptions, progress, observer);
    }

    /// <summary>Runs a notebook already in memory.</summary>
    public static NotebookRun Run(NotebookDocument notebook, string name, KernelOptions? options = null, Action<int, int>? progress = null,
        ICellObserver? observer = null)
    {
        var clock = Stopwatch.StartNew();
        var kernel = new CSharpKernel(options);
        var cells = new List<NotebookCell>(notebook.Cells.Count);
        var runs = new List<CellRun>();
        var checks = new List<CheckRecord>();
        double? firstCellMs = null;
        string? kernelEnded = null;
        int codeCells = notebook.Cells.Count(c => c.Kind == CellKind.Code), done = 0;
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            int position = i + 1;
            if (cell.Kind != CellKind.Code)
            {
                cells.Add(cell);
                continue;
            }
            progress?.Invoke(done++, codeCells);
            if (!cell.IsCSharp)
            {
                runs.Add(new CellRun(position, cell.FirstLine, CellRunStatus.OtherKernel, 0, null));
                cells.Add(cell);
                observer?.CellFinished(cells[^1], runs[^1]);
                continue;
            }
            if (!kernel.IsUsable)
            {
                runs.Add(new CellRun(position, cell.FirstLine, CellRunStatus.NotRun, 0, null));
                cells.Add(cell with { Outputs = [], ExecutionCount = null });
                observer?.CellFinished(cells[^1], runs[^1]);
                continue;
            }
            observer?.CellStarting(position);
            var result = kernel.Execute(cell.Source);
            firstCellMs ??= clock.Elapsed.TotalMilliseconds;
            if (!kernel.IsUsable) kernelEnded ??= $"cell {position} (`{cell.FirstLine}`) timed out, which ends the kernel";
            cells.Add(cell with { Outputs = result.Outputs, ExecutionCount = result.ExecutionCount });
            runs.Add(new CellRun(position, cell.FirstLine, result.Succeeded ? CellRunStatus.Succeeded : CellRunStatus.Failed,
                result.Duration.TotalMilliseconds, result.Error));
            checks.AddRange(CheckRecord.FromOutputs(name, position, result.Outputs));
            observer?.CellFinished(cells[^1], runs[^1]);
        }
        progress?.Invoke(done, codeCells);
        return new NotebookRun(name, notebook.WithCells(cells), runs, checks, clock.Elapsed.TotalMilliseconds, firstCellMs, kernelEnded);
    }
}

/// <summary>Follows a run cell by cell (the kernel host streams these events to the <c>ironnb</c> process).</summary>
public interface ICellObserver
{
    /// <summary>A C# cell is about to run.</summary>
    /// <param name="cell">One-based position among all cells.</param>
    void CellStarting(int cell);

    /// <summary>A code cell is done (run, failed, not run, or left to another kernel).</summary>
    /// <param name="executed">The cell with its new outputs.</param>
    /// <param name="run">How it fared.</param>
    void CellFinished(NotebookCell executed, CellRun run);
}
