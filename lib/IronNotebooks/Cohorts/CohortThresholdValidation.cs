namespace IronNotebooks.Cohorts;

/// <summary>One method against "reference &gt; threshold": ROC (censored outcomes ranked highest), cut-offs and the
/// diagnostic table of the method's own LIC &gt; threshold, with Clopper–Pearson exact intervals.</summary>
public sealed record CohortThresholdValidation
{
    /// <summary>The threshold on the reference, µmol/g.</summary>
    public required double ThresholdUmolPerGram { get; init; }

    /// <summary>Exams with a reference above the threshold / at or below it.</summary>
    public required int Positives { get; init; }

    /// <summary>Exams with a reference at or below the threshold.</summary>
    public required int Negatives { get; init; }

    /// <summary>AUC (null when one class is empty), its DeLong 95 % interval.</summary>
    public double? Auc { get; init; }

    /// <summary>DeLong 95 % lower limit.</summary>
    public double? AucCiLow { get; init; }

    /// <summary>DeLong 95 % upper limit.</summary>
    public double? AucCiHigh { get; init; }

    /// <summary>Youden cut-off on the method's LIC, µmol/g (null when it falls on a censored outcome).</summary>
    public double? YoudenCutoffUmolPerGram { get; init; }

    /// <summary>Sensitivity at the Youden cut-off.</summary>
    public double? YoudenSensitivity { get; init; }

    /// <summary>Specificity at the Youden cut-off.</summary>
    public double? YoudenSpecificity { get; init; }

    /// <summary>Most sensitive cut-off with PPV 100 %, µmol/g, or null.</summary>
    public double? Ppv100CutoffUmolPerGram { get; init; }

    /// <summary>Most specific cut-off with NPV 100 %, µmol/g, or null.</summary>
    public double? Npv100CutoffUmolPerGram { get; init; }

    /// <summary>Sensitivity of "method LIC &gt; threshold" (censored counted positive).</summary>
    public double? Sensitivity { get; init; }

    /// <summary>Clopper–Pearson 95 % lower limit of the sensitivity.</summary>
    public double? SensitivityCiLow { get; init; }

    /// <summary>Clopper–Pearson 95 % upper limit of the sensitivity.</summary>
    public double? SensitivityCiHigh { get; init; }

    /// <summary>Specificity of "method LIC &gt; threshold".</summary>
    public double? Specificity { get; init; }

    /// <summary>Clopper–Pearson 95 % lower limit of the specificity.</summary>
    public double? SpecificityCiLow { get; init; }

    /// <summary>Clopper–Pearson 95 % upper limit of the specificity.</summary>
    public double? SpecificityCiHigh { get; init; }

    /// <summary>Why a statistic is missing (one class empty, too few exams).</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
