namespace IronNotebooks.Notebooks;

/// <summary>A notebook file cannot be read or a notebook cannot be run as asked; the message names the file, cell or directive.</summary>
public class NotebookException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NotebookException(string message, string? filePath = null, Exception? inner = null) : base(message, inner) => FilePath = filePath;

    /// <summary>The notebook file concerned, when known.</summary>
    public string? FilePath { get; }
}
