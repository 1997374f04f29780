namespace IronNotebooks.SignalRatio;

/// <summary>Settings of the SIR→R2* reconstructions; change with <c>with</c>.</summary>
/// <param name="MuscleR2StarPerSecond">
/// Paraspinal muscle R2*, s⁻¹, added to the fitted liver-minus-muscle rate. Default 30: the middle of the ≈ 25–35 s⁻¹
/// docs/methods.md §2.4 gives at 1.5 T. At other fields it is an assumption (muscle R2* at low field is dominated by its R2,
/// ≈ 30 s⁻¹) and the estimate says so. An error of δ s⁻¹ shifts liver R2* by δ.
/// </param>
/// <param name="MinimumUsableRatio">
/// L/M below which a sequence is treated as lost in the noise floor and it and every longer TE are dropped (truncation,
/// docs/methods.md §2.4). Default 0.05 (an assumption: twice the magnitude noise floor, 1.25σ, relative to a muscle SNR of 50).
/// Lower it only when the muscle SNR is known to be higher.
/// </param>
/// <param name="R2StarCalibration">
/// Name of the R2* calibration of <see cref="IronNotebooks.Calibration.RelaxometryCalibrations"/>; null: wood2005 at
/// 0.5–1.5 T (after the field conversion below 1.5 T), hernando-3t at 3 T.
/// </param>
/// <param name="Tissue">Iron-free liver/muscle properties for the Lille reconstruction.</param>
public sealed record SirReconstructionOptions(double MuscleR2StarPerSecond = 30, double MinimumUsableRatio = 0.05, string? R2StarCalibration = null,
    SirTissueModel? Tissue = null)
{
    /// <summary>The defaults.</summary>
    public static SirReconstructionOptions Default { get; } = new();
}
