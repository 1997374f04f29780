using IronNotebooks.Imaging;

namespace IronNotebooks.FatWater;

/// <summary>What <see cref="ChemicalShiftSeriesLoader.FindPhase"/> found: the source of phase for a magnitude series and why.</summary>
public sealed record PhasePairing
{
    /// <summary>The magnitude series.</summary>
    public required CatalogSeries Magnitude { get; init; }

    /// <summary>Where phase comes from.</summary>
    public required PhaseSourceKind Kind { get; init; }

    /// <summary>The series holding the phase (or real/imaginary) frames; null for <see cref="PhaseSourceKind.None"/>.</summary>
    public CatalogSeries? Phase { get; init; }

    /// <summary>Why this source (or none) was chosen, in words.</summary>
    public required string Reason { get; init; }

    /// <summary>Other series of the study that hold phase of the same TR and flip angle but were not used, with why.</summary>
    public required IReadOnlyList<string> Rejected { get; init; }
}
