namespace IronNotebooks.Cohorts;

/// <summary>Every method of a cohort against a reference column (<see cref="CohortValidation.Validate"/>).</summary>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record CohortValidationResult
{
    /// <summary>The reference column of the manifest.</summary>
    public required string Reference { get; init; }

    /// <summary>Thresholds on the reference, µmol/g.</summary>
    public required IReadOnlyList<double> ThresholdsUmolPerGram { get; init; }

    /// <summary>Classes used for kappa (name and boundaries).</summary>
    public required string Classes { get; init; }

    /// <summary>Exams in the table.</summary>
    public required int Exams { get; init; }

    /// <summary>Per method, in key order.</summary>
    public required IReadOnlyList<CohortMethodValidation> Methods { get; init; }

    /// <summary>PDFF of each fat–water method against the manifest's <see cref="CohortFatFractionValidation.TruthColumn"/>
    /// (synthetic cohorts), or empty.</summary>
    public IReadOnlyList<CohortFatFractionValidation> FatFraction { get; init; } = [];

    /// <summary>How censored outcomes were treated, and other notes.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
