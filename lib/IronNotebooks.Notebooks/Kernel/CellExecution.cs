using IronNotebooks.Notebooks.Documents;

namespace IronNotebooks.Notebooks.Kernel;

/// <summary>What running one cell gave.</summary>
/// <param name="Outputs">Streams, displays, the result and any error, in order.</param>
/// <param name="Succeeded">False after a compile error, an exception, a refused directive or a timeout.</param>
/// <param name="ExecutionCount">The kernel's count for this cell (1 for the first cell run).</param>
/// <param name="Duration">Wall time, compile included.</param>
public sealed record CellExecution(IReadOnlyList<CellOutput> Outputs, bool Succeeded, int ExecutionCount, TimeSpan Duration)
{
    /// <summary>The error output, when the cell failed.</summary>
    public ErrorOutput? Error => Outputs.OfType<ErrorOutput>().FirstOrDefault();
}
