using IronNotebooks.Roi;

namespace IronNotebooks.Relaxometry;

/// <summary>A decay fitted to the ROI mean signal of one slice.</summary>
/// <param name="Fit">The decay fit of the per-echo ROI means.</param>
/// <param name="SliceIndex">Zero-based slice.</param>
/// <param name="PixelCount">Pixels in the ROI (same on every echo).</param>
/// <param name="Echoes">Per-echo ROI statistics, in echo order (the fitted signal is their Mean).</param>
/// <param name="Source">The series description.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record RoiDecayFitResult(DecayFitResult Fit, int SliceIndex, int PixelCount, IReadOnlyList<RoiStatistics> Echoes, string Source);
