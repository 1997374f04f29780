namespace IronNotebooks.Exams;

/// <summary>An exam or cohort input that cannot be used (missing folder, ROI file, manifest row); the message names the
/// file, folder or row and what to do. Under the library's one root, <see cref="IronNotebooksException"/>, so the
/// command line maps it to exit code 2 with every other bad-input error.</summary>
public class ExamException : IronNotebooksException
{
    /// <summary>Creates the exception about <paramref name="source"/> (a file, folder or "manifest line N").</summary>
    public ExamException(string message, string? source = null, Exception? innerException = null)
        : base(source is null ? message : $"{source}: {message}", message, new ErrorContext { FilePath = source }, innerException) => SourcePath = source;

    /// <summary>The file, folder or row concerned, or null.</summary>
    public string? SourcePath { get; }
}
