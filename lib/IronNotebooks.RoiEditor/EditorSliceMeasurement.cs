using IronNotebooks.Calibration;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;

namespace IronNotebooks.RoiEditor;

/// <summary>Everything the page's panel shows for one slice.</summary>
public sealed record EditorSliceMeasurement
{
    /// <summary>Zero-based slice.</summary>
    public required int SliceIndex { get; init; }

    /// <summary>Echo times of the acquisition, ms.</summary>
    public required IReadOnlyList<double> EchoTimesMs { get; init; }

    /// <summary>One entry per ROI of the set, in set order.</summary>
    public required IReadOnlyList<EditorRoiMeasurement> Rois { get; init; }

    /// <summary>The pooled liver decay, fit and LIC; null without a liver ROI on this slice.</summary>
    public EditorLiverDecay? Liver { get; init; }

    /// <summary>Pooled liver mean / pooled paraspinal muscle mean per echo (the SIR quantity); null without both.</summary>
    public IReadOnlyList<double>? LiverToMuscleRatio { get; init; }
}

/// <summary>One ROI's statistics on every echo, its decay fit and hints.</summary>
public sealed record EditorRoiMeasurement
{
    /// <summary>ROI name.</summary>
    public required string Name { get; init; }

    /// <summary>Its role.</summary>
    public required RoiRole Role { get; init; }

    /// <summary>False for a patient-space ROI placed on another slice (nothing measured here).</summary>
    public required bool OnSlice { get; init; }

    /// <summary>Why it could not be measured (outside the image, NaN pixels, …), naming the ROI; null when measured.</summary>
    public string? Error { get; init; }

    /// <summary>Statistics per echo, in echo order (empty when off-slice or failed).</summary>
    public required IReadOnlyList<RoiStatistics> Echoes { get; init; }

    /// <summary>Decay fit of the ROI means (multi-echo acquisitions only).</summary>
    public DecayFitResult? Fit { get; init; }

    /// <summary>Plausibility hints (heuristics; see the README).</summary>
    public required IReadOnlyList<string> Hints { get; init; }
}

/// <summary>The liver decay of one slice: pixel-weighted mean of the liver ROIs per echo, its fit and the LIC.</summary>
public sealed record EditorLiverDecay
{
    /// <summary>The liver ROIs pooled.</summary>
    public required IReadOnlyList<string> RoiNames { get; init; }

    /// <summary>Pixels pooled.</summary>
    public required int PixelCount { get; init; }

    /// <summary>Mean signal per echo.</summary>
    public required IReadOnlyList<double> MeanSignal { get; init; }

    /// <summary>The decay fit, or null (single echo, fit refused).</summary>
    public DecayFitResult? Fit { get; init; }

    /// <summary>LIC through the calibration, with its provenance and warnings; null when there is no usable fit or field.</summary>
    public LicEstimate? Lic { get; init; }

    /// <summary>Why something is missing.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
