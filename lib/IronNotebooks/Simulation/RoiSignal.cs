using IronNotebooks.Roi;

namespace IronNotebooks.Simulation;

/// <summary>One ground-truth ROI measured on every echo of a simulated series (rescaled units of that series).</summary>
/// <param name="Name">ROI name ("liver-1", "muscle-left", "vial-2", …).</param>
/// <param name="Role">ROI role.</param>
/// <param name="Pixels">Pixels in the ROI.</param>
/// <param name="Mean">Mean of the written (noisy, quantised, rescaled) pixels, per echo.</param>
/// <param name="NoiselessMean">Mean of the noiseless signal over the same pixels in the same units, per echo.</param>
public sealed record RoiSignal(string Name, RoiRole Role, int Pixels, IReadOnlyList<double> Mean, IReadOnlyList<double> NoiselessMean);
