namespace IronNotebooks.Statistics;

/// <summary>
/// A two-sided confidence interval: the limits, the nominal coverage and the method that produced it, so a printed
/// interval can always be traced to its formula.
/// </summary>
/// <param name="Lower">Lower limit, in the units of the estimate.</param>
/// <param name="Upper">Upper limit, in the units of the estimate; never below <paramref name="Lower"/>.</param>
/// <param name="Level">Nominal two-sided coverage, for example 0.95.</param>
/// <param name="Method">The method and its citation, for example "Clopper–Pearson exact (1934)".</param>
public sealed record ConfidenceInterval(double Lower, double Upper, double Level, string Method)
{
    /// <summary>Upper − Lower.</summary>
    public double Width => Upper - Lower;

    /// <summary>True when <paramref name="value"/> lies within the closed interval.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"[{Lower:G6}, {Upper:G6}] ({Level:P0}, {Method})");
}
