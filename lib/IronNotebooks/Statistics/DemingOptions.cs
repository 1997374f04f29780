namespace IronNotebooks.Statistics;

/// <summary>Options of <see cref="MethodComparison.Deming(IReadOnlyList{double}, IReadOnlyList{double}, DemingOptions)"/>; change with <c>with</c>.</summary>
public sealed record DemingOptions
{
    /// <summary>Equal error variances (orthogonal regression), 95 % jackknife intervals.</summary>
    public static DemingOptions Default { get; } = new();

    /// <summary>
    /// λ = Var(measurement error of y) / Var(measurement error of x), &gt; 0. Default 1. Note the orientation: mcr's
    /// <c>error.ratio</c> is Var(error x)/Var(error y), the reciprocal of this.
    /// </summary>
    public double ErrorVarianceRatio { get; init; } = 1;

    /// <summary>Level of the slope and intercept intervals. Default 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;
}
