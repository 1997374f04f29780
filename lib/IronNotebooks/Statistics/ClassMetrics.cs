namespace IronNotebooks.Statistics;

/// <summary>Per-class accuracy in a k-class confusion matrix (rows = reference, columns = prediction).</summary>
/// <param name="Label">The class.</param>
/// <param name="ReferenceCount">Subjects whose reference class this is (the row total).</param>
/// <param name="PredictedCount">Subjects predicted as this class (the column total).</param>
/// <param name="Recall">Sensitivity for this class, diagonal / row total, or null when the row is empty.</param>
/// <param name="Precision">PPV for this class, diagonal / column total, or null when the column is empty.</param>
public sealed record ClassMetrics(string Label, int ReferenceCount, int PredictedCount, ProportionEstimate? Recall, ProportionEstimate? Precision);
