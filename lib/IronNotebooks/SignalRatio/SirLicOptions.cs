namespace IronNotebooks.SignalRatio;

/// <summary>Everything <see cref="SirLic.Estimate(string, IReadOnlyList{LiverMuscleRatio}, SirLicOptions?)"/> can be told; change with <c>with</c>.</summary>
/// <param name="Reconstruction">Settings of the reconstructions (muscle R2*, noise floor, R2* calibration, tissue model).</param>
/// <param name="Constants">User-supplied model constants (the calibration-file hook); when given they replace the reconstruction.</param>
/// <param name="Phantom">A per-scanner phantom correction applied to the ratios first.</param>
/// <param name="FieldStrengthT">Field of the exam when it is known (DICOM); null: the protocol's. Used to refuse a two-sequence estimate at the wrong field.</param>
public sealed record SirLicOptions(SirReconstructionOptions? Reconstruction = null, SirModelConstants? Constants = null, PhantomCalibration? Phantom = null,
    double? FieldStrengthT = null)
{
    /// <summary>The defaults: reconstruction defaults, no constants, no phantom correction.</summary>
    public static SirLicOptions Default { get; } = new();
}
