using System.Globalization;
using System.Text;
using IronNotebooks.Calibration;
using IronNotebooks.Exams;
using IronNotebooks.Plotting;
using IronNotebooks.Plotting.Plotly;
using IronNotebooks.Statistics;

namespace IronNotebooks.Cohorts;

/// <summary>
/// Validates every method of a cohort against a reference column (biopsy LIC, or the simulated truth) and one or more
/// thresholds, with the Statistics library (docs/methods.md §5): ROC with DeLong intervals, Youden and 100 %-PPV/NPV
/// cut-offs, the diagnostic table of the method's own LIC &gt; threshold with exact intervals, Bland–Altman on the
/// log-ratio scale, Deming and Passing–Bablok regression, linear-weighted kappa on the biopsy classes, and the error
/// against the reference. Above-range and beyond-range outcomes are censored, not missing: they rank highest in ROC,
/// count as positive and as the highest class, and are excluded — with their count — from the numeric statistics;
/// never replaced by a made-up number. Failed rows are left out and counted.
/// </summary>
public static class CohortValidation
{
    /// <summary>Validates <paramref name="table"/> against numeric column <paramref name="referenceColumn"/> (µmol/g).</summary>
    /// <exception cref="ExamException">Unknown reference column, a reference cell that is not a number, no threshold.</exception>
    public static CohortValidationResult Validate(CohortTable table, string referenceColumn, IReadOnlyList<double> thresholdsUmolPerGram)
    {
        Guard.NotNull(table);
        Guard.NotNull(thresholdsUmolPerGram);
        if (!table.CovariateColumns.Contains(referenceColumn))
            throw new ExamException($"reference column '{referenceColumn}' is not in the manifest; its columns: {string.Join(", ", table.CovariateColumns)}.");
        if (thresholdsUmolPerGram.Count == 0 || thresholdsUmolPerGram.Any(t => !(t > 0) || !double.IsFinite(t)))
            throw new ExamException("give at least one positive finite --threshold (µmol/g).");
        var reference = ReferenceValues(table, referenceColumn);
        var classes = LicClasses.BiopsyUmol;
        var methods = table.Keys.Select(k => One(k, table.Where(r => r.Key == k).ToList(), reference, thresholdsUmolPerGram, classes)).ToList();
        return new CohortValidationResult
        {
            Reference = referenceColumn,
            ThresholdsUmolPerGram = thresholdsUmolPerGram,
            Classes = $"{classes.Name} ({string.Join(" | ", classes.Labels)})",
            Exams = table.Exams.Count,
            Methods = methods,
            FatFraction = CohortFatFractionValidation.Validate(table),
            Notes =
            [
                "aboveRange and beyondMeasurableRange outcomes are censored high: highest rank in ROC, positive in the diagnostic tables, highest class in kappa; excluded (counted in 'censored') from errors, Bland–Altman and regression.",
                "failed rows are left out of every statistic and counted in 'failed'.",
                "cut-offs found on this cohort are optimistic for new patients.",
            ],
        };
    }

    /// <summary>The numeric reference of each exam (missing cells left out).</summary>
    /// <exception cref="ExamException">A cell that is not a number, naming the exam and column.</exception>
    internal static Dictionary<string, double> ReferenceValues(CohortTable table, string referenceColumn)
    {
        var reference = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var exam in table.Exams)
        {
            string cell = table.Covariate(exam, referenceColumn) ?? "";
            if (CsvTable.IsMissing(cell)) continue;
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                throw new ExamException($"exam '{exam}': reference '{referenceColumn}' = '{cell}' is not a number.");
            reference[exam] = v;
        }
        return reference;
    }

    private static CohortMethodValidation One(string key, IReadOnlyList<ExamMeasurementRow> rows, IReadOnlyDictionary<string, double> reference,
        IReadOnlyList<double> thresholds, ClassificationScheme classes)
    {
        var notes = new List<string>();
        int failed = rows.Count(r => r.Status == MeasurementStatus.Failed);
        var usable = rows.Where(r => r.Status != MeasurementStatus.Failed && (r.Status != MeasurementStatus.Estimated || r.LicUmolPerGram is not null)).ToList();
        int noReference = usable.Count(r => !reference.ContainsKey(r.Exam));
        var pairs = usable.Where(r => reference.ContainsKey(r.Exam))
            .Select(r => (Censored: r.Status != MeasurementStatus.Estimated, Value: r.LicUmolPerGram ?? double.NaN, Reference: reference[r.Exam])).ToList();
        var finite = pairs.Where(p => !p.Censored).ToList();
        double[] score = [.. pairs.Select(p => p.Censored ? double.MaxValue : p.Value)];
        T? Try<T>(string what, Func<T> f) where T : class
        {
            try { return f(); }
            catch (Exception e) when (e is ArgumentException or InsufficientDataException or InvalidOperationException)
            {
                notes.Add($"{what}: {e.Message}");
                return null;
            }
        }
        var perThreshold = thresholds.Select(t =>
        {
            var truth = pairs.Select(p => p.Reference > t).ToList();
            int pos = truth.Count(x => x), neg = truth.Count - pos;
            var tn = new List<string>();
            if (pos == 0 || neg == 0)
            {
                tn.Add(string.Create(CultureInfo.InvariantCulture, $"{pos} exam(s) above and {neg} at or below {t} µmol/g: ROC and the diagnostic table need both."));
                return new CohortThresholdValidation { ThresholdUmolPerGram = t, Positives = pos, Negatives = neg, Notes = tn };
            }
            var roc = Try($"ROC at {t}", () => Roc.Compute(score, truth));
            var cut = roc is null ? null : Try($"cut-offs at {t}", () => CutoffSearch.Find(roc));
            var table = Try($"diagnostic table at {t}", () => DiagnosticTable.FromClassifications(truth, [.. pairs.Select(p => p.Censored || p.Value > t)]));
            double? Cut(RocPoint? p) => p is null || p.Threshold >= double.MaxValue || !double.IsFinite(p.Threshold) ? null : p.Threshold;
            return new CohortThresholdValidation
            {
                ThresholdUmolPerGram = t, Positives = pos, Negatives = neg,
                Auc = roc?.Auc, AucCiLow = roc?.AucCi?.Lower, AucCiHigh = roc?.AucCi?.Upper,
                YoudenCutoffUmolPerGram = Cut(cut?.Youden), YoudenSensitivity = cut?.Youden.Sensitivity, YoudenSpecificity = cut?.Youden.Specificity,
                Ppv100CutoffUmolPerGram = Cut(cut?.RuleIn), Npv100CutoffUmolPerGram = Cut(cut?.RuleOut),
                Sensitivity = table?.Sensitivity.Value, SensitivityCiLow = table?.Sensitivity.ClopperPearson.Lower, SensitivityCiHigh = table?.Sensitivity.ClopperPearson.Upper,
                Specificity = table?.Specificity.Value, SpecificityCiLow = table?.Specificity.ClopperPearson.Lower, SpecificityCiHigh = table?.Specificity.ClopperPearson.Upper,
                Notes = tn,
            };
        }).ToList();

        double[] x = [.. finite.Select(p => p.Reference)], y = [.. finite.Select(p => p.Value)];
        bool positive = x.All(v => v > 0) && y.All(v => v > 0);
        var ba = finite.Count >= 3 && positive ? Try("Bland–Altman", () => BlandAltman.Compute(x, y, BlandAltmanOptions.LogRatio)) : null;
        var deming = finite.Count >= 3 ? Try("Deming", () => MethodComparison.Deming(x, y)) : null;
        var pb = finite.Count >= 3 ? Try("Passing–Bablok", () => MethodComparison.PassingBablok(x, y)) : null;
        string ClassOf(double v, bool censored) => censored ? classes.Labels[^1] : classes.Classify(v).Label;
        var kappa = pairs.Count >= 2 ? Try("kappa", () => CohenKappa.Compute([.. pairs.Select(p => ClassOf(p.Reference, false))], [.. pairs.Select(p => ClassOf(p.Value, p.Censored))],
            KappaWeightings.Linear, classes.Labels)) : null;
        if (finite.Count < 3) notes.Add($"{finite.Count} estimated exam(s) with a reference: errors, Bland–Altman and regression need at least 3.");
        if (!positive && finite.Count >= 3) notes.Add("a non-positive value: Bland–Altman on the log scale not computed.");
        var errors = finite.Select(p => p.Value - p.Reference).ToList();
        var pct = finite.Where(p => p.Reference > 0).Select(p => Math.Abs(p.Value - p.Reference) / p.Reference * 100).Order().ToList();
        return new CohortMethodValidation
        {
            Key = key, N = pairs.Count, Censored = pairs.Count - finite.Count, Failed = failed, NoReference = noReference, Thresholds = perThreshold,
            MeanErrorUmolPerGram = errors.Count > 0 ? errors.Average() : null,
            RmsErrorUmolPerGram = errors.Count > 0 ? Math.Sqrt(errors.Average(e => e * e)) : null,
            MedianAbsoluteErrorPercent = pct.Count > 0 ? (pct.Count % 2 == 1 ? pct[pct.Count / 2] : (pct[pct.Count / 2 - 1] + pct[pct.Count / 2]) / 2) : null,
            BlandAltmanRatio = ba?.Ratios?.Bias, BlandAltmanRatioLow = ba?.Ratios?.LowerLimit, BlandAltmanRatioHigh = ba?.Ratios?.UpperLimit,
            DemingSlope = deming?.Slope, DemingInterceptUmolPerGram = deming?.Intercept,
            PassingBablokSlope = pb?.Slope, PassingBablokInterceptUmolPerGram = pb?.Intercept,
            WeightedKappa = kappa?.Kappa, WeightedKappaCiLow = kappa?.Ci.Lower, WeightedKappaCiHigh = kappa?.Ci.Upper,
            Notes = notes,
        };
    }

    /// <summary>The figures of a validation: ROC curves of every method at the first threshold, then per method a Bland–Altman
    /// plot on the log-ratio scale and a method-comparison plot with the Deming line (estimated exams only).</summary>
    public static IReadOnlyList<PlotlyFigure> Figures(CohortValidationResult result, CohortTable table)
    {
        Guard.NotNull(result);
        Guard.NotNull(table);
        var figures = new List<PlotlyFigure>();
        double t0 = result.ThresholdsUmolPerGram[0];
        var reference = table.Exams.Select(e => (e, v: table.Covariate(e, result.Reference)))
            .Where(x => x.v is not null && !CsvTable.IsMissing(x.v) && double.TryParse(x.v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .ToDictionary(x => x.e, x => double.Parse(x.v!, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var series = new List<RocPlotSeries>();
        foreach (var m in result.Methods)
        {
            var pairs = table.Where(r => r.Key == m.Key && r.Status != MeasurementStatus.Failed && reference.ContainsKey(r.Exam)
                && (r.Status != MeasurementStatus.Estimated || r.LicUmolPerGram is not null)).ToList();
            var truth = pairs.Select(r => reference[r.Exam] > t0).ToList();
            if (truth.Any(b => b) && truth.Any(b => !b))
            {
                try
                {
                    var roc = Roc.Compute([.. pairs.Select(r => r.Status == MeasurementStatus.Estimated ? r.LicUmolPerGram!.Value : double.MaxValue)], truth);
                    series.Add(new RocPlotSeries(m.Key, roc));
                }
                catch (Exception e) when (e is ArgumentException or InsufficientDataException) { }
            }
            var finite = pairs.Where(r => r.Status == MeasurementStatus.Estimated && r.LicUmolPerGram > 0 && reference[r.Exam] > 0).ToList();
            if (finite.Count >= 3)
            {
                try
                {
                    double[] x = [.. finite.Select(r => reference[r.Exam])], y = [.. finite.Select(r => r.LicUmolPerGram!.Value)];
                    figures.Add(BlandAltmanPlot.From(BlandAltman.Compute(x, y, BlandAltmanOptions.LogRatio),
                        BlandAltmanPlotOptions.Default with { Title = $"{m.Key} vs {result.Reference}", MethodA = result.Reference, MethodB = m.Key, Unit = "µmol/g" }));
                    figures.Add(MethodComparisonPlot.From(x, y, MethodComparisonPlotOptions.Default with { Lines = [MethodComparison.Deming(x, y)] }));
                }
                catch (Exception e) when (e is ArgumentException or InsufficientDataException) { }
            }
        }
        if (series.Count > 0) figures.Insert(0, RocPlot.From(series));
        return figures;
    }

    /// <summary>
    /// One self-contained HTML report: the per-method table, then <see cref="Figures"/>. <paramref name="plotlyJs"/> (the
    /// plotly.js text) is inlined once so the page opens offline; without it the page says so and loads plotly.js from the CDN.
    /// </summary>
    public static string ToHtml(CohortValidationResult result, CohortTable table, string? plotlyJs)
    {
        var figures = Figures(result, table);
        string page = PlotlyHtml.Page($"Cohort validation against {result.Reference}", figures, plotlyJs);
        // The summary table and notes go first in <body>.
        var sb = new StringBuilder();
        
        if (plotlyJs is null) sb.Append("<p><strong>plotly.js was not found locally (run environment/fetch-plotly.sh): figures load it from the CDN and need a network.</strong></p>");
        sb.Append("<p>").Append(result.Exams).Append(" exam(s); classes ").Append(HtmlText.Escape(result.Classes)).Append("</p><ul>");
        foreach (var n in result.Notes) sb.Append("<li>").Append(HtmlText.Escape(n)).Append("</li>");
        sb.Append("</ul><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>method</th><th>n</th><th>censored</th><th>failed</th><th>mean error (µmol/g)</th><th>RMS error</th><th>median |error| %</th><th>BA ratio (LoA)</th><th>Deming slope</th><th>PB slope</th><th>κ (linear)</th>");
        foreach (var t in result.ThresholdsUmolPerGram) sb.Append("<th>AUC &gt; ").Append(F(t, 0)).Append(" (DeLong 95 %)</th><th>sens / spec at ").Append(F(t, 0)).Append("</th>");
        sb.Append("</tr>");
        foreach (var m in result.Methods)
        {
            sb.Append("<tr><td>").Append(HtmlText.Escape(m.Key)).Append("</td><td>").Append(m.N).Append("</td><td>").Append(m.Censored).Append("</td><td>").Append(m.Failed)
              .Append("</td><td>").Append(F(m.MeanErrorUmolPerGram, 1)).Append("</td><td>").Append(F(m.RmsErrorUmolPerGram, 1)).Append("</td><td>").Append(F(m.MedianAbsoluteErrorPercent, 1))
              .Append("</td><td>").Append(F(m.BlandAltmanRatio, 3)).Append(" (").Append(F(m.BlandAltmanRatioLow, 3)).Append("–").Append(F(m.BlandAltmanRatioHigh, 3)).Append(")</td><td>")
              .Append(F(m.DemingSlope, 3)).Append("</td><td>").Append(F(m.PassingBablokSlope, 3)).Append("</td><td>").Append(F(m.WeightedKappa, 3)).Append("</td>");
            foreach (var t in m.Thresholds)
                sb.Append("<td>").Append(F(t.Auc, 3)).Append(" (").Append(F(t.AucCiLow, 3)).Append("–").Append(F(t.AucCiHigh, 3)).Append(")</td><td>")
                  .Append(F(t.Sensitivity * 100, 0)).Append(" % / ").Append(F(t.Specificity * 100, 0)).Append(" %</td>");
            sb.Append("</tr>");
        }
        sb.Append("</table>");
        if (result.FatFraction.Count > 0)
        {
            // PDFF of the fat–water methods against the simulated (or measured) fat fraction, in percentage points.
            sb.Append("<h2>PDFF against ").Append(HtmlText.Escape(result.FatFraction[0].Reference)).Append("</h2><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>method</th><th>n</th><th>failed</th><th>mean error (points)</th><th>RMS error</th><th>max |error|</th><th>limits of agreement</th></tr>");
            foreach (var f in result.FatFraction)
                sb.Append("<tr><td>").Append(HtmlText.Escape(f.Key)).Append("</td><td>").Append(f.N).Append("</td><td>").Append(f.Failed).Append("</td><td>").Append(F(f.MeanErrorPercentPoints, 2))
                  .Append("</td><td>").Append(F(f.RmsErrorPercentPoints, 2)).Append("</td><td>").Append(F(f.MaxAbsoluteErrorPercentPoints, 2)).Append("</td><td>")
                  .Append(F(f.BlandAltman?.LowerLimit, 2)).Append(" to ").Append(F(f.BlandAltman?.UpperLimit, 2)).Append("</td></tr>");
            sb.Append("</table>");
        }
        int body = page.IndexOf("</h1>", StringComparison.Ordinal);
        return body < 0 ? sb + page : page.Insert(body + "</h1>".Length, sb.ToString());
    }

    private static string F(double? v, int digits) => v is double d && double.IsFinite(d) ? d.ToString("F" + digits, CultureInfo.InvariantCulture) : "–";
}
