namespace IronNotebooks.Roi;

/// <summary>An ROI cannot be used on a plane: outside the image, empty, off the slice, or covering non-finite pixels.</summary>
public sealed class RoiException : IronNotebooksException
{
    /// <summary>Creates the exception for the ROI named <paramref name="roiName"/>.</summary>
    public RoiException(string roiName, string message) : base($"ROI '{roiName}': {message}", message, new ErrorContext { Roi = roiName }, null) => RoiName = roiName;

    /// <summary>The ROI concerned.</summary>
    public string RoiName { get; }
}
