using IronNotebooks.SignalRatio;

namespace IronNotebooks.Exams;

/// <summary>What <see cref="ExamMeasurement"/> runs; change with <c>with</c>.</summary>
public sealed record ExamMeasurementOptions
{
    /// <summary>Methods: "r2star", "r2", "sir", "fatwater" (default all four; fatwater runs on chemical-shift series only).</summary>
    public IReadOnlyList<string> Methods { get; init; } = ["r2star", "r2", "sir", "fatwater"];

    /// <summary>R2* decay models (registry names), or null for the accurate ones: rician and secondmoment when the exam has
    /// an air ROI for σ (docs/methods.md §4: within ±1.3 % and ±2.7 % up to 1,000 s⁻¹), else arlo with a warning.</summary>
    public IReadOnlyList<string>? R2StarModels { get; init; }

    /// <summary>Decay model of the spin-echo R2 fit (default mono).</summary>
    public string SpinEchoModel { get; init; } = "mono";

    /// <summary>R2* calibrations, or null for every calibration valid at the acquisition's field.</summary>
    public IReadOnlyList<string>? R2StarCalibrations { get; init; }

    /// <summary>SIR options (reconstruction constants, phantom correction).</summary>
    public SirLicOptions Sir { get; init; } = SirLicOptions.Default;

    /// <summary>The defaults.</summary>
    public static ExamMeasurementOptions Default { get; } = new();
}
