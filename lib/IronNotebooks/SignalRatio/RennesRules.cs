using System.Globalization;
using IronNotebooks.Calibration;

namespace IronNotebooks.SignalRatio;

/// <summary>
/// The published decision rules of the Rennes method (Gandon et al., Lancet 2004;363:357–62 [V]; Spanish validation,
/// 171 patients, as given by the founding review [SEED]; docs/methods.md §2.1). These rules are published; the worksheet that
/// turns ratios into LIC is not, so bands applied to a reconstructed LIC say so.
/// </summary>
public static class RennesRules
{
    /// <summary>L/M below this on the most T2-weighted sequence detects LIC &gt; 60 µmol/g (sensitivity 89 %, specificity 80 %, validation group).</summary>
    public const double MostT2WeightedThreshold = 0.88;

    /// <summary>L/M below this on the other sequences is highly specific for overload (&gt; 87 %).</summary>
    public const double OtherSequenceThreshold = 1.0;

    /// <summary>Rennes LIC below this: high overload ruled out (NPV 100 %, specificity 75 %), µmol/g.</summary>
    public const double LowBandBelowUmolPerGram = 60;

    /// <summary>Rennes LIC above this: high overload ruled in (PPV 100 %, sensitivity 69 %), µmol/g.</summary>
    public const double HighBandAboveUmolPerGram = 170;

    /// <summary>Upper limit of the Rennes method, ≈ 350 µmol/g [SEED, V]: reported as "above range".</summary>
    public const double CeilingUmolPerGram = 350;

    /// <summary>Above this Rennes estimate the Lille add-on sequence is indicated (Rose 2006 [V]), µmol/g.</summary>
    public const double LilleIndicationUmolPerGram = 300;

    /// <summary>The text every Lille recommendation starts with.</summary>
    public const string LilleRecommendation = "Add the Lille sequence";

    private const string GandonCitation = "Gandon et al., Lancet 2004;363:357–62";
    private const string SpanishCitation = "Rennes validation, 171 patients, 3 centres (Castiella et al., Imaging Med 2013;5(6) [SEED])";

    /// <summary>
    /// The ratio rules: L/M &lt; 0.88 on the most T2-weighted sequence (positive: LIC &gt; 60 µmol/g likely), and L/M &lt; 1
    /// on each other sequence (positive: highly specific for overload).
    /// </summary>
    public static IReadOnlyList<SirDecision> RatioRules(SirProtocol protocol, IReadOnlyDictionary<string, LiverMuscleRatio> ratios)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(ratios);
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        var decisions = new List<SirDecision>();
        if (protocol.MostT2WeightedSequence is { } t2w && ratios.TryGetValue(t2w, out var main))
        {
            bool positive = main.Ratio < MostT2WeightedThreshold;
            decisions.Add(new SirDecision(F($"Rennes: L/M < {MostT2WeightedThreshold} on {t2w} (most T2-weighted)"), positive ? "positive" : "negative",
                positive ? "LIC > 60 µmol/g likely: the rule detected it with sensitivity 89 %, specificity 80 % (validation group, 35 patients)."
                         : "LIC > 60 µmol/g not detected by this rule (sensitivity 89 %: 11 % of such patients are missed).",
                GandonCitation, F($"{t2w} L/M = {main.Ratio:0.###} (measured)")));
        }
        var below = ratios.Values.Where(r => r.Sequence != protocol.MostT2WeightedSequence && r.Ratio < OtherSequenceThreshold).Select(r => r.Sequence).ToList();
        var others = ratios.Values.Where(r => r.Sequence != protocol.MostT2WeightedSequence).ToList();
        if (others.Count > 0)
            decisions.Add(new SirDecision(F($"Rennes: L/M < {OtherSequenceThreshold} on the other sequences"), below.Count > 0 ? "positive" : "negative",
                below.Count > 0 ? $"L/M < 1 on {string.Join(", ", below)}: highly specific for overload (specificity > 87 %)."
                                : "L/M ≥ 1 on every other sequence.",
                GandonCitation, string.Join(", ", others.Select(r => r.ToString()))));
        return decisions;
    }

    /// <summary>
    /// The validated three-band decision on a Rennes LIC: &lt; 60 (high overload ruled out), 60–170 inclusive
    /// (uncertain), &gt; 170 (ruled in); above ≈ 350 µmol/g reported as above the method's range.
    /// </summary>
    /// <param name="lic">The LIC.</param>
    /// <param name="source">Where the LIC comes from; bands were validated on the official worksheet, so anything else is said.</param>
    public static SirDecision Band(LiverIronConcentration lic, SirMethodStatus source)
    {
        double u = lic.UmolPerGram;
        string applied = string.Create(CultureInfo.InvariantCulture, $"LIC {u:0.#} µmol/g ") + source switch
        {
            SirMethodStatus.Reconstruction => "from the SIR→R2* reconstruction (the bands were validated on the official worksheet, not on this reconstruction)",
            SirMethodStatus.UserConstants => "from user-supplied constants",
            _ => "(published method)",
        };
        const string rule = "Rennes bands < 60 / 60–170 / > 170 µmol/g";
        if (u > CeilingUmolPerGram)
            return new SirDecision(rule, "above-range",
                "Above the Rennes method's range (≈ 350 µmol/g): high overload, amount not quantifiable by Rennes; add the Lille sequence or use R2*/R2 relaxometry.", SpanishCitation, applied);
        if (u > HighBandAboveUmolPerGram)
            return new SirDecision(rule, ">170", "High overload (> 80 µmol/g) ruled in: PPV 100 %, sensitivity 69 %.", SpanishCitation, applied);
        if (u < LowBandBelowUmolPerGram)
            return new SirDecision(rule, "<60", "High overload (> 80 µmol/g) ruled out: NPV 100 %, specificity 75 %.", SpanishCitation, applied);
        return new SirDecision(rule, "60–170",
            "Uncertain band: 44 of 171 patients (25.7 %) fell here, 12 of them normal and 8 with high overload; biopsy or relaxometry decides.", SpanishCitation, applied);
    }
}
