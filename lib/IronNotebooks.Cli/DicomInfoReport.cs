using IronNotebooks.Dicom.Inspection;

namespace IronNotebooks.Cli;

/// <summary>The JSON shape of `ironnb dicom info --json` (docs/architecture.md), flattened from <see cref="DicomFileSummary"/>.</summary>
public sealed record DicomInfoReport(
    string FilePath, string TransferSyntaxUid, string TransferSyntaxName, string? SopClassUid, string? Modality,
    string? Manufacturer, string? SeriesInstanceUid, int? Rows, int? Columns, int? Frames, int? SamplesPerPixel,
    int? BitsAllocated, int? BitsStored, int? PixelRepresentation, string? PhotometricInterpretation,
    IReadOnlyList<double?> EchoTimesMs, double? RepetitionTimeMs, double? FlipAngleDeg, double? FieldStrengthT,
    IReadOnlyList<DicomFileSummary.RescalePair> Rescales, IReadOnlyList<double> PhilipsScaleSlopes,
    double? StoredMin, double? StoredMax, double? StoredMean, double? PixelMin, double? PixelMax, double? PixelMean,
    long? PixelCount, string? PixelError, IReadOnlyList<string> Diagnostics)
{
    /// <summary>Flattens a summary.</summary>
    public static DicomInfoReport From(DicomFileSummary s) => new(
        s.FilePath, s.TransferSyntaxUid, s.TransferSyntaxName, s.SopClassUid, s.Modality, s.Manufacturer,
        s.SeriesInstanceUid, s.Rows, s.Columns, s.Frames, s.SamplesPerPixel, s.BitsAllocated, s.BitsStored,
        s.PixelRepresentation, s.PhotometricInterpretation, s.EchoTimesMs, s.RepetitionTimeMs, s.FlipAngleDeg,
        s.FieldStrengthT, s.Rescales, s.PhilipsScaleSlopes, s.Stored?.Min, s.Stored?.Max, s.Stored?.Mean,
        s.Rescaled?.Min, s.Rescaled?.Max, s.Rescaled?.Mean, s.Stored?.Count, s.PixelError, s.Diagnostics);
}
