namespace IronNotebooks.Statistics;

/// <summary>An agreement-weight scheme for Cohen's kappa; entries live in <see cref="KappaWeightings"/>.</summary>
/// <param name="Name">Registry key ("none", "linear", "quadratic").</param>
/// <param name="Description">The formula.</param>
/// <param name="Citation">Its source.</param>
/// <param name="Weight">Agreement weight w(i, j, k) in [0, 1] for categories i, j of k (0-based), 1 on the diagonal.</param>
public sealed record KappaWeighting(string Name, string Description, string Citation, Func<int, int, int, double> Weight)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
