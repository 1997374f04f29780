namespace IronNotebooks.Statistics;

/// <summary>
/// The scores between the rule-out (NPV = 100 %) and rule-in (PPV = 100 %) cut-offs: in this sample every subject
/// outside the band is classified correctly, and those inside need another test (biopsy, a second sequence).
/// </summary>
/// <param name="RuleOutThreshold">The NPV = 100 % cut-off (scores on the negative side of it are ruled out).</param>
/// <param name="RuleInThreshold">The PPV = 100 % cut-off (scores on the positive side of it, inclusive, are ruled in).</param>
/// <param name="Count">Subjects in the band.</param>
/// <param name="PositiveCount">Cases in the band.</param>
/// <param name="NegativeCount">Controls in the band.</param>
/// <param name="Fraction">Count / n.</param>
public sealed record UncertainBand(double RuleOutThreshold, double RuleInThreshold, int Count, int PositiveCount, int NegativeCount, double Fraction);
