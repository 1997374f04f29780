namespace IronNotebooks.Plotting;

/// <summary>Options of <see cref="CalibrationCurvesPlot"/>; change with <c>with</c>.</summary>
public sealed record CalibrationCurvesOptions
{
    /// <summary>Rates 0–1000 s⁻¹, 401 points per curve.</summary>
    public static CalibrationCurvesOptions Default { get; } = new();

    /// <summary>Figure title.</summary>
    public string Title { get; init; } = "Relaxometry calibrations";

    /// <summary>Lowest rate drawn, s⁻¹.</summary>
    public double RateMinPerSecond { get; init; }

    /// <summary>Highest rate drawn, s⁻¹.</summary>
    public double RateMaxPerSecond { get; init; } = 1000;

    /// <summary>Evaluation points per curve (the validity-range boundaries are added exactly).</summary>
    public int Points { get; init; } = 401;
}
