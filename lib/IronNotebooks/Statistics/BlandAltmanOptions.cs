namespace IronNotebooks.Statistics;

/// <summary>Options of <see cref="BlandAltman"/>; change with <c>with</c>.</summary>
public sealed record BlandAltmanOptions
{
    /// <summary>Plain differences, limits d̄ ± 1.96 s, 95 % intervals by Bland &amp; Altman 1999.</summary>
    public static BlandAltmanOptions Default { get; } = new();

    /// <summary>The log-ratio scale for proportional error.</summary>
    public static BlandAltmanOptions LogRatio { get; } = new() { Scale = BlandAltmanScales.LogRatio };

    /// <summary>Difference scale (<see cref="BlandAltmanScales"/>). Default plain differences.</summary>
    public BlandAltmanScale Scale { get; init; } = BlandAltmanScales.Difference;

    /// <summary>Level of the intervals of the bias and of each limit, in [0.5, 1). Default 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// z in the limits d̄ ± z·s. Default 1.96 as Bland &amp; Altman print (1.959964 is the exact 95 % normal quantile;
    /// the difference is 0.0002·s).
    /// </summary>
    public double LimitMultiplier { get; init; } = 1.96;

    /// <summary>Standard error of the limits. Default <see cref="LimitsOfAgreementCiMethod.BlandAltman1999"/>.</summary>
    public LimitsOfAgreementCiMethod LimitCiMethod { get; init; } = LimitsOfAgreementCiMethod.BlandAltman1999;
}
