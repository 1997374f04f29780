namespace IronNotebooks.Calibration;

/// <summary>
/// A 95 % (by default) interval around an LIC and the probability of exceeding clinical thresholds. The rate (R2* or R2)
/// is modelled as normal with SD √(Σ component SD²); the interval and the probabilities are that distribution pushed
/// through the calibration (monotone), so they follow the calibration's shape. Built by <see cref="LicUncertainty"/>.
/// </summary>
public sealed record LicInterval
{
    /// <summary>Nominal coverage, e.g. 0.95.</summary>
    public required double Level { get; init; }

    /// <summary>Combined SD of the rate, s⁻¹.</summary>
    public required double TotalSdPerSecond { get; init; }

    /// <summary>Rate interval, s⁻¹ (before the calibration).</summary>
    public required double RateLowPerSecond { get; init; }

    /// <summary>Rate interval upper end, s⁻¹.</summary>
    public required double RateHighPerSecond { get; init; }

    /// <summary>Lower end of the LIC interval, µmol/g (may be below 0 for a linear calibration at low rates; then a note says so).</summary>
    public required double? CiLowUmolPerGram { get; init; }

    /// <summary>Upper end of the LIC interval, µmol/g.</summary>
    public required double? CiHighUmolPerGram { get; init; }

    /// <summary>Lower end, mg/g.</summary>
    public double? CiLowMgPerGram => CiLowUmolPerGram / LiverIronConcentration.UmolPerMg;

    /// <summary>Upper end, mg/g.</summary>
    public double? CiHighMgPerGram => CiHighUmolPerGram / LiverIronConcentration.UmolPerMg;

    /// <summary>P(LIC &gt; threshold) for each clinical threshold.</summary>
    public required IReadOnlyList<ThresholdProbability> ProbabilityAbove { get; init; }

    /// <summary>Every component considered, included or not (with the reason).</summary>
    public required IReadOnlyList<UncertaintyComponent> Components { get; init; }

    /// <summary>What the interval does not cover.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
