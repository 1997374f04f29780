namespace IronNotebooks.Statistics;

/// <summary>
/// A scale on which Bland–Altman differences are taken; entries live in <see cref="BlandAltmanScales"/>.
/// </summary>
/// <param name="Name">Registry key, for example "log-ratio".</param>
/// <param name="Description">What a difference on this scale means.</param>
/// <param name="Citation">Where the scale is recommended.</param>
/// <param name="Difference">The difference of a pair (a, b), always oriented b − a.</param>
/// <param name="BackTransform">Maps a difference (bias, limit) back to a ratio b/a, or null when the scale has no such
/// reading.</param>
/// <param name="RequiresPositive">True when both measurements must be above 0.</param>
public sealed record BlandAltmanScale(string Name, string Description, string Citation, Func<double, double, double> Difference,
    Func<double, double>? BackTransform, bool RequiresPositive)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
