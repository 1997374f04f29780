namespace IronNotebooks.Notebooks.Running;

/// <summary>How a cell fared in a run.</summary>
public enum CellRunStatus
{
    /// <summary>A C# cell that compiled and ran without an exception.</summary>
    Succeeded,
    /// <summary>A compile error, an exception, a refused directive or a timeout.</summary>
    Failed,
    /// <summary>A C# cell after a timeout, which ends the kernel.</summary>
    NotRun,
    /// <summary>A code cell for another kernel (F#, PowerShell, …), kept as it is.</summary>
    OtherKernel,
}
