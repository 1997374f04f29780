namespace IronNotebooks.Cohorts;

/// <summary>One method (method/model/calibration) of a cohort against the reference column.</summary>
public sealed record CohortMethodValidation
{
    /// <summary>"method/model/calibration".</summary>
    public required string Key { get; init; }

    /// <summary>Exams with a reference value and a usable outcome (estimated or censored).</summary>
    public required int N { get; init; }

    /// <summary>Of <see cref="N"/>: aboveRange or beyondMeasurableRange outcomes (censored high: ranked highest, highest class,
    /// excluded where a number is needed).</summary>
    public required int Censored { get; init; }

    /// <summary>Exams where the method failed (not in any statistic).</summary>
    public required int Failed { get; init; }

    /// <summary>Exams without a reference value.</summary>
    public required int NoReference { get; init; }

    /// <summary>Per threshold.</summary>
    public required IReadOnlyList<CohortThresholdValidation> Thresholds { get; init; }

    /// <summary>Mean of method − reference over estimated exams, µmol/g.</summary>
    public double? MeanErrorUmolPerGram { get; init; }

    /// <summary>Root-mean-square of method − reference, µmol/g.</summary>
    public double? RmsErrorUmolPerGram { get; init; }

    /// <summary>Median of |method − reference| / reference, %.</summary>
    public double? MedianAbsoluteErrorPercent { get; init; }

    /// <summary>Bland–Altman on the log-ratio scale (method vs reference): bias as a ratio (geometric mean of method/reference).</summary>
    public double? BlandAltmanRatio { get; init; }

    /// <summary>Lower 95 % limit of agreement as a ratio.</summary>
    public double? BlandAltmanRatioLow { get; init; }

    /// <summary>Upper 95 % limit of agreement as a ratio.</summary>
    public double? BlandAltmanRatioHigh { get; init; }

    /// <summary>Deming slope (method on reference, error ratio 1).</summary>
    public double? DemingSlope { get; init; }

    /// <summary>Deming intercept, µmol/g.</summary>
    public double? DemingInterceptUmolPerGram { get; init; }

    /// <summary>Passing–Bablok slope.</summary>
    public double? PassingBablokSlope { get; init; }

    /// <summary>Passing–Bablok intercept, µmol/g.</summary>
    public double? PassingBablokInterceptUmolPerGram { get; init; }

    /// <summary>Linear-weighted kappa between the method's class and the reference class (censored → highest class).</summary>
    public double? WeightedKappa { get; init; }

    /// <summary>95 % lower limit of the weighted kappa.</summary>
    public double? WeightedKappaCiLow { get; init; }

    /// <summary>95 % upper limit of the weighted kappa.</summary>
    public double? WeightedKappaCiHigh { get; init; }

    /// <summary>Why a statistic is missing.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
