namespace IronNotebooks.Statistics;

/// <summary>A proportion x / n with its Clopper–Pearson and Wilson intervals (see <see cref="BinomialInterval"/>).</summary>
/// <param name="Value">x / n, in [0, 1].</param>
/// <param name="Successes">x.</param>
/// <param name="Trials">n ≥ 1.</param>
/// <param name="ClopperPearson">Exact interval (conservative).</param>
/// <param name="Wilson">Score interval (close to nominal coverage).</param>
public sealed record ProportionEstimate(double Value, int Successes, int Trials, ConfidenceInterval ClopperPearson, ConfidenceInterval Wilson)
{
    /// <summary>Computes x / n and both intervals.</summary>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1, x outside [0, n], or the level out of range.</exception>
    public static ProportionEstimate From(int successes, int trials, double confidenceLevel = 0.95) => new(
        (double)successes / trials, successes, trials,
        BinomialInterval.ClopperPearson(successes, trials, confidenceLevel),
        BinomialInterval.Wilson(successes, trials, confidenceLevel));

    /// <summary>The estimate, or null when the denominator is 0 (the caller records why).</summary>
    internal static ProportionEstimate? OrNull(int successes, int trials, double confidenceLevel) =>
        trials == 0 ? null : From(successes, trials, confidenceLevel);

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Value:G6} ({Successes}/{Trials}; Wilson {Wilson.Lower:G4}–{Wilson.Upper:G4})");
}
