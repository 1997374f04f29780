namespace IronNotebooks.Cohorts;

/// <summary>Progress of a cohort run folder (<see cref="CohortRun.Status"/>).</summary>
public sealed record CohortStatus
{
    /// <summary>The run folder.</summary>
    public required string OutDir { get; init; }

    /// <summary>The shard, K/N.</summary>
    public required string Shard { get; init; }

    /// <summary>Exams in the shard.</summary>
    public required int Exams { get; init; }

    /// <summary>Exams committed to the journal.</summary>
    public required int Finished { get; init; }

    /// <summary>Exams that failed as a whole, "exam: reason".</summary>
    public required IReadOnlyList<string> FailedExams { get; init; }

    /// <summary>Finished exams with at least one failed method row.</summary>
    public required int ExamsWithFailedRows { get; init; }

    /// <summary>Exams not yet finished.</summary>
    public required IReadOnlyList<string> Remaining { get; init; }

    /// <summary>True once results.csv has been written.</summary>
    public required bool ResultsWritten { get; init; }

    /// <summary>Mean wall time per finished exam, ms, or null.</summary>
    public double? MeanExamMs { get; init; }
}
