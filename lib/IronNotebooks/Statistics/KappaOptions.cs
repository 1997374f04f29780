namespace IronNotebooks.Statistics;

/// <summary>Options of <see cref="CohenKappa"/>; change with <c>with</c>.</summary>
public sealed record KappaOptions
{
    /// <summary>Unweighted kappa, 95 % interval.</summary>
    public static KappaOptions Default { get; } = new();

    /// <summary>Agreement weights (<see cref="KappaWeightings"/>). Default unweighted.</summary>
    public KappaWeighting Weighting { get; init; } = KappaWeightings.None;

    /// <summary>Level of the interval. Default 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;
}
