using IronNotebooks.FatWater;

namespace IronNotebooks.Simulation;

/// <summary>A simulated chemical-shift volume and its truth (slice 0's truth; later slices share PDFF and R2*, and their
/// field map is offset by 30 Hz per slice).</summary>
public sealed record ChemicalShiftVolume
{
    /// <summary>Magnitude and phase images.</summary>
    public required ChemicalShiftSeries Series { get; init; }

    /// <summary>True PDFF per pixel, percent (row-major).</summary>
    public required float[] FatFractionPercent { get; init; }

    /// <summary>True R2* per pixel, s⁻¹.</summary>
    public required float[] R2StarPerSecond { get; init; }

    /// <summary>True field map of slice 0, Hz.</summary>
    public required float[] FieldMapHz { get; init; }

    /// <summary>Liver pixels (elsewhere: noise only).</summary>
    public required bool[] Liver { get; init; }

    /// <summary>Noise σ per channel, signal units.</summary>
    public required double NoiseSigma { get; init; }

    /// <summary>Fat spectrum simulated.</summary>
    public required string Spectrum { get; init; }

    /// <summary>Field, tesla.</summary>
    public required double FieldStrengthT { get; init; }
}
