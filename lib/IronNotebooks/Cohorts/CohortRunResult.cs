namespace IronNotebooks.Cohorts;

/// <summary>What a cohort run (or merge) did and wrote.</summary>
public sealed record CohortRunResult
{
    /// <summary>The run folder.</summary>
    public required string OutDir { get; init; }

    /// <summary>Exams in the shard (or merge).</summary>
    public required int Exams { get; init; }

    /// <summary>Exams measured by this call.</summary>
    public required int Measured { get; init; }

    /// <summary>Exams found already finished in the journal (not recomputed).</summary>
    public required int Resumed { get; init; }

    /// <summary>Exams that failed as a whole.</summary>
    public required int FailedExams { get; init; }

    /// <summary>Rows of the long table.</summary>
    public required int Rows { get; init; }

    /// <summary>Rows with status failed.</summary>
    public required int FailedRows { get; init; }

    /// <summary>Exams of the manifest missing from the results (merge of an incomplete set of shards); empty after a run.</summary>
    public required IReadOnlyList<string> Missing { get; init; }

    /// <summary>Files written: results.csv, results-wide.csv, results.jsonl.</summary>
    public required IReadOnlyList<string> Files { get; init; }

    /// <summary>Wall time, ms.</summary>
    public double DurationMs { get; init; }
}
