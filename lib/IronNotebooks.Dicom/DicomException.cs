namespace IronNotebooks.Dicom;

/// <summary>
/// Root of every error this library raises about DICOM data (under the library-wide <see cref="IronNotebooksException"/>). Carries where the problem is: the file, the byte offset
/// (from the start of the file as stored, or of the inflated dataset for deflated transfer syntaxes, as the message
/// says) and the tag, when known.
/// </summary>
public class DicomException : IronNotebooksException
{
    /// <summary>Creates an exception with the where-context that is known.</summary>
    public DicomException(string message, string? filePath = null, long? byteOffset = null, DicomTag? tag = null,
        Exception? innerException = null)
        : base(message,
            new ErrorContext { FilePath = filePath, ByteOffset = byteOffset, Tag = tag is { } t ? $"{t} {DicomDictionary.NameOf(t)}" : null }, innerException)
    {
        FilePath = filePath;
        ByteOffset = byteOffset;
        Tag = tag;
    }

    /// <summary>The file being read or written, if any.</summary>
    public string? FilePath { get; }

    /// <summary>Byte offset where the problem was found, if known.</summary>
    public long? ByteOffset { get; }

    /// <summary>The element concerned, if known.</summary>
    public DicomTag? Tag { get; }
}
