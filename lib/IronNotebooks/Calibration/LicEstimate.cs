namespace IronNotebooks.Calibration;

/// <summary>
/// An LIC obtained from a relaxation rate through a named calibration, with everything needed to judge it. When the
/// calibration has no value for the input (St Pierre inverse above ≈ 394.5 s⁻¹) <see cref="Lic"/> is null and a
/// warning says why; nothing is extrapolated silently.
/// </summary>
/// <param name="Lic">The estimate, or null when the calibration gives none.</param>
/// <param name="InputRatePerSecond">The rate entered (R2* or R2), s⁻¹, as measured; NaN when a fit gave no rate.</param>
/// <param name="RateUsedPerSecond">The rate fed to the calibration, s⁻¹ (differs from the input only after a field-strength scaling step).</param>
/// <param name="Quantity">R2* or R2.</param>
/// <param name="MeasuredFieldT">Field strength of the measurement, tesla.</param>
/// <param name="Calibration">The calibration name.</param>
/// <param name="CalibrationTitle">Authors, year, field.</param>
/// <param name="CalibrationFieldT">The calibration's field strength, tesla.</param>
/// <param name="Formula">The calibration formula.</param>
/// <param name="Citation">Its source.</param>
/// <param name="ValidityRange">"1.33–32.9 mg/g" or "not stated".</param>
/// <param name="Status">Evidence status of the calibration's constants.</param>
/// <param name="StatusNote">The status as docs/methods.md gives it.</param>
/// <param name="FieldScaling">Name of the field-strength scaling step applied, or null.</param>
/// <param name="Warnings">Outside the validity range, field mismatch, negative LIC, no value.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record LicEstimate(LiverIronConcentration? Lic, double InputRatePerSecond, double RateUsedPerSecond, RelaxationQuantity Quantity,
    double MeasuredFieldT, string Calibration, string CalibrationTitle, double CalibrationFieldT, string Formula, string Citation,
    string ValidityRange, EvidenceStatus Status, string StatusNote, string? FieldScaling, IReadOnlyList<string> Warnings)
{
    /// <summary>Whether there is a number, and if not, why (<see cref="LicOutcome.BeyondMeasurableRange"/> is the 3 T
    /// "beyond measurable range" rule of docs/methods.md §3, applied at every field).</summary>
    public LicOutcome Outcome { get; init; }

    /// <summary>The kind of R2* that was converted (water-only decay fit or CC-R2* from a fat–water fit), or null when the caller
    /// did not say (a bare rate).</summary>
    public R2StarKind? MeasuredR2StarKind { get; init; }

    /// <summary>True when <see cref="MeasuredR2StarKind"/> is known and differs from the calibration's expected kind (a warning says so).</summary>
    public bool R2StarKindMismatch { get; init; }

    /// <summary>For <see cref="LicOutcome.BeyondMeasurableRange"/>: the reason, with the field strength; otherwise null.</summary>
    public string? BeyondMeasurableRange { get; init; }

    /// <summary>The 95 % interval, P(LIC &gt; 3/7/15 mg/g) and each uncertainty component (<see cref="LicUncertainty"/>), or null when not computed.</summary>
    public LicInterval? Interval { get; init; }
}
