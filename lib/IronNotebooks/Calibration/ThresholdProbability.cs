namespace IronNotebooks.Calibration;

/// <summary>The probability that the true LIC exceeds a clinical threshold, given the interval's normal model of the rate.</summary>
/// <param name="ThresholdMgPerGram">Threshold, mg Fe/g dry weight (3, 7, 15 by default).</param>
/// <param name="ThresholdUmolPerGram">The same threshold, µmol/g.</param>
/// <param name="Probability">P(LIC &gt; threshold), 0–1.</param>
public sealed record ThresholdProbability(double ThresholdMgPerGram, double ThresholdUmolPerGram, double Probability);
