namespace IronNotebooks.Statistics;

/// <summary>Which end of the score indicates disease.</summary>
public enum RocDirection
{
    /// <summary>
    /// Higher scores are positive (R2*, LIC): a subject is called positive when score ≥ threshold (pROC
    /// <c>direction = "&lt;"</c>, controls &lt; cases).
    /// </summary>
    HigherIsPositive,

    /// <summary>
    /// Lower scores are positive (T2*, signal-intensity ratio): positive when score ≤ threshold (pROC
    /// <c>direction = "&gt;"</c>).
    /// </summary>
    LowerIsPositive,

    /// <summary>
    /// Chosen from the data as pROC's "auto" does: higher-is-positive when median(controls) ≤ median(cases). This
    /// looks at the outcome, so it biases the AUC upward in small samples; fix the direction in the protocol instead
    /// where possible. The resolved direction and a warning are recorded in the result.
    /// </summary>
    Auto,
}
