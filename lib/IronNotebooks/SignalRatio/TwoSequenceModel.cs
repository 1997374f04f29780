using System.Globalization;
using IronNotebooks.Calibration;

namespace IronNotebooks.SignalRatio;

/// <summary>
/// The two-sequence model of Alústiza et al. (Radiology 2004;230:479–84; docs/methods.md §2.2, [SEED]):
/// LIC (µmol/g) = exp(5.808 − 0.877·T2 − 1.518·IW), with IW = L/M on 120/4/20° and T2 = L/M on 120/14/20° at 1.5 T.
/// (The founding review prints it with ambiguous brackets; this is the only reading that gives normal values for normal
/// ratios and agrees with the SEDIA phantom.) High-overload cut-offs: &gt; 85 µmol/g rules high overload in (PPV 100 %,
/// sensitivity 86 %); &lt; 40 rules it out (NPV 100 %, specificity 75 %). Derived on 112 patients with LIC &lt; 391 µmol/g.
/// </summary>
public static class TwoSequenceModel
{
    /// <summary>Intercept of ln LIC (LIC in µmol/g).</summary>
    public const double Intercept = 5.808;

    /// <summary>Coefficient of the T2 (120/14/20°) ratio.</summary>
    public const double T2Coefficient = 0.877;

    /// <summary>Coefficient of the IW (120/4/20°) ratio.</summary>
    public const double IwCoefficient = 1.518;

    /// <summary>Below this LIC high overload is ruled out (NPV 100 %, specificity 75 %), µmol/g.</summary>
    public const double RuleOutBelowUmolPerGram = 40;

    /// <summary>Above this LIC high overload is ruled in (PPV 100 %, sensitivity 86 %), µmol/g.</summary>
    public const double RuleInAboveUmolPerGram = 85;

    /// <summary>Upper end of the biopsy LIC in the derivation cohort (112 patients, LIC &lt; 391 µmol/g).</summary>
    public const double CohortMaximumUmolPerGram = 391;

    /// <summary>"high overload" in the SIR papers: biopsy &gt; 80 µmol/g (docs/methods.md §1).</summary>
    private const string HighOverload = "high overload (biopsy > 80 µmol/g)";

    private const string Citation = "Alústiza et al., Radiology 2004;230:479–84 (as given by Castiella et al., Imaging Med 2013;5(6) [SEED])";

    /// <summary>The formula: LIC from the IW and T2 ratios.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A ratio that is not finite or not above 0.</exception>
    public static LiverIronConcentration Lic(double iwRatio, double t2Ratio) =>
        LiverIronConcentration.FromUmolPerGram(Math.Exp(Intercept - T2Coefficient * Guard.Positive(t2Ratio) - IwCoefficient * Guard.Positive(iwRatio)));

    /// <summary>The published decision on high overload for an LIC from this model: ruled out (&lt; 40), ruled in (&gt; 85), or uncertain (40–85 inclusive).</summary>
    public static SirDecision Decide(LiverIronConcentration lic)
    {
        double u = lic.UmolPerGram;
        string applied = string.Create(CultureInfo.InvariantCulture, $"LIC {u:0.#} µmol/g from the two-sequence formula (published)");
        const string rule = "Two-sequence cut-offs 40 / 85 µmol/g";
        if (u < RuleOutBelowUmolPerGram)
            return new SirDecision(rule, "ruled-out", $"{HighOverload} ruled out: NPV 100 %, specificity 75 % in the derivation study.", Citation, applied);
        if (u > RuleInAboveUmolPerGram)
            return new SirDecision(rule, "ruled-in", $"{HighOverload} ruled in: PPV 100 %, sensitivity 86 % in the derivation study.", Citation, applied);
        return new SirDecision(rule, "uncertain", $"between the cut-offs: neither rules {HighOverload} in nor out; biopsy or relaxometry decides.", Citation, applied);
    }

    /// <summary>
    /// The estimate from the IW and T2 ratios of one exam, with its decision and warnings (field other than 1.5 T;
    /// LIC above the derivation cohort's 391 µmol/g).
    /// </summary>
    /// <exception cref="SignalRatioException">A sequence missing, unknown or given twice.</exception>
    public static SirEstimate Estimate(IReadOnlyList<LiverMuscleRatio> ratios, double fieldStrengthT = 1.5)
    {
        var protocol = SirProtocols.Alustiza2004;
        var r = SirRatioInput.Require(protocol, ratios, ["IW", "T2"]);
        Guard.InRange(fieldStrengthT, 0.1, 11.7);
        var warnings = new List<string>(r.Values.SelectMany(v => v.Warnings));
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        if (Math.Abs(fieldStrengthT - protocol.FieldStrengthT) > 0.15)
            warnings.Add(F($"The two-sequence formula was derived at 1.5 T; this exam is at {fieldStrengthT} T, where the same ratios mean a different LIC. Do not use the value clinically."));
        var lic = Lic(r["IW"].Ratio, r["T2"].Ratio);
        if (lic.UmolPerGram > CohortMaximumUmolPerGram)
            warnings.Add(F($"LIC {lic.UmolPerGram:0} µmol/g is above the derivation cohort's range (< {CohortMaximumUmolPerGram} µmol/g): an extrapolation."));
        return new SirEstimate(protocol.Name, "Alústiza 2004 two-sequence formula", SirMethodStatus.Published, protocol.StatusNote,
            F($"LIC (µmol/g) = exp({Intercept} − {T2Coefficient}·T2 − {IwCoefficient}·IW) with IW = {r["IW"].Ratio:0.###}, T2 = {r["T2"].Ratio:0.###}"),
            protocol.Citation, fieldStrengthT, lic, false, null, null, null, [Decide(lic)], [r["IW"], r["T2"]], null, warnings);
    }
}
