using IronNotebooks.Roi;

namespace IronNotebooks.FatWater;

/// <summary>A fat–water fit of the ROI-mean signal of one slice.</summary>
public sealed record RoiFatWaterFitResult
{
    /// <summary>The fit of the per-echo ROI means.</summary>
    public required FatWaterFitResult Fit { get; init; }

    /// <summary>Zero-based slice.</summary>
    public required int SliceIndex { get; init; }

    /// <summary>Pixels in the ROI.</summary>
    public required int PixelCount { get; init; }

    /// <summary>Per-echo ROI statistics (the fitted signal is their Mean).</summary>
    public required IReadOnlyList<RoiStatistics> Echoes { get; init; }

    /// <summary>The series description.</summary>
    public required string Source { get; init; }
}
