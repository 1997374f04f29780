using IronNotebooks.Calibration;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;

namespace IronNotebooks.RoiEditor;

/// <summary>
/// What the page's side panel shows for one slice: every ROI on every echo (<see cref="RoiMeasurement.MeasureEchoes(MultiEchoSeries, int, RoiShape)"/>,
/// the pixel-centre rule of `ironnb roi stats`), each ROI's decay fit, the pooled liver decay with its fit and LIC, and
/// plausibility hints. The page only draws; every number comes from here.
/// </summary>
public static class EditorMeasurement
{
    /// <summary>Measures <paramref name="rois"/> on slice <paramref name="sliceIndex"/> of <paramref name="series"/>.</summary>
    /// <param name="series">The acquisition's pixels.</param>
    /// <param name="sliceIndex">Zero-based slice.</param>
    /// <param name="rois">The ROIs (pixel or patient space); those lying on another slice are reported as off-slice.</param>
    /// <param name="model">Decay model for the ROI fits (multi-echo only).</param>
    /// <param name="calibration">R2* → LIC calibration; null picks one for the field (<see cref="DefaultCalibration"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">Slice out of range.</exception>
    public static EditorSliceMeasurement Measure(MultiEchoSeries series, int sliceIndex, IReadOnlyList<RoiShape> rois, DecayModel model,
        RelaxometryCalibration? calibration = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(rois);
        ArgumentOutOfRangeException.ThrowIfNegative(sliceIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sliceIndex, series.Slices.Count);
        var slice = series.Slices[sliceIndex];
        bool multiEcho = series.EchoTimesMs.Count > 1;
        var results = new List<EditorRoiMeasurement>();
        foreach (var roi in rois)
        {
            if (!OnSlice(roi, slice.Geometry))
            {
                results.Add(new EditorRoiMeasurement { Name = roi.Name, Role = roi.Role, OnSlice = false, Echoes = [], Hints = [] });
                continue;
            }
            try
            {
                var echoes = RoiMeasurement.MeasureEchoes(slice, roi);
                DecayFitResult? fit = multiEcho ? DecayFit.Fit(series.EchoTimesMs, [.. echoes.Select(e => e.Mean)], model) : null;
                results.Add(new EditorRoiMeasurement { Name = roi.Name, Role = roi.Role, OnSlice = true, Echoes = echoes, Fit = fit, Hints = [] });
            }
            catch (Exception e) when (e is RoiException or ArgumentException)
            {
                results.Add(new EditorRoiMeasurement { Name = roi.Name, Role = roi.Role, OnSlice = true, Error = e.Message, Echoes = [], Hints = [] });
            }
        }
        var hinted = RoiPlausibility.AddHints(results, rois, slice);
        var liver = hinted.Where(r => r.Role == RoiRole.Liver && r.Echoes.Count > 0).ToList();
        var muscle = hinted.Where(r => r.Role is RoiRole.MuscleLeftParaspinal or RoiRole.MuscleRightParaspinal && r.Echoes.Count > 0).ToList();
        return new EditorSliceMeasurement
        {
            SliceIndex = sliceIndex,
            EchoTimesMs = series.EchoTimesMs,
            Rois = hinted,
            Liver = liver.Count == 0 ? null : PooledLiver(series, liver, model, calibration),
            LiverToMuscleRatio = liver.Count > 0 && muscle.Count > 0
                ? [.. Enumerable.Range(0, series.EchoTimesMs.Count).Select(e => Pooled(liver, e) / Pooled(muscle, e))]
                : null,
        };
    }

    /// <summary>The R2* calibration used when the page names none: Wood 2005 at 1.5 T, Hernando 3.0 T at 3 T, otherwise
    /// the calibration closest in field (the LIC then carries the calibration's field-mismatch warning).</summary>
    public static RelaxometryCalibration DefaultCalibration(double? fieldT)
    {
        var r2Star = RelaxometryCalibrations.All.Where(c => c.Quantity == RelaxationQuantity.R2Star).ToList();
        if (fieldT is not double f) return RelaxometryCalibrations.Wood2005;
        if (Math.Abs(f - 1.5) <= LicConversion.FieldToleranceT) return RelaxometryCalibrations.Wood2005;
        if (Math.Abs(f - 3.0) <= LicConversion.FieldToleranceT) return RelaxometryCalibrations.Hernando3T;
        return r2Star.OrderBy(c => Math.Abs(c.FieldStrengthT - f)).First();
    }

    /// <summary>True when a patient-space ROI lies within half a slice thickness of the plane (as the rasterizer requires);
    /// pixel-space ROIs apply to every slice.</summary>
    public static bool OnSlice(RoiShape roi, ImageGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(roi);
        ArgumentNullException.ThrowIfNull(geometry);
        if (roi.Space == RoiSpace.Pixel) return true;
        RoiPoint? p = roi switch
        {
            CircleRoi c => c.Center,
            EllipseRoi e => e.Center,
            RectangleRoi r => r.Corner0,
            PolygonRoi poly when poly.Vertices.Count > 0 => poly.Vertices[0],
            _ => null,
        };
        if (p is not RoiPoint point) return true;
        var (_, _, distance) = geometry.PatientToPixel(new Vector3Mm(point.X, point.Y, point.Z));
        double half = double.IsFinite(geometry.SliceThicknessMm) ? Math.Max(geometry.SliceThicknessMm / 2, 0.5) : 0.5;
        return Math.Abs(distance) <= half;
    }

    private static double Pooled(IReadOnlyList<EditorRoiMeasurement> rois, int echo) =>
        rois.Sum(r => r.Echoes[echo].Mean * r.Echoes[echo].PixelCount) / rois.Sum(r => r.Echoes[echo].PixelCount);

    private static EditorLiverDecay PooledLiver(MultiEchoSeries series, List<EditorRoiMeasurement> liver, DecayModel model, RelaxometryCalibration? calibration)
    {
        // Pixel-weighted mean of the liver ROI means = the mean over all their pixels (ROIs do not overlap in practice).
        double[] means = [.. Enumerable.Range(0, series.EchoTimesMs.Count).Select(e => Pooled(liver, e))];
        var names = liver.Select(r => r.Name).ToList();
        int pixels = liver.Sum(r => r.Echoes[0].PixelCount);
        if (series.EchoTimesMs.Count < 2)
            return new EditorLiverDecay { RoiNames = names, PixelCount = pixels, MeanSignal = means, Warnings = ["single-echo acquisition: no decay fit; use the liver/muscle ratio"] };
        var warnings = new List<string>();
        DecayFitResult fit;
        try { fit = DecayFit.Fit(series.EchoTimesMs, means, model); }
        catch (ArgumentException e) { return new EditorLiverDecay { RoiNames = names, PixelCount = pixels, MeanSignal = means, Warnings = [e.Message] }; }
        LicEstimate? lic = null;
        var chosen = calibration ?? DefaultCalibration(series.FieldStrengthT);
        if (series.FieldStrengthT is not double field)
            warnings.Add("field strength unknown (no MagneticFieldStrength in the headers): no LIC");
        else if (!fit.IsUsable)
            warnings.Add($"the liver fit did not converge ({fit.ExitReason}): no LIC");
        else
            lic = LicConversion.FromFit(fit, field, chosen);
        return new EditorLiverDecay { RoiNames = names, PixelCount = pixels, MeanSignal = means, Fit = fit, Lic = lic, Warnings = warnings };
    }
}
