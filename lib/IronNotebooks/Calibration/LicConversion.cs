using System.Globalization;

namespace IronNotebooks.Calibration;

/// <summary>
/// R2* or R2 → LIC through a calibration of <see cref="RelaxometryCalibrations"/>. Warns (never silently corrects) when
/// the measurement's field differs from the calibration's, when the result is outside the calibration's stated validity
/// range, and when a linear calibration goes negative. A field-strength scaling is applied only when passed explicitly,
/// and is then recorded in the result.
/// </summary>
public static class LicConversion
{
    /// <summary>Field strengths within this many tesla count as equal (2.89 T vs 3.0 T do not).</summary>
    public const double FieldToleranceT = 0.05;

    /// <summary>LIC from a relaxation rate.</summary>
    /// <param name="ratePerSecond">R2* or R2 (as the calibration expects), s⁻¹, finite.</param>
    /// <param name="measuredFieldT">Field strength of the scan, tesla (0.1–11.7).</param>
    /// <param name="calibration">The calibration.</param>
    /// <param name="scaling">Optional explicit field conversion of R2* from the measured field to the calibration's (e.g. Storey 2007 liver).</param>
    /// <exception cref="ArgumentException">Non-finite rate, implausible field, or a scaling that does not connect the two fields.</exception>
    public static LicEstimate FromRate(double ratePerSecond, double measuredFieldT, RelaxometryCalibration calibration, FieldStrengthScaling? scaling = null)
    {
        Guard.Finite(ratePerSecond);
        Guard.InRange(measuredFieldT, 0.1, 11.7);
        Guard.NotNull(calibration);
        var warnings = new List<string>();
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        double used = ratePerSecond;
        bool sameField = Math.Abs(measuredFieldT - calibration.FieldStrengthT) <= FieldToleranceT;
        if (scaling is not null && !sameField)
        {
            if (calibration.Quantity != RelaxationQuantity.R2Star)
                throw new ArgumentException($"{scaling.Name} scales R2*; {calibration.Name} is an R2 calibration.", nameof(scaling));
            used = scaling.Convert(ratePerSecond, measuredFieldT, calibration.FieldStrengthT);
            warnings.Add(F($"R2* converted from {measuredFieldT} T to {calibration.FieldStrengthT} T with {scaling.Name} ({ratePerSecond:G4} → {used:G4} s⁻¹); the conversion adds its own uncertainty."));
        }
        else if (!sameField)
            warnings.Add(F($"Field strength differs from the calibration's: measured at {measuredFieldT} T, {calibration.Name} was derived at {calibration.FieldStrengthT} T. R2* roughly doubles from 1.5 T to 3 T; use a calibration for {measuredFieldT} T or an explicit field-strength scaling."));
        if (ratePerSecond <= 0) warnings.Add("The rate is ≤ 0 s⁻¹: not a physiological relaxation rate.");
        double mg = calibration.ToMgPerGram(used);
        LiverIronConcentration? lic = null;
        if (!double.IsFinite(mg))
            warnings.Add(F($"{calibration.Name} gives no value for {used:G4} s⁻¹ (outside the domain of its formula: {calibration.Formula})."));
        else
        {
            lic = LiverIronConcentration.FromMgPerGram(mg);
            if (mg < 0) warnings.Add(F($"Negative LIC ({mg:G4} mg/g): the rate is below the range where the linear calibration is meaningful."));
            if ((calibration.ValidityMinMgPerGram is double lo && mg < lo) || (calibration.ValidityMaxMgPerGram is double hi && mg > hi))
                warnings.Add(F($"Outside the calibration's validity range: {mg:G4} mg/g is not within {calibration.ValidityRange}; the value is an extrapolation."));
            if (calibration.ValidityMinMgPerGram is null && calibration.ValidityMaxMgPerGram is null)
                warnings.Add($"{calibration.Name}: validity range not stated in the project's sources; check the original publication's range.");
        }
        return new LicEstimate(lic, ratePerSecond, used, calibration.Quantity, measuredFieldT, calibration.Name, calibration.Title,
            calibration.FieldStrengthT, calibration.Formula, calibration.Citation, calibration.ValidityRange, calibration.Status,
            calibration.StatusNote, scaling is not null && !sameField ? scaling.Name : null, warnings);
    }
}
