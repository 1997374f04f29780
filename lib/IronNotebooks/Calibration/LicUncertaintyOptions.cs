using IronNotebooks.Relaxometry;

namespace IronNotebooks.Calibration;

/// <summary>Settings of <see cref="LicUncertainty"/>; change with <c>with</c>.</summary>
public sealed record LicUncertaintyOptions
{
    /// <summary>The defaults.</summary>
    public static LicUncertaintyOptions Default { get; } = new();

    /// <summary>Nominal coverage of the interval (default 0.95).</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>Clinical thresholds, mg/g (default 3, 7 and 15).</summary>
    public IReadOnlyList<double> ThresholdsMgPerGram { get; init; } = [3, 7, 15];

    /// <summary>Decay model of the ROI fits (default the Rician first-moment model, which needs the air ROI's σ).</summary>
    public DecayModel Model { get; init; } = DecayModels.Rician;

    /// <summary>Refits of the fit bootstrap (default 200).</summary>
    public int FitBootstrapSamples { get; init; } = 200;

    /// <summary>Disc positions drawn from the valid parenchyma for the spatial component (default 40).</summary>
    public int SpatialPositions { get; init; } = 40;

    /// <summary>Seed of the bootstraps (the same seed gives the same interval).</summary>
    public int Seed { get; init; } = 1;
}
