using System.Diagnostics;
using System.Globalization;
using IronNotebooks.Calibration;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;
using IronNotebooks.SignalRatio;

namespace IronNotebooks.Exams;

/// <summary>
/// Every applicable method on one exam, as rows of one record type (<see cref="ExamMeasurementRow"/>):
/// <list type="bullet">
/// <item>R2* ("r2star"): each multi-echo GRE × each decay model asked (default the accurate, noise-aware ones with σ from
/// the air ROI) × each R2* calibration valid at the acquisition's field. R2* is the mean of the per-ROI fits of the
/// liver ROIs (the usual ROI practice, docs/methods.md §4).</item>
/// <item>R2 ("r2"): each multi-echo spin echo × each R2 calibration at its field (St Pierre at 1.5 T).</item>
/// <item>Fat–water ("fatwater"): each chemical-shift series × each R2* calibration at its field that expects
/// confounder-corrected R2* (Hernando 2023): CC-R2* and PDFF (<see cref="ExamMeasurementRow.FatFractionPercent"/>) as the mean
/// of the liver ROI fits, complex with the regularised field map when the acquisition has phase images, else magnitude.</item>
/// <item>SIR ("sir"): each SIR protocol (Rennes, two-sequence) the exam holds at least one sequence of; the Lille add-on only
/// where the Rennes 1.5 T rule calls for it, the switch stated in <see cref="ExamMeasurementRow.MethodSwitch"/>.</item>
/// </list>
/// Nothing is skipped silently: an acquisition with a missing echo or an unreadable file fails every row that needed it
/// (naming the file or echo); a fit that did not converge is failed with the reason; an unsatisfied protocol is failed
/// naming the missing sequence. Other methods of the exam still run.
/// </summary>
public static class ExamMeasurement
{
    /// <summary>Opens <paramref name="folder"/> (<see cref="Exam.Open"/>) and measures it.</summary>
    /// <exception cref="ExamException">The folder or ROI file does not exist or cannot be read.</exception>
    public static ExamMeasurementResult Measure(string folder, string? roisPath = null, ExamMeasurementOptions? options = null, string? id = null) =>
        Measure(Exam.Open(folder, roisPath, id), options);

    /// <summary>Measures an opened exam.</summary>
    public static ExamMeasurementResult Measure(Exam exam, ExamMeasurementOptions? options = null)
    {
        Guard.NotNull(exam);
        options ??= ExamMeasurementOptions.Default;
        var unknown = options.Methods.Where(m => m is not ("r2star" or "r2" or "sir" or "fatwater")).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown method(s) {string.Join(", ", unknown)}; known: r2star, r2, sir, fatwater.", nameof(options));
        var total = Stopwatch.StartNew();
        var rows = new List<ExamMeasurementRow>();
        var examWarnings = exam.UnreadableFiles.Where(f => f.SeriesNumbers.Count == 0).Select(f => $"unreadable file {f.Path} ({f.Reason}) belongs to no readable series").ToList();
        if (options.Methods.Contains("r2star"))
            foreach (var a in exam.OfKind(ExamAcquisitionKind.MultiEchoGradientEcho)) rows.AddRange(Relaxometry(exam, a, RelaxationQuantity.R2Star, options));
        if (options.Methods.Contains("r2"))
            foreach (var a in exam.OfKind(ExamAcquisitionKind.MultiEchoSpinEcho)) rows.AddRange(Relaxometry(exam, a, RelaxationQuantity.R2, options));
        if (options.Methods.Contains("sir")) rows.AddRange(SignalRatio(exam, options));
        if (options.Methods.Contains("fatwater"))
            foreach (var a in exam.OfKind(ExamAcquisitionKind.ChemicalShiftMultiEcho)) rows.AddRange(ExamFatWater.Measure(exam, a, options));
        if (examWarnings.Count > 0) rows = [.. rows.Select(r => r with { Warnings = [.. r.Warnings, .. examWarnings] })];
        return new ExamMeasurementResult
        {
            Exam = exam.Id,
            Folder = exam.Folder,
            Rows = rows,
            Acquisitions = [.. exam.Acquisitions.Select(a => $"{a.Series.SeriesNumber} {System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(a.Kind.ToString())}")],
            Warnings = exam.Warnings,
            DurationMs = total.Elapsed.TotalMilliseconds,
        };
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<ExamMeasurementRow> Relaxometry(Exam exam, ExamAcquisition a, RelaxationQuantity quantity, ExamMeasurementOptions options)
    {
        var clock = Stopwatch.StartNew();
        double? field = a.Series.FieldStrengthT ?? exam.FieldStrengthT;
        string method = quantity == RelaxationQuantity.R2Star ? "r2star" : "r2";
        var calibrations = (quantity == RelaxationQuantity.R2Star && options.R2StarCalibrations is { } names
                ? names.Select(RelaxometryCalibrations.Get)
                : RelaxometryCalibrations.All.Where(c => c.Quantity == quantity && field is double f && Math.Abs(c.FieldStrengthT - f) <= LicConversion.FieldToleranceT))
            .ToList();
        bool hasAir = exam.Rois?.OfRole(RoiRole.Background).Count > 0;
        var warnings = new List<string>();
        var models = quantity == RelaxationQuantity.R2
            ? [DecayModels.Get(options.SpinEchoModel)]
            : options.R2StarModels is { } m ? m.Select(DecayModels.Get).ToList()
            : hasAir ? [DecayModels.Rician, DecayModels.SecondMoment] : [DecayModels.Arlo];
        if (quantity == RelaxationQuantity.R2Star && options.R2StarModels is null && !hasAir)
            warnings.Add("no air (background) ROI: σ unknown, so the noise-aware models were not run; ARLO is biased low at very high R2* where late echoes reach the noise floor");
        var series = a.Series.SeriesNumber is int n ? new[] { n } : [];
        ExamMeasurementRow Row(string model, string calibration, MeasurementStatus status, string? error, IReadOnlyList<string> w) => new()
        {
            Exam = exam.Id, Method = method, Model = model, Calibration = calibration, FieldStrengthT = field, Status = status,
            Warnings = w, Error = error, Series = series, Files = a.Series.Files, EchoTimesMs = a.EchoTimesMs,
            DurationMs = clock.Elapsed.TotalMilliseconds,
        };
        IEnumerable<ExamMeasurementRow> FailAll(string error) =>
            models.SelectMany(m => (calibrations.Count > 0 ? calibrations.Select(c => c.Name) : ["none"]).Select(c => Row(m.Name, c, MeasurementStatus.Failed, error, warnings)));

        if (field is null) return FailAll($"{a.Label} records no Magnetic Field Strength (0018,0087): no calibration can be chosen");
        if (calibrations.Count == 0) return FailAll(F($"no {quantity} calibration is valid at {field} T"));
        if (a.Incompleteness.Count > 0) return FailAll("incomplete acquisition: " + string.Join("; ", a.Incompleteness));
        if (exam.Rois is null) return FailAll($"exam '{exam.Id}' has no ROI set (rois.json or --rois)");
        var livers = RoiSelection.MeasuredLivers(exam.Rois.Mapped);
        if (livers.Count == 0) return FailAll($"the ROI set {exam.Rois.SourcePath} has no liver ROI");

        MultiEchoSeries loaded;
        MultiEchoSlice slice;
        try
        {
            loaded = MultiEchoSeries.FromCatalog(a.Series);
            slice = ChooseSlice(loaded, exam.Rois);
        }
        catch (Exception e) when (e is ImagingException or Dicom.DicomException or IOException or RoiException)
        {
            return FailAll($"{a.Label}: {e.Message}");
        }
        warnings.AddRange(loaded.Warnings.Select(w => $"{a.Label}: {w}"));

        double? sigma = null;
        if (exam.Rois.OfRole(RoiRole.Background).FirstOrDefault() is { } air)
        {
            try
            {
                var noise = BackgroundNoise.Measure(slice.Echoes[0], air, $"echo 1 of slice {slice.Index} of {a.Label}");
                sigma = noise.SigmaSignal;
                warnings.Add("noise: " + noise.Source);
                if (noise.Warning is not null) warnings.Add(noise.Warning);
            }
            catch (Exception e) when (e is RoiException or ArgumentException)
            {
                warnings.Add($"noise: not measured ({e.Message}); noise-aware models fail without σ");
            }
        }

        var rows = new List<ExamMeasurementRow>();
        foreach (var model in models)
        {
            clock.Restart();
            var fits = new List<DecayFitResult>();
            string? error = null;
            try
            {
                foreach (var roi in livers)
                    fits.Add(RoiDecayFit.Fit(loaded, slice.Index, roi, model, DecayFitOptions.Default with { NoiseSigma = sigma }).Fit);
            }
            catch (Exception e) when (e is ArgumentException or RoiException)
            {
                error = $"{model.Name} fit on {a.Label}: {e.Message}";
            }
            var fitWarnings = new List<string>(warnings);
            fitWarnings.AddRange(fits.SelectMany((f, i) => f.Warnings.Select(w => $"fit {livers[i].Name}: {w}")).Distinct());
            if (error is null && fits.FirstOrDefault(f => !f.IsUsable && !f.IsBeyondMeasurableRange) is { } bad)
                error = $"{model.Name} fit of ROI '{livers[fits.IndexOf(bad)].Name}' on {a.Label} did not converge ({bad.Status}: {bad.ExitReason})";
            if (error is not null)
            {
                rows.AddRange(calibrations.Select(c => Row(model.Name, c.Name, MeasurementStatus.Failed, error, fitWarnings)));
                continue;
            }
            double rate = fits.Average(f => f.R2StarPerSecond);
            var beyond = fits.FirstOrDefault(f => f.IsBeyondMeasurableRange);
            foreach (var c in calibrations)
            {
                LicEstimate e = beyond is not null
                    ? LicConversion.FromFit(beyond, field.Value, c)
                    : LicConversion.FromRate(rate, field.Value, c, fits.Min(f => f.FirstEchoTimeMs) is var te && te > 0 ? te : null,
                        sigma is null ? null : fits.Min(f => f.EchoesAboveNoise));
                var w = new List<string>(fitWarnings);
                w.AddRange(e.Warnings.Where(x => !w.Contains(x)));
                if (livers.Count > 1) w.Add(F($"rate = mean of {livers.Count} liver ROI fits ({string.Join(", ", fits.Select(f => f.R2StarPerSecond.ToString("0.#", CultureInfo.InvariantCulture)))} s⁻¹)"));
                var status = e.Outcome switch
                {
                    LicOutcome.Estimated => MeasurementStatus.Estimated,
                    LicOutcome.BeyondMeasurableRange => MeasurementStatus.BeyondMeasurableRange,
                    // No value from the calibration for a positive rate: above the top of its formula's domain (St Pierre above ≈ 394.5 s⁻¹).
                    _ when double.IsFinite(rate) && rate > 0 => MeasurementStatus.AboveRange,
                    _ => MeasurementStatus.Failed,
                };
                var interval = status == MeasurementStatus.Estimated ? Interval(e, [.. fits.Select(f => (f.R2StarPerSecond, f.R2StarStandardErrorPerSecond))], scaling: null)?.Interval : null;
                if (interval is not null) w.AddRange(interval.Notes.Where(x => !w.Contains(x)));
                rows.Add(Row(model.Name, c.Name, status, status == MeasurementStatus.Failed ? string.Join(" ", e.Warnings) : null, w) with
                {
                    LicCiLowUmolPerGram = interval?.CiLowUmolPerGram,
                    LicCiHighUmolPerGram = interval?.CiHighUmolPerGram,
                    ProbabilityAbove = interval?.ProbabilityAbove ?? [],
                    LicUmolPerGram = status == MeasurementStatus.Estimated ? e.Lic?.UmolPerGram : null,
                    LicMgPerGram = status == MeasurementStatus.Estimated ? e.Lic?.MgPerGram : null,
                    RatePerSecond = beyond is null && double.IsFinite(rate) ? rate : null,
                });
            }
        }
        return rows;
    }

    /// <summary>
    /// The 95 % interval of a row whose rate is the mean of the liver ROI fits (docs/methods.md §6, LicUncertainty):
    /// fit component = the standard error of that mean from each fit's asymptotic SE, √(Σ SEᵢ²) / N; spatial component =
    /// the spread of the ROI rates beyond what their fit noise explains, √(max(0, s² − mean SEᵢ²) / N) (heterogeneity and
    /// placement, for the mean of N placements; needs N ≥ 2); calibration residuals are not published and not included
    /// (LicUncertainty says so). Null when a fit has no standard error. Used by the decay-model rows and the fat–water rows.
    /// </summary>
    internal static LicEstimate? Interval(LicEstimate estimate, IReadOnlyList<(double RatePerSecond, double? StandardErrorPerSecond)> fits, FieldStrengthScaling? scaling)
    {
        if (fits.Count == 0 || fits.Any(f => f.StandardErrorPerSecond is not double se || !double.IsFinite(se))) return null;
        int n = fits.Count;
        double meanSe2 = fits.Average(f => f.StandardErrorPerSecond!.Value * f.StandardErrorPerSecond!.Value);
        double fitSd = Math.Sqrt(meanSe2 * n) / n;
        double? spatialSd = null;
        if (n >= 2)
        {
            double mean = fits.Average(f => f.RatePerSecond);
            double s2 = fits.Sum(f => (f.RatePerSecond - mean) * (f.RatePerSecond - mean)) / (n - 1);
            spatialSd = Math.Sqrt(Math.Max(0, s2 - meanSe2) / n);
        }
        return LicUncertainty.WithInterval(estimate, fitSd, spatialSd, scaling);
    }

    internal static MultiEchoSlice ChooseSlice(MultiEchoSeries series, ExamRois rois)
    {
        if (rois.Reference is not { } g) return series.Slices[0];
        var nearest = series.Slices.MinBy(s => Math.Abs(s.SliceLocationMm - g.SliceLocationMm))!;
        double half = double.IsFinite(nearest.Geometry.SliceThicknessMm) ? Math.Max(nearest.Geometry.SliceThicknessMm / 2, 0.5) : 0.5;
        if (Math.Abs(nearest.SliceLocationMm - g.SliceLocationMm) > half)
            throw new RoiException(rois.Set.Rois[0].Name, F($"the ROI set's slice at {g.SliceLocationMm:0.##} mm is not in this series (nearest slice at {nearest.SliceLocationMm:0.##} mm)"));
        return nearest;
    }

    private static IEnumerable<ExamMeasurementRow> SignalRatio(Exam exam, ExamMeasurementOptions options)
    {
        double? field = exam.Sequences.Entries.Count > 0 ? exam.Sequences.Entries[0].Key.FieldStrengthT : null;
        // One row per SIR protocol (not the Lille add-on on its own) at the exam's field of which at least one sequence is present.
        var relevant = exam.SignalRatioChecks.Where(c => c.Protocol.Model != SirModel.LilleAddOn && field is double f
                && Math.Abs(c.Protocol.FieldStrengthT - f) < 0.05 && c.Match.Steps.Any(s => s.Found is not null))
            .OrderBy(c => c.Protocol.Name, StringComparer.Ordinal).ToList();
        foreach (var check in relevant)
        {
            var clock = Stopwatch.StartNew();
            var series = check.Match.Steps.Where(s => s.Found?.Series.SeriesNumber is not null).Select(s => s.Found!.Series.SeriesNumber!.Value).ToList();
            var row = new ExamMeasurementRow
            {
                Exam = exam.Id, Method = "sir", Model = check.Protocol.Name, Calibration = check.Protocol.Model == SirModel.TwoSequence ? "published" : "reconstruction",
                FieldStrengthT = field, Status = MeasurementStatus.Failed, Warnings = [], Series = series, Files = 0, EchoTimesMs = [],
            };
            // A used series with an unreadable file: the slice measured may still be complete, so flag rather than fail.
            var flagged = exam.Acquisitions.Where(a => a.Series.SeriesNumber is int n && series.Contains(n)).SelectMany(a => a.Incompleteness).ToList();
            try
            {
                var ratios = SirExamRatios.Measure(exam, check.Protocol.Name);
                var e = SirLic.Estimate(check.Protocol.Name, ratios.Ratios, options.Sir with { FieldStrengthT = ratios.FieldStrengthT });
                var status = e.Lic is not null ? MeasurementStatus.Estimated : e.AboveRange ? MeasurementStatus.AboveRange : MeasurementStatus.Failed;
                row = row with
                {
                    // The key must not depend on the outcome (a failed row and an estimated one are the same method): the R2* calibration
                    // of a reconstruction goes into the warnings, not into this column.
                    Calibration = e.Status == SirMethodStatus.Published ? "published" : e.Status == SirMethodStatus.Reconstruction ? "reconstruction" : "userConstants",
                    Status = status,
                    LicUmolPerGram = e.Lic?.UmolPerGram,
                    LicMgPerGram = e.Lic?.MgPerGram,
                    RatePerSecond = e.LiverR2StarPerSecond,
                    LicLowerBoundUmolPerGram = status == MeasurementStatus.AboveRange ? e.LicLowerBound?.UmolPerGram : null,
                    MethodSwitch = e.MethodSwitch,
                    Warnings = [.. flagged, .. e.R2StarConversion is { } conv ? [$"LIC of the reconstruction through the R2* calibration {conv.Calibration}"] : Array.Empty<string>(), .. ratios.Findings.Where(x => x.Severity == SirFindingSeverity.Warning).Select(x => x.Message), .. e.Warnings],
                    Error = status == MeasurementStatus.Failed ? "no LIC: " + string.Join(" ", e.Warnings) : null,
                    Series = ratios.Series,
                    Files = ratios.Files,
                    EchoTimesMs = ratios.EchoTimesMs,
                };
            }
            catch (Exception e) when (e is SignalRatioException or ImagingException or RoiException or ArgumentException or Dicom.DicomException or IOException)
            {
                row = row with { Error = e.Message, Warnings = flagged };
            }
            yield return row with { DurationMs = clock.Elapsed.TotalMilliseconds };
        }
    }
}
