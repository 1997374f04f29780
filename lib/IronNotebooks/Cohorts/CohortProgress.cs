namespace IronNotebooks.Cohorts;

/// <summary>One finished exam of a running cohort, for progress displays.</summary>
/// <param name="Exam">The exam just committed.</param>
/// <param name="Done">Exams finished in this shard, including resumed ones.</param>
/// <param name="Total">Exams in this shard.</param>
/// <param name="Failed">True when the exam failed as a whole or any of its rows failed.</param>
/// <param name="DurationMs">Time the exam took, ms.</param>
public sealed record CohortProgress(string Exam, int Done, int Total, bool Failed, double DurationMs);
