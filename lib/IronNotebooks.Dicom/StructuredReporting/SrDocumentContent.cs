using IronNotebooks.Dicom.IO;

namespace IronNotebooks.Dicom.StructuredReporting;

/// <summary>What an SR document needs besides its content tree.</summary>
public sealed record SrDocumentContent
{
    /// <summary>The root CONTAINER with the whole tree.</summary>
    public required SrContentItem Root { get; init; }

    /// <summary>A dataset of the source images: patient and study are copied from it so the SR files with that study.</summary>
    public required DicomDataset Source { get; init; }

    /// <summary>Every instance the tree references (Current Requested Procedure Evidence Sequence).</summary>
    public required IReadOnlyList<SrEvidence> Evidence { get; init; }

    /// <summary>Private coding schemes whose designators the tree uses.</summary>
    public IReadOnlyList<SrCodingScheme> CodingSchemes { get; init; } = [];

    /// <summary>Series Description.</summary>
    public string SeriesDescription { get; init; } = "";

    /// <summary>Series Number.</summary>
    public int SeriesNumber { get; init; } = 901;

    /// <summary>Software Versions (0018,1020) of the writer.</summary>
    public string SoftwareVersion { get; init; } = DicomUid.ImplementationVersionName;
}
