namespace IronNotebooks.Simulation;

/// <summary>How synthetic exams are acquired and written. Change with <c>with</c>.</summary>
/// <param name="Seed">Master seed: the same seed, options and patient give byte-identical files.</param>
/// <param name="FieldStrengthT">Scan field, tesla: 0.35, 0.5, 1.0, 1.5 or 3.</param>
/// <param name="Anatomy">Slice matrix, field of view, lesions, heart.</param>
/// <param name="Snr">Signal-to-noise ratio of the reference tissue (paraspinal muscle; water for the phantom) in each
/// series' first image: σ = noiseless reference signal / SNR, per channel, before the magnitude (Rician). 0 = no noise.</param>
/// <param name="CoilShading">Receive-sensitivity gain at the skin relative to the body centre minus 1 (0 = a homogeneous
/// body coil, as SIR requires; 0.3 = surface-coil-like shading). Smooth quadratic profile over the body ellipse.</param>
/// <param name="Scaling">Stored-value scaling.</param>
/// <param name="EnhancedMultiEcho">Write multi-echo series as one Enhanced MR file instead of one classic file per echo.</param>
/// <param name="StudyDate">Fixed study date (DA), so files do not depend on the clock.</param>
public sealed record SimulationOptions(ulong Seed = 1, double FieldStrengthT = 1.5, AnatomyOptions? Anatomy = null, double Snr = 50,
    double CoilShading = 0, VendorScaling? Scaling = null, bool EnhancedMultiEcho = false, string StudyDate = "20260101")
{
    /// <summary>Defaults: seed 1, 1.5 T, 256×256, SNR 50, no shading, 16-bit with rescale.</summary>
    public static SimulationOptions Default { get; } = new();
}
