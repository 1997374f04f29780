using System.Globalization;
using IronNotebooks.Calibration;

namespace IronNotebooks.Simulation;

/// <summary>
/// Liver R2* and R2 of a virtual patient from its LIC, by inverting a named calibration of
/// <see cref="RelaxometryCalibrations"/>, so that a fit of the simulated images followed by the same calibration
/// returns the LIC the patient was made with (up to noise). R2* calibrations are inverted numerically (bisection, to
/// 1e-9 s⁻¹) because their published forms run from rate to LIC; R2 uses the published forward St Pierre curve.
/// </summary>
public static class LiverIronModel
{
    /// <summary>The default R2* calibration: Wood 2005 at 1.5 T (the one with a stated validity range).</summary>
    public const string DefaultR2StarCalibration = "wood2005";

    /// <summary>
    /// The name of the reconstruction used at fields other than the calibration's and Storey's 1.5/3 T pair: the liver's
    /// R2 is held and its reversible part R2′ = R2* − R2 scales with B0 (static dephasing). Not a published conversion.
    /// </summary>
    public const string LinearR2PrimeRule = "reconstruction: R2′ ∝ B0 from the 1.5 T value (not published)";

    /// <summary>Liver R2* and R2 for <paramref name="lic"/> at <paramref name="fieldT"/>.</summary>
    /// <param name="lic">True LIC, 0.2–50 mg/g.</param>
    /// <param name="fieldT">Scan field, 0.2–3.5 T.</param>
    /// <param name="r2StarCalibration">An R2* calibration name (default <see cref="DefaultR2StarCalibration"/>).</param>
    /// <exception cref="ArgumentException">LIC or field out of range, an unknown or R2 calibration, or an LIC the calibration maps to R2* ≤ 0.</exception>
    public static LiverRelaxationTruth FromLic(LiverIronConcentration lic, double fieldT, string r2StarCalibration = DefaultR2StarCalibration)
    {
        Guard.InRange(lic.MgPerGram, 0.2, 50, nameof(lic));
        Guard.InRange(fieldT, 0.2, 3.5);
        var calibration = RelaxometryCalibrations.Get(r2StarCalibration);
        if (calibration.Quantity != RelaxationQuantity.R2Star)
            throw new ArgumentException($"{calibration.Name} is an R2 calibration; give an R2* calibration (R2 always follows stpierre2005).", nameof(r2StarCalibration));
        var warnings = new List<string>();
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

        double atCalibrationField = InvertR2Star(calibration, lic.MgPerGram);
        if (atCalibrationField <= 0)
            throw new ArgumentException(F($"{calibration.Name} maps LIC {lic.MgPerGram:G4} mg/g to R2* {atCalibrationField:G4} s⁻¹ (≤ 0): below the calibration's meaningful range; simulate a higher LIC."), nameof(lic));
        if ((calibration.ValidityMinMgPerGram is double lo && lic.MgPerGram < lo) || (calibration.ValidityMaxMgPerGram is double hi && lic.MgPerGram > hi))
            warnings.Add(F($"LIC {lic.MgPerGram:G4} mg/g is outside {calibration.Name}'s validity range {calibration.ValidityRange}: R2* is the formula extended, not a calibrated value."));

        double r2 = RelaxometryCalibrations.StPierre2005ForwardR2PerSecond(lic);
        if (Math.Abs(fieldT - 1.5) > 0.05)
            warnings.Add(F($"Liver R2 from the 1.5 T St Pierre curve, assumed field-independent at {fieldT} T."));

        double r2Star;
        string rule;
        var status = ValueStatus.Published;
        var storey = FieldStrengthScalings.Storey2007Liver;
        if (Math.Abs(fieldT - calibration.FieldStrengthT) <= 0.05)
        {
            r2Star = atCalibrationField;
            rule = "calibration field";
        }
        else
        {
            // R2* at 1.5 T first: directly, or back from 3 T along Storey's published line.
            double at15;
            if (Math.Abs(calibration.FieldStrengthT - 1.5) <= 0.05) at15 = atCalibrationField;
            else if (Math.Abs(calibration.FieldStrengthT - 3.0) <= 0.05) at15 = storey.ToLowField(atCalibrationField);
            else throw new ArgumentException(F($"{calibration.Name} ({calibration.FieldStrengthT} T) can only be used at its own field; simulate at {calibration.FieldStrengthT} T or use a 1.5 T or 3 T calibration."), nameof(r2StarCalibration));
            if (Math.Abs(fieldT - 3.0) <= 0.05)
            {
                r2Star = storey.ToHighField(at15);
                rule = storey.Name;
            }
            else if (Math.Abs(fieldT - 1.5) <= 0.05)
            {
                r2Star = at15;
                rule = storey.Name + " (inverse)";
            }
            else
            {
                double r2Prime = Math.Max(0, at15 - r2);
                r2Star = r2 + r2Prime * fieldT / 1.5;
                rule = LinearR2PrimeRule;
                status = ValueStatus.Reconstruction;
                warnings.Add(F($"No published liver R2* calibration or scaling at {fieldT} T: R2* {r2Star:G4} s⁻¹ comes from the named reconstruction ({LinearR2PrimeRule})."));
            }
        }
        if (r2Star < r2)
        {
            warnings.Add(F($"The St Pierre R2 ({r2:G4} s⁻¹) exceeds the R2* ({r2Star:G4} s⁻¹) from {calibration.Name} at this low LIC (two population regressions crossing); R2 is capped at R2* because R2* ≥ R2 physically."));
            r2 = r2Star;
        }
        return new LiverRelaxationTruth(lic, fieldT, r2Star, r2, calibration.Name, RelaxometryCalibrations.StPierre2005.Name, rule, status, warnings);
    }

    /// <summary>The R2* (s⁻¹) at which <paramref name="calibration"/> gives <paramref name="licMgPerGram"/>, by bisection on 0–20,000 s⁻¹.</summary>
    /// <exception cref="ArgumentException">The calibration does not reach that LIC in the search range.</exception>
    internal static double InvertR2Star(RelaxometryCalibration calibration, double licMgPerGram)
    {
        // Garbowski's power law is undefined below 0; the linear ones may need a negative R2* (reported by the caller).
        double lo = calibration.Name == RelaxometryCalibrations.Garbowski2014.Name ? 1e-9 : -200, hi = 20_000;
        double fLo = calibration.ToMgPerGram(lo), fHi = calibration.ToMgPerGram(hi);
        if (!(licMgPerGram >= fLo && licMgPerGram <= fHi))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{calibration.Name} does not reach LIC {licMgPerGram:G4} mg/g between R2* {lo} and {hi} s⁻¹."), nameof(licMgPerGram));
        for (int i = 0; i < 200 && hi - lo > 1e-9; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (calibration.ToMgPerGram(mid) < licMgPerGram) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}
