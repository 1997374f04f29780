namespace IronNotebooks.Calibration;

/// <summary>
/// What an R2* was fitted with (docs/methods.md §6). In a steatotic liver a water-only fit over in- and opposed-phase
/// echoes oscillates and its R2* is wrong; a calibration derived on one kind should be applied to the same kind.
/// </summary>
public enum R2StarKind
{
    /// <summary>A decay model with no fat term (mono, offset, truncation, … of <c>DecayModels</c>): water-only R2*.</summary>
    WaterOnly,
    /// <summary>Confounder-corrected R2* (CC-R2*): a chemical-shift-encoded fit modelling fat (and noise), R2* common to water and fat.</summary>
    ConfounderCorrected,
}
