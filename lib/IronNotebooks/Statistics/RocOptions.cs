namespace IronNotebooks.Statistics;

/// <summary>Options of <see cref="Roc"/>; change with <c>with</c>, for example <c>RocOptions.Default with { BootstrapReplicates = 2000 }</c>.</summary>
public sealed record RocOptions
{
    /// <summary>The defaults: higher is positive, 95 % DeLong interval, no bootstrap.</summary>
    public static RocOptions Default { get; } = new();

    /// <summary>Which end of the score is positive. Default <see cref="RocDirection.HigherIsPositive"/>.</summary>
    public RocDirection Direction { get; init; } = RocDirection.HigherIsPositive;

    /// <summary>Two-sided level of the AUC intervals, in [0.5, 1). Default 0.95.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>
    /// Stratified bootstrap replicates for a percentile interval of the AUC (cases and controls resampled separately,
    /// as pROC's <c>boot.stratified = TRUE</c>); 0 (default) for none. 2000 is pROC's default. Each replicate costs
    /// O(n) after the one sort, so 2000 replicates of a million scores take minutes, not seconds.
    /// </summary>
    public int BootstrapReplicates { get; init; }

    /// <summary>Seed of the bootstrap; the same seed gives the same interval on every machine.</summary>
    public ulong BootstrapSeed { get; init; } = 6001;
}
