using IronNotebooks.Relaxometry;

namespace IronNotebooks.FatWater;

/// <summary>One slice of a fat–water map; arrays are row-major (y·Columns + x). Unusable pixels hold NaN.</summary>
public sealed record FatWaterMapSlice
{
    /// <summary>Zero-based slice.</summary>
    public required int SliceIndex { get; init; }

    /// <summary>Width.</summary>
    public required int Columns { get; init; }

    /// <summary>Height.</summary>
    public required int Rows { get; init; }

    /// <summary>CC-R2* per pixel, s⁻¹.</summary>
    public required float[] R2StarPerSecond { get; init; }

    /// <summary>PDFF per pixel, percent.</summary>
    public required float[] FatFractionPercent { get; init; }

    /// <summary>Water signal per pixel.</summary>
    public required float[] WaterSignal { get; init; }

    /// <summary>Fat signal per pixel.</summary>
    public required float[] FatSignal { get; init; }

    /// <summary>Field map per pixel, Hz (complex maps; null for magnitude maps).</summary>
    public float[]? FieldMapHz { get; init; }

    /// <summary>Pixels flagged as possible water–fat swaps.</summary>
    public required bool[] SwapSuspected { get; init; }

    /// <summary>Fit status per pixel.</summary>
    public required DecayFitStatus[] Status { get; init; }
}
