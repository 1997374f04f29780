namespace IronNotebooks.FatWater;

/// <summary>Pixel-wise CC-R2* and PDFF maps of a chemical-shift-encoded series.</summary>
public sealed record FatWaterMapResult
{
    /// <summary>Magnitude, complex pixel-independent or complex regularised.</summary>
    public required FatWaterFitKind Kind { get; init; }

    /// <summary>Echo times, ms.</summary>
    public required IReadOnlyList<double> EchoTimesMs { get; init; }

    /// <summary>Field strength, tesla.</summary>
    public required double FieldStrengthT { get; init; }

    /// <summary>Fat spectrum name.</summary>
    public required string Spectrum { get; init; }

    /// <summary>One map per slice.</summary>
    public required IReadOnlyList<FatWaterMapSlice> Slices { get; init; }

    /// <summary>Pixels with a usable fit.</summary>
    public required long FittedPixels { get; init; }

    /// <summary>Pixels below the mask threshold.</summary>
    public required long MaskedPixels { get; init; }

    /// <summary>Pixels fitted without a usable value.</summary>
    public required long FailedPixels { get; init; }

    /// <summary>Pixels whose R2* is beyond the measurable range of the echo train (NaN in the map).</summary>
    public required long BeyondMeasurableRangePixels { get; init; }

    /// <summary>Pixels flagged <see cref="FatWaterMapSlice.SwapSuspected"/>.</summary>
    public required long SwapSuspectedPixels { get; init; }

    /// <summary>Complex regularised maps: pixels where the region-grown field map chose another solution than the
    /// pixel-wise best (what a pixel-independent fit would have swapped or not); 0 otherwise.</summary>
    public long FieldMapCorrectedPixels { get; init; }

    /// <summary>Magnitude maps with σ known: pixels whose second-order bias was subtracted (<see cref="FatWaterBiasCorrection"/>;
    /// the others are near the water–fat fold, on a bound or singular); 0 otherwise.</summary>
    public long BiasCorrectedPixels { get; init; }

    /// <summary>Series description.</summary>
    public required string Source { get; init; }
}
