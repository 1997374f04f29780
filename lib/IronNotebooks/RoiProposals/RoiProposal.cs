using IronNotebooks.Roi;

namespace IronNotebooks.RoiProposals;

/// <summary>
/// The result of <see cref="RoiProposer.Propose"/>: ROIs on one slice of a multi-echo series, each with a confidence and
/// reasons, the ROIs that were not found and why, and the valid liver disc positions (the parenchyma where a disc fits
/// clear of vessels and edges) that the spatial part of the LIC interval resamples.
/// </summary>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record RoiProposal
{
    /// <summary>The proposed ROIs as an ROI set (the file `ironnb roi propose --out` writes).</summary>
    public required RoiSet RoiSet { get; init; }

    /// <summary>Zero-based slice index (slices ordered along the plane normal) the ROIs belong to.</summary>
    public required int SliceIndex { get; init; }

    /// <summary>Every placed ROI with confidence and reasons.</summary>
    public required IReadOnlyList<ProposedRoi> Proposed { get; init; }

    /// <summary>ROIs not placed, with the reason.</summary>
    public required IReadOnlyList<RoiNotFound> NotFound { get; init; }

    /// <summary>True when at least one liver disc was placed.</summary>
    public bool LiverFound => Proposed.Any(p => p.Roi.Role == RoiRole.Liver && p.Roi is CircleRoi);

    /// <summary>Noise σ per channel estimated from the air (Rayleigh mean), in the series' pixel units.</summary>
    public required double NoiseSigma { get; init; }

    /// <summary>Centres (pixels) where a liver disc of the proposal's diameter fits in homogeneous parenchyma without
    /// R2* outliers: the population the spatial bootstrap draws from. Empty when the liver was not found.</summary>
    public required IReadOnlyList<RoiPoint> ValidLiverDiscCentres { get; init; }

    /// <summary>Radius of the liver discs, pixels.</summary>
    public required double LiverDiscRadiusPixels { get; init; }

    /// <summary>Median pixel R2* of the parenchyma (quick log-linear estimate, s⁻¹), or null.</summary>
    public double? ParenchymaMedianR2StarPerSecond { get; init; }

    /// <summary>Where the images came from.</summary>
    public required string Source { get; init; }

    /// <summary>Caveats (slice orientation, few disc positions, …).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
