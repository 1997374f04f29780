namespace IronNotebooks.SignalRatio;

/// <summary>The outcome of one published decision rule (a cut-off on L/M or on LIC) with what the rule is known to achieve.</summary>
/// <param name="Rule">The rule, e.g. "Rennes: L/M &lt; 0.88 on T2++".</param>
/// <param name="Outcome">Short machine-friendly outcome: "positive", "negative", "ruled-out", "ruled-in", "uncertain", "&lt;60", "60–170", "&gt;170", "above-range".</param>
/// <param name="Meaning">What the outcome means for the patient, with the published accuracy.</param>
/// <param name="Citation">Source of the rule and its accuracy.</param>
/// <param name="AppliedTo">What the rule was applied to: a measured ratio, or an LIC and whether that LIC is published, reconstructed or from user constants.</param>
public sealed record SirDecision(string Rule, string Outcome, string Meaning, string Citation, string AppliedTo)
{
    /// <inheritdoc />
    public override string ToString() => $"{Rule}: {Outcome} — {Meaning}";
}
