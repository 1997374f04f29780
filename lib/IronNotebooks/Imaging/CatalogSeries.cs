namespace IronNotebooks.Imaging;

/// <summary>A series, its acquisitions (by echo and component) and warnings about its consistency.</summary>
public sealed record CatalogSeries(
    string SeriesInstanceUid, int? SeriesNumber, string? SeriesDescription, string? Modality, string? Manufacturer,
    double? RepetitionTimeMs, double? FlipAngleDeg, double? FieldStrengthT, int Files, int Frames,
    IReadOnlyList<CatalogAcquisition> Acquisitions, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Files in the folders of this series that could not be read (truncated, empty, corrupt): one of them may be an
    /// echo or slice of this series, so a measurement of it fails rather than run on fewer echoes or slices.
    /// </summary>
    public IReadOnlyList<IronNotebooks.Dicom.Inspection.DicomFolderScan.FileProblem> UnreadableFiles { get; init; } = [];

    /// <summary>Distinct Echo Numbers (0018,0086) of the single-frame magnitude files, ascending: a gap means an echo's file is missing.</summary>
    public IReadOnlyList<int> MagnitudeEchoNumbers { get; init; } = [];

    /// <summary>Distinct echo times of the magnitude acquisitions, ascending, ms.</summary>
    public IReadOnlyList<double> MagnitudeEchoTimesMs =>
        [.. Acquisitions.Where(a => a.Component == ImageComponent.Magnitude && a.EchoTimeMs is not null).Select(a => a.EchoTimeMs!.Value).Distinct().Order()];
}
