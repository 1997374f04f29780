namespace IronNotebooks.Interchange;

/// <summary>
/// A DICOM interchange object cannot be used as asked: a Segmentation that does not belong to the exam (the message
/// names the UID that does not match), geometry that cannot be mapped onto the exam's planes, or ROIs that lie on no
/// plane of the series exported. Under the library's one root, so the command line maps it to exit code 2.
/// </summary>
public sealed class InterchangeException : IronNotebooksException
{
    /// <summary>Creates the exception about <paramref name="filePath"/> (and ROI <paramref name="roi"/>, when one is concerned).</summary>
    public InterchangeException(string reason, string? filePath = null, string? roi = null, Exception? innerException = null)
        : base(reason, new ErrorContext { FilePath = filePath, Roi = roi }, innerException)
    {
    }
}
