using IronNotebooks.Display;

namespace IronNotebooks.Teaching;

/// <summary>
/// The verdict on one exercise answer, displayed as a coloured box: "correct" with the explanation, or the hint when
/// the answer is wrong or missing. The expected answer is not shown on a wrong answer (the hint leads there).
/// </summary>
[TypeFormatterSource(typeof(ResultFormatterSource))]
public sealed record ExerciseResult
{
    /// <summary>Exercise label, e.g. "Exercise 2: L/M on the T2 sequence".</summary>
    public required string Exercise { get; init; }

    /// <summary>The answer as given, formatted ("–" when missing).</summary>
    public required string Answer { get; init; }

    /// <summary>Correct, incorrect or not answered.</summary>
    public required ExerciseStatus Status { get; init; }

    /// <summary>What was expected, with its tolerance and unit (shown only once the answer is correct).</summary>
    public required string Expected { get; init; }

    /// <summary>The hint (wrong or missing answer) or the explanation (correct answer).</summary>
    public required string Feedback { get; init; }

    /// <summary>True when <see cref="Status"/> is <see cref="ExerciseStatus.Correct"/>.</summary>
    public bool IsCorrect => Status == ExerciseStatus.Correct;
}
