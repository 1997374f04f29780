namespace IronNotebooks.Teaching;

/// <summary>How an exercise answer was judged.</summary>
public enum ExerciseStatus
{
    /// <summary>The answer is within the exercise's tolerance or is the expected choice.</summary>
    Correct,

    /// <summary>An answer was given and it is not right: the hint is shown.</summary>
    Incorrect,

    /// <summary>No answer yet (null, NaN or empty): the hint is shown.</summary>
    NotAnswered,
}
