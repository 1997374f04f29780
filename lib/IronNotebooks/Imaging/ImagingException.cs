namespace IronNotebooks.Imaging;

/// <summary>Images cannot be assembled as asked: missing echoes, inconsistent geometry, no matching series, bad NIfTI.</summary>
public class ImagingException : IronNotebooksException
{
    /// <summary>Creates the exception; <paramref name="source"/> names the file or folder concerned.</summary>
    public ImagingException(string message, string? source = null, Exception? innerException = null)
        : base(source is null ? message : $"{message} [{source}]", message, new ErrorContext { FilePath = source }, innerException) => SourcePath = source;

    /// <summary>Creates the exception with full context (file and, for a sidecar, the JSON field as <see cref="ErrorContext.Tag"/>).</summary>
    public ImagingException(string message, ErrorContext context, Exception? innerException = null)
        : base(Compose(message, context), message, context, innerException) => SourcePath = context.FilePath;

    /// <summary>The file or folder concerned, when known.</summary>
    public string? SourcePath { get; }
}
