namespace IronNotebooks.Imaging;

/// <summary>Images cannot be assembled as asked: missing echoes, inconsistent geometry, no matching series, bad NIfTI.</summary>
public class ImagingException : Exception
{
    /// <summary>Creates the exception; <paramref name="source"/> names the file or folder concerned.</summary>
    public ImagingException(string message, string? source = null, Exception? innerException = null)
        : base(source is null ? message : $"{message} [{source}]", innerException) => SourcePath = source;

    /// <summary>The file or folder concerned, when known.</summary>
    public string? SourcePath { get; }
}
