using System.Diagnostics;
using System.Globalization;
using IronNotebooks.Calibration;
using IronNotebooks.FatWater;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;

namespace IronNotebooks.Exams;

/// <summary>
/// The "fatwater" rows of <see cref="ExamMeasurement"/> (docs/methods.md §6): one chemical-shift series, its phase found
/// by <see cref="ChemicalShiftSeriesLoader"/> (complex fit with the regularised field map, <see cref="RoiComplexFatWaterFit"/>)
/// or magnitude only (<see cref="RoiFatWaterFit"/>, noise-floor aware with σ from the air ROI); CC-R2* and PDFF are the
/// means of the liver ROI fits; LIC through every R2* calibration at the field that expects CC-R2* (Hernando 2023).
/// </summary>
internal static class ExamFatWater
{
    /// <summary>The rows of one chemical-shift acquisition; <see cref="ExamMeasurementOptions.R2StarCalibrations"/>, when given,
    /// replaces the CC-R2* calibrations (a water-only calibration then carries the kind-mismatch warning).</summary>
    public static IEnumerable<ExamMeasurementRow> Measure(Exam exam, ExamAcquisition a, ExamMeasurementOptions options)
    {
        var clock = Stopwatch.StartNew();
        double? field = a.Series.FieldStrengthT ?? exam.FieldStrengthT;
        string spectrum = FatSpectra.Hamilton2011.Name;
        var calibrations = (options.R2StarCalibrations is { } names ? names.Select(RelaxometryCalibrations.Get)
            : RelaxometryCalibrations.All.Where(c => c.Quantity == RelaxationQuantity.R2Star && c.ExpectedR2StarKind == R2StarKind.ConfounderCorrected
                && field is double f && Math.Abs(c.FieldStrengthT - f) <= LicConversion.FieldToleranceT)).ToList();
        var series = a.Series.SeriesNumber is int n ? new[] { n } : [];
        var warnings = new List<string>();
        ExamMeasurementRow Row(string calibration, MeasurementStatus status, string? error, IReadOnlyList<string> w, IReadOnlyList<int> used) => new()
        {
            Exam = exam.Id, Method = "fatwater", Model = spectrum, Calibration = calibration, FieldStrengthT = field, Status = status, Warnings = w, Error = error,
            Series = used, Files = a.Series.Files, EchoTimesMs = a.EchoTimesMs, DurationMs = clock.Elapsed.TotalMilliseconds,
        };
        IEnumerable<ExamMeasurementRow> FailAll(string error) =>
            (calibrations.Count > 0 ? calibrations.Select(c => c.Name) : ["none"]).Select(c => Row(c, MeasurementStatus.Failed, error, warnings, series));

        if (field is null) return FailAll($"{a.Label} records no Magnetic Field Strength (0018,0087): the fat frequencies and the calibration need it");
        if (calibrations.Count == 0)
            return FailAll(string.Create(CultureInfo.InvariantCulture, $"no R2* calibration for confounder-corrected R2* is valid at {field} T (Hernando 2023 has 1.5 and 3 T)"));
        if (a.Incompleteness.Count > 0) return FailAll("incomplete acquisition: " + string.Join("; ", a.Incompleteness));
        if (exam.Rois is null) return FailAll($"exam '{exam.Id}' has no ROI set (rois.json or --rois)");
        var livers = RoiSelection.MeasuredLivers(exam.Rois.Mapped);
        if (livers.Count == 0) return FailAll($"the ROI set {exam.Rois.SourcePath} has no liver ROI");

        ChemicalShiftSeries loaded;
        PhasePairing pairing;
        MultiEchoSlice slice;
        try
        {
            (loaded, pairing) = ChemicalShiftSeriesLoader.Load(exam.Catalog, a.Series);
            slice = ExamMeasurement.ChooseSlice(loaded.Magnitude, exam.Rois);
        }
        catch (Exception e) when (e is ImagingException or Dicom.DicomException or IOException or RoiException)
        {
            return FailAll($"{a.Label}: {e.Message}");
        }
        if (pairing.Phase is { } p && p != a.Series && p.SeriesNumber is int pn) series = [.. series, pn];
        warnings.AddRange(loaded.Magnitude.Warnings.Select(w => $"{a.Label}: {w}"));
        warnings.Add(loaded.HasPhase
            ? $"fit: complexRegularised (complex fit with the region-grown field map): {pairing.Reason}"
            : $"fit: magnitude (two branches compared; no phase): {pairing.Reason}");
        warnings.AddRange(pairing.Rejected.Select(r => "phase not used: " + r));

        var fitOptions = FatWaterOptions.At(field.Value);
        if (!loaded.HasPhase && exam.Rois.OfRole(RoiRole.Background).FirstOrDefault() is { } air)
        {
            try
            {
                var noise = BackgroundNoise.Measure(slice.Echoes[0], air, $"echo 1 of slice {slice.Index} of {a.Label}");
                fitOptions = fitOptions with { NoiseSigma = noise.SigmaSignal };
                warnings.Add("noise (noise-floor-aware magnitude fit): " + noise.Source);
            }
            catch (Exception e) when (e is RoiException or ArgumentException)
            {
                warnings.Add($"noise: not measured ({e.Message}); the magnitude fit ignores the noise floor");
            }
        }
        int position = loaded.Magnitude.Slices.ToList().IndexOf(slice);
        var fits = new List<FatWaterFitResult>();
        try
        {
            if (loaded.HasPhase) fits.AddRange(RoiComplexFatWaterFit.Fit(loaded, position, livers, fitOptions).Select(r => r.Fit));
            else foreach (var roi in livers) fits.Add(RoiFatWaterFit.Fit(loaded.Magnitude, position, roi, fitOptions).Fit);
        }
        catch (Exception e) when (e is ArgumentException or RoiException or ImagingException)
        {
            return FailAll($"fat–water fit on {a.Label}: {e.Message}");
        }
        warnings.AddRange(fits.SelectMany((f, i) => f.Warnings.Select(w => $"fit {livers[i].Name}: {w}")).Distinct());
        if (fits.FirstOrDefault(f => !f.IsUsable) is { } bad)
            return FailAll($"fat–water fit of ROI '{livers[fits.IndexOf(bad)].Name}' on {a.Label} did not converge ({bad.Status})");
        // Complex fits: a suspected swap makes that ROI's PDFF (and CC-R2*) unreliable, so the mean uses the other ROIs when
        // there are any. Magnitude fits flag every close branch call; the liver prior has kept the water branch, which is the
        // documented magnitude answer, so their ROIs stay in and the ambiguity is a warning.
        var flagged = fits.Select((f, i) => (f, i)).Where(x => x.f.SwapSuspected).Select(x => livers[x.i].Name).ToList();
        var swaps = loaded.HasPhase ? flagged : [];
        if (!loaded.HasPhase && flagged.Count > 0)
            warnings.Add($"magnitude branch ambiguous in ROI(s) {string.Join(", ", flagged)}: the water-dominant branch was kept by the liver prior (PDFF < 50 %); phase images would settle it");
        var used = swaps.Count < fits.Count ? fits.Where((f, i) => !swaps.Contains(livers[i].Name)).ToList() : fits;
        if (swaps.Count > 0)
            warnings.Add(swaps.Count < fits.Count
                ? $"water–fat swap suspected in ROI(s) {string.Join(", ", swaps)}: left out of the means"
                : $"water–fat swap suspected in every liver ROI ({string.Join(", ", swaps)}): no PDFF is reported, and CC-R2* (hence the LIC) is unreliable");
        if (used.Where(f => f.BiasCorrection is not null).ToList() is { Count: > 0 } withSigma)
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"second-order bias correction (Box 1971, noise σ²/N of each ROI mean; docs/methods.md §6.1): applied in {withSigma.Count(f => f.BiasCorrection!.Applied)} of {withSigma.Count} ROI fits, PDFF shifts {string.Join(", ", withSigma.Select(f => f.BiasCorrection!.FatFractionShiftPercent.ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture)))} points"));
        double rate = used.Average(f => f.R2StarPerSecond), pdff = used.Average(f => f.FatFractionPercent);
        if (livers.Count > 1)
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"CC-R2* and PDFF = means of {used.Count} liver ROI fits ({string.Join(", ", fits.Select((f, i) => $"{livers[i].Name} {f.R2StarPerSecond:0.#} s⁻¹ / {f.FatFractionPercent:0.#} %{(used.Contains(f) ? "" : " (left out)")}"))})"));
        var rows = new List<ExamMeasurementRow>();
        foreach (var c in calibrations)
        {
            var e = LicConversion.FromRate(rate, field.Value, c, R2StarKind.ConfounderCorrected);
            var w = new List<string>(warnings);
            w.AddRange(e.Warnings.Where(x => !w.Contains(x)));
            var status = e.Outcome switch
            {
                LicOutcome.Estimated => MeasurementStatus.Estimated,
                LicOutcome.BeyondMeasurableRange => MeasurementStatus.BeyondMeasurableRange,
                _ when double.IsFinite(rate) && rate > 0 => MeasurementStatus.AboveRange,
                _ => MeasurementStatus.Failed,
            };
            // Both fits carry standard errors of CC-R2* (complex: from the residual with 2m − 6 degrees of freedom): the same
            // interval as the decay-model rows.
            var interval = status == MeasurementStatus.Estimated
                ? ExamMeasurement.Interval(e, [.. used.Select(f => (f.R2StarPerSecond, f.R2StarStandardErrorPerSecond))], scaling: null)?.Interval : null;
            if (interval is not null) w.AddRange(interval.Notes.Where(x => !w.Contains(x)));
            else if (status == MeasurementStatus.Estimated) w.Add("no LIC interval: a fat–water fit reports no standard error of CC-R2* (three echoes without σ leave no residual degrees of freedom, or the fit's JᵀJ is singular)");
            rows.Add(Row(c.Name, status, status == MeasurementStatus.Failed ? string.Join(" ", e.Warnings) : null, w, series) with
            {
                LicCiLowUmolPerGram = interval?.CiLowUmolPerGram,
                LicCiHighUmolPerGram = interval?.CiHighUmolPerGram,
                ProbabilityAbove = interval?.ProbabilityAbove ?? [],
                LicUmolPerGram = status == MeasurementStatus.Estimated ? e.Lic?.UmolPerGram : null,
                LicMgPerGram = status == MeasurementStatus.Estimated ? e.Lic?.MgPerGram : null,
                RatePerSecond = double.IsFinite(rate) ? rate : null,
                FatFractionPercent = double.IsFinite(pdff) && swaps.Count < fits.Count ? pdff : null,
            });
        }
        return rows;
    }
}
