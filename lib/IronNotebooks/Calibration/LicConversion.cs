using System.Globalization;
using IronNotebooks.Relaxometry;

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
    /// <param name="ratePerSecond">R2* or R2 (as the calibration expects), s⁻¹, within <see cref="PlausibleRange.RatePerSecond"/> (0–3,000).</param>
    /// <param name="measuredFieldT">Field strength of the scan, tesla (<see cref="PlausibleRange.FieldStrengthT"/>: 0.2–7).</param>
    /// <param name="calibration">The calibration.</param>
    /// <param name="scaling">Optional explicit field conversion of R2* from the measured field to the calibration's (e.g. Storey 2007 liver).</param>
    /// <exception cref="IronNotebooksException">A rate outside 0–3,000 s⁻¹ or a field outside 0.2–7 T (<see cref="PlausibleRange"/>).</exception>
    /// <exception cref="ArgumentException">A scaling that does not connect the two fields.</exception>
    public static LicEstimate FromRate(double ratePerSecond, double measuredFieldT, RelaxometryCalibration calibration, FieldStrengthScaling? scaling = null)
    {
        PlausibleRange.RatePerSecond(ratePerSecond, nameof(ratePerSecond));
        PlausibleRange.FieldStrengthT(measuredFieldT, nameof(measuredFieldT));
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
            calibration.StatusNote, scaling is not null && !sameField ? scaling.Name : null, warnings)
        {
            Outcome = lic is null ? LicOutcome.NoValue : LicOutcome.Estimated,
        };
    }

    /// <summary>
    /// LIC from a rate measured with a known echo train: as <see cref="FromRate(double, double, RelaxometryCalibration, FieldStrengthScaling?)"/>,
    /// but when T2* = 1000/rate is shorter than <paramref name="firstEchoTimeMs"/> or fewer than three echoes were above
    /// noise, the result has no number and <see cref="LicOutcome.BeyondMeasurableRange"/> (docs/methods.md §3: at 3 T severe
    /// overload shortens T2* below the shortest echo; the rule is applied at every field).
    /// </summary>
    /// <param name="ratePerSecond">R2*, s⁻¹.</param>
    /// <param name="measuredFieldT">Field strength of the scan, tesla.</param>
    /// <param name="calibration">The calibration.</param>
    /// <param name="firstEchoTimeMs">First echo time of the train the rate was measured with, ms (&gt; 0), or null.</param>
    /// <param name="echoesAboveNoise">Echoes at or above k·σ, or null when unknown.</param>
    /// <param name="scaling">Optional explicit field conversion.</param>
    /// <exception cref="ArgumentException">As the other overload; a first TE that is not a positive finite number; a negative echo count.</exception>
    public static LicEstimate FromRate(double ratePerSecond, double measuredFieldT, RelaxometryCalibration calibration, double? firstEchoTimeMs,
        int? echoesAboveNoise, FieldStrengthScaling? scaling = null)
    {
        if (firstEchoTimeMs is double te) Guard.InRange(te, 1e-6, 1e4, nameof(firstEchoTimeMs));
        if (echoesAboveNoise is int n) Guard.InRange(n, 0, 100_000, nameof(echoesAboveNoise));
        PlausibleRange.FieldStrengthT(measuredFieldT, nameof(measuredFieldT));
        string? beyond = MeasurableRange.Check(PlausibleRange.RatePerSecond(ratePerSecond, nameof(ratePerSecond)), firstEchoTimeMs, echoesAboveNoise, null, measuredFieldT);
        return beyond is null ? FromRate(ratePerSecond, measuredFieldT, calibration, scaling) : Beyond(ratePerSecond, measuredFieldT, calibration, beyond);
    }

    /// <summary>
    /// LIC from a decay fit: no number when the fit is beyond the measurable range (<see cref="DecayFitResult.BeyondMeasurableRange"/>:
    /// T2* shorter than the first echo, fewer than three echoes above noise, a fit running off to infinite R2*) —
    /// <see cref="LicOutcome.BeyondMeasurableRange"/> with the reason and field — or when the fit has no usable rate
    /// (<see cref="LicOutcome.NoValue"/>). Otherwise as <see cref="FromRate(double, double, RelaxometryCalibration, FieldStrengthScaling?)"/>
    /// on the fitted R2*, with the fit's warnings added.
    /// </summary>
    /// <exception cref="ArgumentException">Implausible field, or a scaling that does not connect the fields.</exception>
    public static LicEstimate FromFit(DecayFitResult fit, double measuredFieldT, RelaxometryCalibration calibration, FieldStrengthScaling? scaling = null)
    {
        Guard.NotNull(fit);
        Guard.NotNull(calibration);
        PlausibleRange.FieldStrengthT(measuredFieldT, nameof(measuredFieldT));
        if (fit.IsBeyondMeasurableRange)
        {
            // Recompute the wording with the field (the fit does not know it).
            string reason = MeasurableRange.Check(double.IsNaN(fit.R2StarPerSecond) ? double.PositiveInfinity : fit.R2StarPerSecond, fit.FirstEchoTimeMs,
                fit.EchoesAboveNoise, null, measuredFieldT) ?? fit.BeyondMeasurableRange!;
            return Beyond(fit.R2StarPerSecond, measuredFieldT, calibration, reason);
        }
        if (!fit.IsUsable)
            return new LicEstimate(null, fit.R2StarPerSecond, fit.R2StarPerSecond, calibration.Quantity, measuredFieldT, calibration.Name, calibration.Title,
                calibration.FieldStrengthT, calibration.Formula, calibration.Citation, calibration.ValidityRange, calibration.Status, calibration.StatusNote,
                null, [$"No LIC: the {fit.Model} fit gave no usable R2* ({fit.Status}: {fit.ExitReason}).", .. fit.Warnings])
            { Outcome = LicOutcome.NoValue };
        var e = WithKind(FromRate(fit.R2StarPerSecond, measuredFieldT, calibration, scaling), calibration, R2StarKind.WaterOnly);
        return e with { Warnings = [.. e.Warnings, .. fit.Warnings.Select(w => $"fit: {w}")] };
    }

    /// <summary>
    /// LIC from a rate whose kind is known (docs/methods.md §6): as <see cref="FromRate(double, double, RelaxometryCalibration, FieldStrengthScaling?)"/>,
    /// plus a warning and <see cref="LicEstimate.R2StarKindMismatch"/> when the calibration was derived on the other kind
    /// (e.g. a water-only R2* through the CC-R2* Hernando calibration: wrong exactly in livers with fat and iron).
    /// </summary>
    /// <exception cref="ArgumentException">As the other overload.</exception>
    public static LicEstimate FromRate(double ratePerSecond, double measuredFieldT, RelaxometryCalibration calibration, R2StarKind measuredKind,
        FieldStrengthScaling? scaling = null) =>
        WithKind(FromRate(ratePerSecond, measuredFieldT, calibration, scaling), calibration, measuredKind);

    /// <summary>
    /// LIC from a fat–water fit's confounder-corrected R2*: no number when the fit is unusable; otherwise as
    /// <see cref="FromRate(double, double, RelaxometryCalibration, R2StarKind, FieldStrengthScaling?)"/> with kind CC-R2*, the
    /// fit's warnings added, and T2* shorter than the first echo reported as beyond the measurable range.
    /// </summary>
    /// <exception cref="ArgumentException">Implausible field, or a scaling that does not connect the fields.</exception>
    public static LicEstimate FromFatWater(FatWater.FatWaterFitResult fit, RelaxometryCalibration calibration, FieldStrengthScaling? scaling = null)
    {
        Guard.NotNull(fit);
        Guard.NotNull(calibration);
        if (!fit.IsUsable || !double.IsFinite(fit.R2StarPerSecond))
            return new LicEstimate(null, fit.R2StarPerSecond, fit.R2StarPerSecond, calibration.Quantity, fit.FieldStrengthT, calibration.Name, calibration.Title,
                calibration.FieldStrengthT, calibration.Formula, calibration.Citation, calibration.ValidityRange, calibration.Status, calibration.StatusNote,
                null, [$"No LIC: the fat–water fit gave no usable R2* ({fit.Status}).", .. fit.Warnings])
            { Outcome = LicOutcome.NoValue, MeasuredR2StarKind = R2StarKind.ConfounderCorrected };
        var e = FromRate(fit.R2StarPerSecond, fit.FieldStrengthT, calibration, fit.EchoTimesMs[0], null, scaling);
        e = e.Outcome == LicOutcome.BeyondMeasurableRange ? e with { MeasuredR2StarKind = R2StarKind.ConfounderCorrected } : WithKind(e, calibration, R2StarKind.ConfounderCorrected);
        return e with { Warnings = [.. e.Warnings, .. fit.Warnings.Select(w => $"fat–water fit: {w}")] };
    }

    private static LicEstimate WithKind(LicEstimate e, RelaxometryCalibration calibration, R2StarKind kind)
    {
        if (calibration.ExpectedR2StarKind is not R2StarKind expected || expected == kind) return e with { MeasuredR2StarKind = kind };
        string warning = expected == R2StarKind.ConfounderCorrected
            ? $"R2* kind mismatch: {calibration.Name} was derived on confounder-corrected R2* (CC-R2*, fat modelled); this R2* is water-only. "
              + "In a fatty liver the water-only R2* is wrong (in/opposed-phase oscillation); fit the series with the fat–water model (fit --model fatwater)."
            : $"R2* kind mismatch: {calibration.Name} was derived on water-only R2*; this is a confounder-corrected R2* (fat modelled). "
              + "The two agree in livers without fat; with fat, use a CC-R2* calibration (hernando-*).";
        return e with { MeasuredR2StarKind = kind, R2StarKindMismatch = true, Warnings = [.. e.Warnings, warning] };
    }

    private static LicEstimate Beyond(double ratePerSecond, double fieldT, RelaxometryCalibration calibration, string reason) =>
        new(null, ratePerSecond, ratePerSecond, calibration.Quantity, fieldT, calibration.Name, calibration.Title, calibration.FieldStrengthT,
            calibration.Formula, calibration.Citation, calibration.ValidityRange, calibration.Status, calibration.StatusNote, null, [reason])
        {
            Outcome = LicOutcome.BeyondMeasurableRange,
            BeyondMeasurableRange = reason,
        };
}
