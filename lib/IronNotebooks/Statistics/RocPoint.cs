namespace IronNotebooks.Statistics;

/// <summary>One operating point of an empirical ROC curve.</summary>
/// <param name="Threshold">The cut-off on the score's own scale: a midpoint between two adjacent distinct scores, or
/// ±∞ at the ends (pROC's convention). Positive means score ≥ threshold when higher is positive, score ≤ threshold when
/// lower is positive.</param>
/// <param name="TruePositives">Cases called positive.</param>
/// <param name="FalsePositives">Controls called positive.</param>
/// <param name="TrueNegatives">Controls called negative.</param>
/// <param name="FalseNegatives">Cases called negative.</param>
public sealed record RocPoint(double Threshold, int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    /// <summary>TP / (TP + FN).</summary>
    public double Sensitivity => (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>TN / (TN + FP).</summary>
    public double Specificity => (double)TrueNegatives / (TrueNegatives + FalsePositives);

    /// <summary>Sensitivity + specificity − 1 (note that pROC's <c>youden</c> column is sensitivity + specificity).</summary>
    public double YoudenIndex => Sensitivity + Specificity - 1;

    /// <summary>TP / (TP + FP) at the sample prevalence, or null when no one is called positive.</summary>
    public double? Ppv => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TN / (TN + FN) at the sample prevalence, or null when no one is called negative.</summary>
    public double? Npv => TrueNegatives + FalseNegatives == 0 ? null : (double)TrueNegatives / (TrueNegatives + FalseNegatives);

    /// <summary>The full 2×2 table at this point, with intervals.</summary>
    public DiagnosticTable ToDiagnosticTable(double confidenceLevel = 0.95) =>
        DiagnosticTable.FromCounts(TruePositives, FalsePositives, FalseNegatives, TrueNegatives, confidenceLevel);
}
