using System.Globalization;
using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Dicom.StructuredReporting;

/// <summary>An SR content item cannot be read or does not have the structure a template requires. <see cref="ContentPath"/>
/// is the item's position ("1.4.2": the root's fourth child's second child), also given as the error context's tag.</summary>
public sealed class SrContentException : IronNotebooksException
{
    /// <summary>Creates the exception for the item at <paramref name="contentPath"/>.</summary>
    public SrContentException(string contentPath, string problem, string? file, DicomTag? tag = null, Exception? inner = null)
        : base($"SR content item {contentPath} {problem}", new ErrorContext { FilePath = file, Tag = tag is { } t ? $"{t} in content item {contentPath}" : $"content item {contentPath}" }, inner)
        => ContentPath = contentPath;

    /// <summary>The item's position in the content tree.</summary>
    public string ContentPath { get; }
}
