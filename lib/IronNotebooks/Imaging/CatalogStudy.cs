namespace IronNotebooks.Imaging;

/// <summary>A study and its series.</summary>
public sealed record CatalogStudy(string StudyInstanceUid, string? StudyDate, string? StudyDescription, string? PatientId,
    IReadOnlyList<CatalogSeries> Series);
