using System.Numerics;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.FatWater;

/// <summary>
/// ROI complex fat–water fit with the regularised field map (docs/methods.md §6): the slice's field map is region-grown
/// (<see cref="FatWaterMap.ComputeComplex"/>), each ROI pixel's complex signal is demodulated by its own field-map value,
/// the ROI mean of the demodulated signal is fitted (<see cref="FatWaterFit.FitComplex"/>), and the fitted residual
/// off-resonance is checked: a residual beyond an eighth of the aliasing period means the ROI fit left the regularised
/// solution, a suspected water–fat swap. Averaging after demodulation avoids the phase cancellation a B0 gradient across
/// the ROI would cause.
/// </summary>
public static class RoiComplexFatWaterFit
{
    /// <summary>Pixels darker than this fraction of the ROI's mean first-echo magnitude are left out of the field map (air).</summary>
    public const double MaskFractionOfRoiMean = 0.1;

    /// <summary>Fits the ROI of slice <paramref name="sliceIndex"/> (position in <see cref="MultiEchoSeries.Slices"/>) of a series with phase.</summary>
    /// <exception cref="ArgumentException">No phase images, slice out of range, an empty ROI, a ROI without a usable
    /// field-map pixel, or what <see cref="FatWaterFit.FitComplex"/> rejects (too few echoes, no echo near opposed phase).</exception>
    public static RoiFatWaterFitResult Fit(ChemicalShiftSeries series, int sliceIndex, RoiShape roi, FatWaterOptions options) =>
        Fit(series, sliceIndex, [Guard.NotNull(roi)], options)[0];

    /// <summary>Fits several ROIs of one slice with one regularised field map (computed once), in the order given.</summary>
    /// <exception cref="ArgumentException">As for one ROI; the first failing ROI stops the call.</exception>
    public static IReadOnlyList<RoiFatWaterFitResult> Fit(ChemicalShiftSeries series, int sliceIndex, IReadOnlyList<RoiShape> rois, FatWaterOptions options)
    {
        Guard.NotNull(series);
        Guard.NotNull(rois);
        Guard.NotNull(options);
        if (rois.Count == 0) throw new ArgumentException("Give at least one ROI.", nameof(rois));
        var phaseSeries = series.PhaseRadians ?? throw new ArgumentException("The complex ROI fit needs phase images; use RoiFatWaterFit for magnitude only.", nameof(series));
        var magnitude = series.Magnitude;
        Guard.InRange(sliceIndex, 0, magnitude.Slices.Count - 1);
        var te = magnitude.EchoTimesMs;
        var magSlice = magnitude.Slices[sliceIndex];
        var phaseSlice = phaseSeries.Slices[sliceIndex];
        var stats = rois.Select(roi =>
        {
            var s = RoiMeasurement.MeasureEchoes(magSlice, roi);
            if (s.Count == 0 || s[0].PixelCount == 0) throw new ArgumentException($"The ROI '{roi.Name}' contains no pixel centres on slice {sliceIndex}.", nameof(rois));
            return s;
        }).ToList();
        var one = ChemicalShiftSeries.FromMagnitudeAndPhase(
            MultiEchoSeries.FromPlanes(magnitude.Description, te, [magSlice], magnitude.FieldStrengthT, magnitude.Source),
            MultiEchoSeries.FromPlanes(phaseSeries.Description, te, [phaseSlice], phaseSeries.FieldStrengthT, phaseSeries.Source));
        double threshold = MaskFractionOfRoiMean * stats.Min(s => s[0].Mean);
        var map = FatWaterMap.ComputeComplex(one, new FatWaterMapOptions { Fit = options, MaskThreshold = threshold }).Slices[0];
        return [.. rois.Select((roi, r) => FitOne(map, magSlice, phaseSlice, te, roi, sliceIndex, stats[r], options, magnitude.Description))];
    }

    private static RoiFatWaterFitResult FitOne(FatWaterMapSlice map, MultiEchoSlice magSlice, MultiEchoSlice phaseSlice, IReadOnlyList<double> te, RoiShape roi,
        int sliceIndex, IReadOnlyList<RoiStatistics> stats, FatWaterOptions options, string source)
    {
        var indices = RoiRasterizer.Rasterize(roi, magSlice.Geometry).PixelIndices;
        var fields = indices.Select(i => (double)map.FieldMapHz![i]).Where(double.IsFinite).ToList();
        if (fields.Count == 0) throw new ArgumentException($"No pixel of ROI '{roi.Name}' on slice {sliceIndex} has a field-map value (all masked or failed).", nameof(roi));
        double meanField = fields.Average();
        int m = te.Count;
        var sum = new Complex[m];
        foreach (int i in indices)
        {
            double psi = map.FieldMapHz![i];
            if (!double.IsFinite(psi)) psi = meanField;
            for (int e = 0; e < m; e++)
                sum[e] += Complex.FromPolarCoordinates(magSlice.Echoes[e].Pixels[i], phaseSlice.Echoes[e].Pixels[i] - 2 * Math.PI * psi * te[e] / 1000);
        }
        // The ROI mean of N demodulated pixels: a given σ enters the standard errors as σ²/N.
        var fit = FatWaterFit.FitComplex(te, [.. sum.Select(s => s.Real / indices.Count)], [.. sum.Select(s => s.Imaginary / indices.Count)],
            options with { AveragedPixels = indices.Count });

        var warnings = new List<string>(fit.Warnings);
        double period = 1000 / (te[1] - te[0]);
        double residual = fit.FieldMapHz ?? 0;
        bool left = Math.Abs(residual) > period / 8;
        if (left)
            warnings.Add(FormattableString.Invariant($"the ROI-mean fit moved {residual:0.#} Hz away from the regularised field map (aliasing period {period:0} Hz): water and fat may be swapped"));
        int flagged = indices.Count(i => map.SwapSuspected[i]);
        if (flagged > 0) warnings.Add($"{flagged} of {indices.Count} ROI pixels are flagged as possible swaps in the regularised field map");
        var result = fit with
        {
            Kind = FatWaterFitKind.ComplexRegularised,
            FieldMapHz = meanField + residual,
            SwapSuspected = fit.SwapSuspected || left,
            Warnings = warnings,
        };
        return new RoiFatWaterFitResult { Fit = result, SliceIndex = sliceIndex, PixelCount = stats[0].PixelCount, Echoes = stats, Source = source };
    }
}
