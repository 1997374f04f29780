using IronNotebooks.Calibration;

namespace IronNotebooks.Simulation;

/// <summary>
/// The liver relaxation rates a virtual patient is simulated with, and how they were obtained from the LIC.
/// </summary>
/// <param name="Lic">The true LIC.</param>
/// <param name="FieldStrengthT">Field strength of the simulated scan, tesla.</param>
/// <param name="R2StarPerSecond">Liver R2* at that field, s⁻¹.</param>
/// <param name="R2PerSecond">Liver R2 at that field, s⁻¹.</param>
/// <param name="R2StarCalibration">Name of the R2* calibration inverted (e.g. "wood2005").</param>
/// <param name="R2Calibration">Name of the R2 curve used ("stpierre2005").</param>
/// <param name="R2StarRule">How R2* reached the scan's field: "calibration field", "storey2007-liver", or the named reconstruction.</param>
/// <param name="R2StarStatus">Published when only a calibration (and Storey's published scaling) were used; Reconstruction otherwise.</param>
/// <param name="Warnings">Extrapolation beyond a calibration's range, R2 capped at R2*, field assumptions.</param>
public sealed record LiverRelaxationTruth(LiverIronConcentration Lic, double FieldStrengthT, double R2StarPerSecond, double R2PerSecond,
    string R2StarCalibration, string R2Calibration, string R2StarRule, ValueStatus R2StarStatus, IReadOnlyList<string> Warnings);
