namespace IronNotebooks.Imaging;

/// <summary>A series, its acquisitions (by echo and component) and warnings about its consistency.</summary>
public sealed record CatalogSeries(
    string SeriesInstanceUid, int? SeriesNumber, string? SeriesDescription, string? Modality, string? Manufacturer,
    double? RepetitionTimeMs, double? FlipAngleDeg, double? FieldStrengthT, int Files, int Frames,
    IReadOnlyList<CatalogAcquisition> Acquisitions, IReadOnlyList<string> Warnings)
{
    /// <summary>Distinct echo times of the magnitude acquisitions, ascending, ms.</summary>
    public IReadOnlyList<double> MagnitudeEchoTimesMs =>
        [.. Acquisitions.Where(a => a.Component == ImageComponent.Magnitude && a.EchoTimeMs is not null).Select(a => a.EchoTimeMs!.Value).Distinct().Order()];
}
