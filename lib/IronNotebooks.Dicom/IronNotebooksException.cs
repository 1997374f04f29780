namespace IronNotebooks;

/// <summary>
/// Root of every error the IronNotebooks libraries raise about their input (DICOM and NIfTI files, folders, ROIs,
/// CSV tables, SIR sequences, statistics inputs): the data or an argument cannot be used as asked. It carries where
/// the problem is as structured <see cref="Context"/> (file, byte offset, tag, ROI, argument, line, column, cell), so a
/// caller can act on it and the command line can print it the same way everywhere. Anything that is not an
/// <see cref="IronNotebooksException"/> (or an argument exception from a caller's value) is a bug.
/// It lives in the lowest assembly (IronNotebooks.Dicom) so that the DICOM errors share it; it knows nothing of DICOM.
/// </summary>
public class IronNotebooksException : Exception
{
    /// <summary>Creates the exception; the message is <paramref name="reason"/> followed by the context in brackets.</summary>
    public IronNotebooksException(string reason, ErrorContext? context = null, Exception? innerException = null)
        : this(Compose(reason, context ?? ErrorContext.None), reason, context ?? ErrorContext.None, innerException)
    {
    }

    /// <summary>For subclasses that compose their own message (kept word for word for existing callers).</summary>
    protected IronNotebooksException(string message, string reason, ErrorContext context, Exception? innerException)
        : base(message, innerException)
    {
        Reason = reason;
        Context = context;
    }

    /// <summary>What is wrong and what to do, without the where-context.</summary>
    public string Reason { get; }

    /// <summary>Where the problem is.</summary>
    public ErrorContext Context { get; }

    /// <summary>"reason [file 'x', line 3, column 'score']".</summary>
    public static string Compose(string reason, ErrorContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var where = context.Describe();
        return where.Length == 0 ? reason : $"{reason} [{where}]";
    }
}
