using IronNotebooks.Display;

namespace IronNotebooks.Exams;

/// <summary>Every method on one exam: the rows, with what the exam held.</summary>
[TypeFormatterSource(typeof(ResultFormatterSource))]
public sealed record ExamMeasurementResult
{
    /// <summary>Exam id.</summary>
    public required string Exam { get; init; }

    /// <summary>The exam folder.</summary>
    public required string Folder { get; init; }

    /// <summary>One row per method × model × calibration.</summary>
    public required IReadOnlyList<ExamMeasurementRow> Rows { get; init; }

    /// <summary>Series and their kinds, e.g. "9 multiEchoGradientEcho".</summary>
    public required IReadOnlyList<string> Acquisitions { get; init; }

    /// <summary>Exam-level warnings (ROI mapping, unattributed unreadable files, mixed fields).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Wall time of the whole exam, ms.</summary>
    public double DurationMs { get; init; }
}
