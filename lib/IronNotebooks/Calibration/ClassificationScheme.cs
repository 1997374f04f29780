using System.Globalization;

namespace IronNotebooks.Calibration;

/// <summary>
/// Ordered classes on one scalar (LIC, T2*). Labels are configurable: <c>LicClasses.Guideline with { Labels = [...] }</c>;
/// entries live in <see cref="LicClasses"/>.
/// </summary>
/// <param name="Name">Registry key.</param>
/// <param name="Unit">Unit of the classified value ("mg/g", "µmol/g", "ms").</param>
/// <param name="Boundaries">Cut points, strictly increasing.</param>
/// <param name="Labels">One label per class, Boundaries.Count + 1 of them, from the lowest value upwards.</param>
/// <param name="Citation">Source.</param>
/// <param name="Status">Evidence status.</param>
public sealed record ClassificationScheme(string Name, string Unit, IReadOnlyList<ClassBoundary> Boundaries, IReadOnlyList<string> Labels,
    string Citation, EvidenceStatus Status)
{
    /// <summary>The class of <paramref name="value"/> (in <see cref="Unit"/>).</summary>
    /// <exception cref="ArgumentException">NaN, or labels that do not match the boundaries.</exception>
    public ClassAssignment Classify(double value)
    {
        Guard.Finite(value);
        if (Labels.Count != Boundaries.Count + 1)
            throw new ArgumentException($"{Name}: {Boundaries.Count} boundaries need {Boundaries.Count + 1} labels, got {Labels.Count}.", nameof(value));
        int index = 0;
        foreach (var b in Boundaries)
            if (value > b.Value || (value == b.Value && b.ValueBelongsToUpperClass)) index++;
        return new ClassAssignment(Name, index, Labels[index], value, Unit, Describe(index));
    }

    private string Describe(int index)
    {
        string Lo(ClassBoundary b) => string.Create(CultureInfo.InvariantCulture, $"{(b.ValueBelongsToUpperClass ? "≥" : ">")} {b.Value}");
        string Hi(ClassBoundary b) => string.Create(CultureInfo.InvariantCulture, $"{(b.ValueBelongsToUpperClass ? "<" : "≤")} {b.Value}");
        var parts = new List<string>();
        if (index > 0) parts.Add(Lo(Boundaries[index - 1]));
        if (index < Boundaries.Count) parts.Add(Hi(Boundaries[index]));
        return string.Join(" and ", parts) + " " + Unit;
    }
}
