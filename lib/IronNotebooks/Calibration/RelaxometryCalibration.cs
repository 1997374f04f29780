namespace IronNotebooks.Calibration;

/// <summary>A published R2*→LIC or R2→LIC calibration; the entries live in <see cref="RelaxometryCalibrations"/>.</summary>
/// <param name="Name">Registry key, e.g. "wood2005".</param>
/// <param name="Title">Authors, year and field, for reports.</param>
/// <param name="Quantity">R2* or R2.</param>
/// <param name="FieldStrengthT">Field strength the calibration was derived at, tesla.</param>
/// <param name="Formula">The formula as published (LIC in mg/g dry weight, rates in s⁻¹).</param>
/// <param name="Citation">Journal reference and DOI where known.</param>
/// <param name="ValidityMinMgPerGram">Lower end of the stated validity range, mg/g, or null when not stated.</param>
/// <param name="ValidityMaxMgPerGram">Upper end, mg/g, or null when not stated.</param>
/// <param name="Status">Evidence status of the constants.</param>
/// <param name="StatusNote">The status as docs/methods.md gives it (e.g. "abstract [V], formula [S×4]").</param>
public sealed record RelaxometryCalibration(string Name, string Title, RelaxationQuantity Quantity, double FieldStrengthT, string Formula,
    string Citation, double? ValidityMinMgPerGram, double? ValidityMaxMgPerGram, EvidenceStatus Status, string StatusNote)
{
    internal Func<double, double> ToMgPerGram { get; init; } = _ => double.NaN;

    /// <summary>The kind of R2* the calibration was derived from (docs/methods.md §6): confounder-corrected for the Hernando
    /// multicentre entries, water-only for the single-exponential-era calibrations; null for R2 calibrations. Applying a
    /// calibration to the other kind is flagged by <see cref="LicConversion"/>.</summary>
    public R2StarKind? ExpectedR2StarKind { get; init; }

    /// <summary>"1.33–32.9 mg/g", or "not stated".</summary>
    public string ValidityRange => ValidityMinMgPerGram is null && ValidityMaxMgPerGram is null
        ? "not stated"
        : FormattableString.Invariant($"{ValidityMinMgPerGram}–{ValidityMaxMgPerGram} mg/g");

    /// <inheritdoc />
    public override string ToString() => Name;
}
