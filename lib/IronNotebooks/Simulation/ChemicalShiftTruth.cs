namespace IronNotebooks.Simulation;

/// <summary>
/// Truth of a written chemical-shift series (<see cref="AcquisitionKind.ChemicalShiftGradientEcho"/>): the liver's PDFF and
/// R2*, the B0 field map simulated (a smooth analytic field, given by its coefficients and its mean in each liver ROI) and
/// where the phase series is. Saved in truth.json on the magnitude series' entry.
/// </summary>
public sealed record ChemicalShiftTruth
{
    /// <summary>Fat spectrum registry name (FatSpectra).</summary>
    public required string Spectrum { get; init; }

    /// <summary>Liver proton-density fat fraction, percent (the patient's truth).</summary>
    public required double LiverFatFractionPercent { get; init; }

    /// <summary>Liver signal fat fraction at this TR and flip angle, percent: fat and water T1 weight the signal slightly
    /// differently, so a fit of these images tends to this value rather than to the PDFF.</summary>
    public required double LiverSignalFatFractionPercent { get; init; }

    /// <summary>Liver R2*, s⁻¹ (common to water and fat: what a CC-R2* fit should return).</summary>
    public required double LiverR2StarPerSecond { get; init; }

    /// <summary>The field map formula: ψ(x, y) = offset + gx·x/100 + gy·y/100 + bowl·(x² + y²)/150², x and y in mm from
    /// the image centre along the row and column directions.</summary>
    public string FieldMapFormula { get; init; } = "psi_Hz = offset + gx*x/100 + gy*y/100 + bowl*(x^2 + y^2)/150^2 (x, y mm from the image centre along rows and columns)";

    /// <summary>Offset, Hz.</summary>
    public required double FieldMapOffsetHz { get; init; }

    /// <summary>Gradient along the row direction, Hz per 100 mm.</summary>
    public required double FieldMapGradientXHzPer100Mm { get; init; }

    /// <summary>Gradient along the column direction, Hz per 100 mm.</summary>
    public required double FieldMapGradientYHzPer100Mm { get; init; }

    /// <summary>Quadratic bowl, Hz at 150 mm from the centre.</summary>
    public required double FieldMapBowlHz { get; init; }

    /// <summary>Phase at TE 0 (common to every tissue), radians.</summary>
    public required double InitialPhaseRadians { get; init; }

    /// <summary>Mean field map in each liver ROI, Hz (ROI name → Hz).</summary>
    public required IReadOnlyDictionary<string, double> LiverRoiFieldMapHz { get; init; }

    /// <summary>How phase is stored (the Siemens convention).</summary>
    public required string PhaseConvention { get; init; }

    /// <summary>Series Number of the phase series.</summary>
    public required int PhaseSeriesNumber { get; init; }

    /// <summary>Series Instance UID of the phase series.</summary>
    public required string PhaseSeriesInstanceUid { get; init; }

    /// <summary>Folder of the phase series, relative to the exam folder.</summary>
    public required string PhaseFolder { get; init; }

    /// <summary>Phase files, relative to the exam folder.</summary>
    public required IReadOnlyList<string> PhaseFiles { get; init; }
}
