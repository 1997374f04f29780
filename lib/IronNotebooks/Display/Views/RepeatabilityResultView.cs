using IronNotebooks.Statistics;

namespace IronNotebooks.Display.Views;

internal sealed class RepeatabilityResultView : ResultView<RepeatabilityResult>
{
    public override DisplayDocument Describe(RepeatabilityResult r) => new("Repeatability",
        [new DisplayTable($"{r.Subjects} subjects, {r.Observations} measurements, {r.DegreesOfFreedom} df", ["", "estimate", $"{Numbers.Level(r.WithinSubjectSdCi.Level)} % CI"],
        [
            ["within-subject SD s_w", Numbers.G(r.WithinSubjectSd), Numbers.CiG(r.WithinSubjectSdCi)],
            [$"repeatability coefficient ({Numbers.F(r.Multiplier, 2)}·√2·s_w)", Numbers.G(r.RepeatabilityCoefficient), Numbers.CiG(r.RepeatabilityCoefficientCi)],
        ])], ["In the units of the measurements.", .. r.Warnings.Select(w => "Warning: " + w)]);
}
