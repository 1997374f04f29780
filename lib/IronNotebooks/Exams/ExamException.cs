namespace IronNotebooks.Exams;

/// <summary>An exam or cohort input that cannot be used (missing folder, ROI file, manifest row); the message names the
/// file, folder or row and what to do.</summary>
public class ExamException : Exception
{
    /// <summary>Creates the exception about <paramref name="source"/> (a file, folder or "manifest line N").</summary>
    public ExamException(string message, string? source = null, Exception? innerException = null)
        : base(source is null ? message : $"{source}: {message}", innerException) => SourcePath = source;

    /// <summary>The file, folder or row concerned, or null.</summary>
    public string? SourcePath { get; }
}
