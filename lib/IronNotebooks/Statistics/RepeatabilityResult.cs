namespace IronNotebooks.Statistics;

/// <summary>Within-subject repeatability (see <see cref="Repeatability"/>).</summary>
/// <param name="Subjects">Subjects (including those with a single measurement, which add nothing).</param>
/// <param name="Observations">Measurements.</param>
/// <param name="DegreesOfFreedom">Observations − subjects.</param>
/// <param name="WithinSubjectSd">s_w = √(residual mean square of a one-way ANOVA by subject), in the measurement's units.</param>
/// <param name="WithinSubjectSdCi">χ² interval of s_w.</param>
/// <param name="RepeatabilityCoefficient">z·√2·s_w (2.77 s_w at z = 1.96): two measurements on one subject differ by
/// less than this in 95 % of pairs.</param>
/// <param name="RepeatabilityCoefficientCi">z·√2 × the interval of s_w.</param>
/// <param name="Multiplier">z.</param>
/// <param name="Warnings">Caveats.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record RepeatabilityResult(int Subjects, int Observations, int DegreesOfFreedom, double WithinSubjectSd,
    ConfidenceInterval WithinSubjectSdCi, double RepeatabilityCoefficient, ConfidenceInterval RepeatabilityCoefficientCi,
    double Multiplier, IReadOnlyList<string> Warnings);
