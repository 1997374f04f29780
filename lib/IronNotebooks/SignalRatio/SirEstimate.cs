using IronNotebooks.Calibration;

namespace IronNotebooks.SignalRatio;

/// <summary>
/// An LIC from signal-intensity ratios, with its provenance: which method, whether the method is published, a
/// reconstruction or user-supplied constants, the decisions of the published rules, the ratios used (after any
/// phantom correction) and every warning.
/// </summary>
/// <param name="Protocol">The SIR protocol name.</param>
/// <param name="Method">The method, e.g. "Alústiza 2004 two-sequence formula" or "Rennes SIR→R2* reconstruction (not the official worksheet)".</param>
/// <param name="Status">Published, reconstruction or user constants.</param>
/// <param name="StatusNote">Evidence of the constants used (docs/methods.md tags).</param>
/// <param name="Formula">The formula applied, in words.</param>
/// <param name="Citation">Sources.</param>
/// <param name="FieldStrengthT">Field strength of the exam, tesla.</param>
/// <param name="Lic">The estimate, or null when none can be given (saturation).</param>
/// <param name="AboveRange">True when the method saturates: the ratios are too low to measure, and only a lower bound can be given.</param>
/// <param name="LicLowerBound">When saturated: the LIC the data prove the patient exceeds, or null when not even that can be said.</param>
/// <param name="LiverR2StarPerSecond">Liver R2* at the exam's field (reconstructions only), s⁻¹.</param>
/// <param name="R2StarConversion">The R2* → LIC step through a named calibration (reconstructions only).</param>
/// <param name="Decisions">Outcomes of the published decision rules.</param>
/// <param name="Ratios">The ratios the estimate used, after phantom correction.</param>
/// <param name="PhantomCalibration">"scanner id, date" of the phantom correction applied, or null.</param>
/// <param name="Warnings">Everything the reader must know: reconstruction, range, field, saturation, phantom verdict.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record SirEstimate(string Protocol, string Method, SirMethodStatus Status, string StatusNote, string Formula, string Citation,
    double FieldStrengthT, LiverIronConcentration? Lic, bool AboveRange, LiverIronConcentration? LicLowerBound, double? LiverR2StarPerSecond,
    LicEstimate? R2StarConversion, IReadOnlyList<SirDecision> Decisions, IReadOnlyList<LiverMuscleRatio> Ratios, string? PhantomCalibration,
    IReadOnlyList<string> Warnings)
{
    /// <summary>True when a recommendation to add the Lille sequence was made (Rennes estimate above 300 µmol/g or saturated).</summary>
    public bool LilleRecommended => Warnings.Any(w => w.StartsWith(RennesRules.LilleRecommendation, StringComparison.Ordinal));

    /// <summary>When the estimate comes from another method than the protocol asked for (the Lille add-on above 300 µmol/g
    /// under rennes-1.5T; an identified protocol used because a more complete one was not possible): what and why, else null.
    /// Never silent: `lic sir --json` has it as methodSwitch, exam rows as methodSwitch.</summary>
    public string? MethodSwitch { get; init; }
}
