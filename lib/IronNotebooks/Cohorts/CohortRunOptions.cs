using IronNotebooks.Exams;

namespace IronNotebooks.Cohorts;

/// <summary>How <see cref="CohortRun"/> runs; change with <c>with</c>.</summary>
public sealed record CohortRunOptions
{
    /// <summary>Exams measured at once (default: the number of cores). Each worker holds one exam in memory.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Continue the run in the output folder: exams already in its journal are not measured again.</summary>
    public bool Resume { get; init; }

    /// <summary>The part of the manifest this run measures (default all).</summary>
    public CohortShard Shard { get; init; } = CohortShard.All;

    /// <summary>What is measured on each exam.</summary>
    public ExamMeasurementOptions Measurement { get; init; } = ExamMeasurementOptions.Default;

    /// <summary>The defaults.</summary>
    public static CohortRunOptions Default { get; } = new();
}
