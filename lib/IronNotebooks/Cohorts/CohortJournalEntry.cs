using IronNotebooks.Exams;

namespace IronNotebooks.Cohorts;

/// <summary>One finished exam in a cohort journal: its rows, or the reason the whole exam failed.</summary>
public sealed record CohortJournalEntry
{
    /// <summary>Exam id.</summary>
    public required string Exam { get; init; }

    /// <summary>Position in the manifest.</summary>
    public required int Index { get; init; }

    /// <summary>The method rows (for a failed exam, one row with method "exam" and status failed).</summary>
    public required IReadOnlyList<ExamMeasurementRow> Rows { get; init; }

    /// <summary>Why the exam as a whole failed (folder unreadable, ROI file broken), or null.</summary>
    public string? Error { get; init; }

    /// <summary>Wall time of the exam, ms.</summary>
    public double DurationMs { get; init; }
}
