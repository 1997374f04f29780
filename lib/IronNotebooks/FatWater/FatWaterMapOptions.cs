namespace IronNotebooks.FatWater;

/// <summary>Settings of <see cref="FatWaterMap"/>; change with <c>with</c>.</summary>
public sealed record FatWaterMapOptions
{
    /// <summary>Per-pixel fit settings (field, spectrum, noise).</summary>
    public required FatWaterOptions Fit { get; init; }

    /// <summary>Pixels whose first-echo magnitude is at or below this are not fitted (status Masked).</summary>
    public double MaskThreshold { get; init; }

    /// <summary>Threads; −1 uses all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Complex maps only: region-grow the field map (true, default) or fit each pixel on its own (false).</summary>
    public bool RegulariseFieldMap { get; init; } = true;

    /// <summary>Map options at <paramref name="fieldStrengthT"/> with the default spectrum.</summary>
    public static FatWaterMapOptions At(double fieldStrengthT) => new() { Fit = FatWaterOptions.At(fieldStrengthT) };
}
