namespace IronNotebooks.Dicom;

/// <summary>
/// Root of every error this library raises about DICOM data. Carries where the problem is: the file, the byte offset
/// (from the start of the file as stored, or of the inflated dataset for deflated transfer syntaxes, as the message
/// says) and the tag, when known.
/// </summary>
public class DicomException : Exception
{
    /// <summary>Creates an exception with the where-context that is known.</summary>
    public DicomException(string message, string? filePath = null, long? byteOffset = null, DicomTag? tag = null,
        Exception? innerException = null)
        : base(Compose(message, filePath, byteOffset, tag), innerException)
    {
        Reason = message;
        FilePath = filePath;
        ByteOffset = byteOffset;
        Tag = tag;
    }

    /// <summary>What is wrong, without the where-context.</summary>
    public string Reason { get; }

    /// <summary>The file being read or written, if any.</summary>
    public string? FilePath { get; }

    /// <summary>Byte offset where the problem was found, if known.</summary>
    public long? ByteOffset { get; }

    /// <summary>The element concerned, if known.</summary>
    public DicomTag? Tag { get; }

    private static string Compose(string message, string? filePath, long? byteOffset, DicomTag? tag)
    {
        var where = new List<string>(3);
        if (filePath is not null) where.Add($"file '{filePath}'");
        if (byteOffset is { } o) where.Add($"offset {o} (0x{o:X})");
        if (tag is { } t) where.Add($"tag {t} {DicomDictionary.NameOf(t)}");
        return where.Count == 0 ? message : $"{message} [{string.Join(", ", where)}]";
    }
}
