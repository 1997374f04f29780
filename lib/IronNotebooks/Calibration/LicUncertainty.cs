using System.Globalization;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;
using IronNotebooks.Statistics.Internal;

namespace IronNotebooks.Calibration;

/// <summary>
/// An LIC with its uncertainty (docs/methods.md §6, uncertainty). The rate is modelled as normal with variance
/// σ²_fit + σ²_spatial (+ σ²_calibration where published):
/// <list type="bullet">
/// <item><b>fit</b>: bootstrap of the ROI-mean decay — each echo's mean perturbed by its standard error (pixel SD / √n,
/// the three discs combined) and refitted; the SD of the refitted rates.</item>
/// <item><b>spatial</b>: heterogeneity and ROI placement — the liver discs refitted at up to 40 valid positions in the
/// parenchyma (where a disc fits clear of vessels and edges: the "liver-parenchyma" mask of an ROI proposal); the
/// between-position variance in excess of what fit noise explains, divided by the number of discs.</item>
/// <item><b>calibration</b>: only where docs/methods.md §3 gives a residual SD or prediction interval for the calibration.
/// None of the registry's calibrations has one in the project's sources, so it is shown as not included, with that reason;
/// the interval then describes the measurement, not the biopsy-to-MRI scatter of the calibration study.</item>
/// </list>
/// The rate interval (±z·σ) and P(LIC &gt; threshold) are pushed through the calibration, which is monotone.
/// </summary>
public static class LicUncertainty
{
    /// <summary>
    /// LIC with interval from an exam's ROIs: the liver discs (circles of role Liver) on <paramref name="sliceIndex"/>, σ
    /// from the background ROI (Rayleigh mean), valid positions from the liver mask ROI when the set has one.
    /// </summary>
    /// <exception cref="ArgumentException">No liver disc, no background ROI (the Rician fit needs σ), or a slice out of range.</exception>
    public static LicEstimate Estimate(MultiEchoSeries series, int sliceIndex, RoiSet rois, double fieldT, RelaxometryCalibration calibration,
        FieldStrengthScaling? scaling = null, LicUncertaintyOptions? options = null)
    {
        Guard.NotNull(series);
        Guard.NotNull(rois);
        Guard.NotNull(calibration);
        Guard.InRange(sliceIndex, 0, series.Slices.Count - 1);
        options ??= LicUncertaintyOptions.Default;
        var slice = series.Slices[sliceIndex];
        var discs = rois.Rois.Where(r => r.Role == RoiRole.Liver && r is not MaskRoi).ToList();
        if (discs.Count == 0) throw new ArgumentException($"The ROI set has no liver disc (role liver); names: {string.Join(", ", rois.Rois.Select(r => r.Name))}.", nameof(rois));
        var background = rois.Rois.FirstOrDefault(r => r.Role == RoiRole.Background)
            ?? throw new ArgumentException("The ROI set has no background (air) ROI: the noise-corrected fit and the fit bootstrap need σ.", nameof(rois));
        double sigma = RoiMeasurement.Measure(slice.Echoes[0], background).Mean / Math.Sqrt(Math.PI / 2);
        var fitOptions = DecayFitOptions.Default with { NoiseSigma = sigma };
        var te = series.EchoTimesMs;

        // Fit of the combined discs (each disc weighted equally, as the Rennes worksheet averages its readings).
        var perDisc = discs.Select(d => RoiMeasurement.MeasureEchoes(slice, d)).ToList();
        var mean = Enumerable.Range(0, te.Count).Select(e => perDisc.Average(s => s[e].Mean)).ToArray();
        var sem = Enumerable.Range(0, te.Count).Select(e => Math.Sqrt(perDisc.Sum(s => s[e].Sd * s[e].Sd / Math.Max(1, s[e].PixelCount))) / perDisc.Count).ToArray();
        int setPixels = perDisc.Sum(s => s[0].PixelCount);
        var fit = DecayFit.Fit(te, mean, options.Model, fitOptions) with { FirstEchoTimeMs = te[0] };
        var estimate = LicConversion.FromFit(fit, fieldT, calibration, scaling);
        if (estimate.Lic is null || !fit.IsUsable) return estimate;

        var random = new Random(options.Seed);
        var rates = new List<double>(options.FitBootstrapSamples);
        var y = new double[te.Count];
        for (int b = 0; b < options.FitBootstrapSamples; b++)
        {
            for (int e = 0; e < te.Count; e++) y[e] = mean[e] + sem[e] * Gaussian(random);
            var r = DecayFit.Fit(te, y, options.Model, fitOptions);
            if (r.IsUsable && double.IsFinite(r.R2StarPerSecond)) rates.Add(r.R2StarPerSecond);
        }
        double fitSd = StandardDeviation(rates);
        var components = new List<UncertaintyComponent>
        {
            new()
            {
                Name = "fit",
                Method = string.Create(CultureInfo.InvariantCulture, $"bootstrap of the ROI-mean decay: {rates.Count} refits ({options.Model.Name}, σ {sigma:G3} from the air ROI) with each echo perturbed by its standard error (pixel SD/√n, {setPixels} pixels in {discs.Count} discs)"),
                SdPerSecond = fitSd,
            },
        };

        // Spatial: refit at valid disc positions of the parenchyma mask.
        var mask = rois.Rois.OfType<MaskRoi>().FirstOrDefault(m => m.Role == RoiRole.Liver);
        var circle = discs.OfType<CircleRoi>().FirstOrDefault();
        if (mask is null || circle is null)
            components.Add(new UncertaintyComponent
            {
                Name = "spatial",
                Method = "bootstrap over valid disc positions in the parenchyma",
                SdPerSecond = null,
                Note = "not included: the ROI set has no liver parenchyma mask (propose ROIs with `ironnb roi propose`, or add a liver mask ROI) or no circular liver disc",
            });
        else
        {
            var g = slice.Geometry;
            var inside = new bool[g.Rows * g.Columns];
            foreach (int i in mask.PixelIndices) if (i >= 0 && i < inside.Length) inside[i] = true;
            var dist = DistanceTransform.ToOutsideMm(inside, g.Rows, g.Columns, g.RowSpacingMm, g.ColumnSpacingMm);
            double radiusMm = circle.Radius * g.ColumnSpacingMm;
            var valid = Enumerable.Range(0, inside.Length).Where(i => dist[i] >= radiusMm).ToList();
            var picks = valid.OrderBy(_ => random.Next()).Take(options.SpatialPositions).ToList();
            var positionRates = new List<double>();
            int discPixels = 0;
            foreach (int i in picks)
            {
                var disc = circle with { Name = "position", Center = new RoiPoint(i % g.Columns, i / g.Columns) };
                var stats = RoiMeasurement.MeasureEchoes(slice, disc);
                discPixels += stats[0].PixelCount;
                var r = DecayFit.Fit(te, stats.Select(s => s.Mean).ToArray(), options.Model, fitOptions);
                if (r.IsUsable && double.IsFinite(r.R2StarPerSecond)) positionRates.Add(r.R2StarPerSecond);
            }
            if (positionRates.Count < 5)
                components.Add(new UncertaintyComponent
                {
                    Name = "spatial",
                    Method = "bootstrap over valid disc positions in the parenchyma",
                    SdPerSecond = null,
                    Note = $"not included: only {positionRates.Count} valid disc positions in the parenchyma mask (need 5)",
                });
            else
            {
                // A single disc's noise variance is the combined set's scaled by pixel count; what exceeds it is heterogeneity.
                double meanDiscPixels = (double)discPixels / picks.Count;
                double between = StandardDeviation(positionRates);
                double excess = Math.Max(0, between * between - fitSd * fitSd * setPixels / Math.Max(1, meanDiscPixels));
                components.Add(new UncertaintyComponent
                {
                    Name = "spatial",
                    Method = string.Create(CultureInfo.InvariantCulture,
                        $"discs refitted at {positionRates.Count} random valid positions of the parenchyma ({valid.Count} possible): between-position SD {between:0.##} s⁻¹, minus the fit noise of one disc, over √{discs.Count} discs"),
                    SdPerSecond = Math.Sqrt(excess / discs.Count),
                });
            }
        }
        return WithInterval(estimate, components, scaling, options);
    }

    /// <summary>
    /// Adds an interval to an estimate from given rate SDs (e.g. `ironnb lic r2star --se S --spatial-sd D`): the fit SE and,
    /// when known, the spatial SD; the calibration component is added (or explained as absent) here.
    /// </summary>
    /// <exception cref="ArgumentException">A negative or non-finite SD.</exception>
    public static LicEstimate WithInterval(LicEstimate estimate, double fitSdPerSecond, double? spatialSdPerSecond, FieldStrengthScaling? scaling = null,
        LicUncertaintyOptions? options = null)
    {
        Guard.NotNull(estimate);
        Guard.InRange(fitSdPerSecond, 0, 1e6);
        if (spatialSdPerSecond is double s) Guard.InRange(s, 0, 1e6, nameof(spatialSdPerSecond));
        var components = new List<UncertaintyComponent>
        {
            new() { Name = "fit", Method = "standard error of the rate as given", SdPerSecond = fitSdPerSecond },
            new()
            {
                Name = "spatial", Method = "SD of the rate over ROI placements as given", SdPerSecond = spatialSdPerSecond,
                Note = spatialSdPerSecond is null ? "not included: no spatial SD given" : null,
            },
        };
        return WithInterval(estimate, components, scaling, options ?? LicUncertaintyOptions.Default);
    }

    private static LicEstimate WithInterval(LicEstimate estimate, List<UncertaintyComponent> components, FieldStrengthScaling? scaling, LicUncertaintyOptions options)
    {
        if (estimate.Lic is null) return estimate;
        var calibration = RelaxometryCalibrations.Get(estimate.Calibration);
        components.Add(new UncertaintyComponent
        {
            Name = "calibration",
            Method = "residual SD or prediction interval of the calibration study",
            SdPerSecond = null,
            Note = $"not included: docs/methods.md §3 gives no residual SD or prediction interval for {calibration.Name} ({calibration.Title}); "
                + "the interval covers the measurement only, not the scatter of biopsy LIC around the calibration line",
        });
        double rate = estimate.InputRatePerSecond;
        double sd = Math.Sqrt(components.Sum(c => c.SdPerSecond is double v ? v * v : 0));
        double z = Distributions.NormalCritical(options.Level);
        double lowRate = rate - z * sd, highRate = rate + z * sd;
        // The interval's ends are computed rates, not measurements: outside the plausible 0–3,000 s⁻¹ the calibration is not
        // evaluated (LicConversion refuses such rates), and the note says which end was limited and why.
        double? ToUmol(double r) => r is < 0 or > PlausibleRange.MaxRatePerSecond ? null
            : LicConversion.FromRate(r, estimate.MeasuredFieldT, calibration, scaling).Lic?.UmolPerGram;
        var notes = new List<string>();
        double? low = ToUmol(Math.Max(lowRate, 0)), high = ToUmol(highRate);
        if (lowRate < 0) notes.Add(string.Create(CultureInfo.InvariantCulture, $"The lower rate {lowRate:G4} s⁻¹ is below 0: the lower end is the LIC at a rate of 0 s⁻¹."));
        if (low < 0) notes.Add("The lower end is below 0 µmol/g: the linear calibration extended below its meaningful range; read it as 'near zero'.");
        if (high is null) notes.Add(string.Create(CultureInfo.InvariantCulture, $"{calibration.Name} has no value at the upper rate {highRate:G4} s⁻¹: the interval is open above."));
        if (estimate.FieldScaling is not null) notes.Add($"The field-strength scaling {estimate.FieldScaling} adds uncertainty of its own that the project's sources do not quantify; not included.");
        notes.Add("Biopsy itself varies by 19–40 % (docs/methods.md §5): an interval narrower than that does not make the MRI LIC more accurate than biopsy.");
        var probabilities = options.ThresholdsMgPerGram.Select(t =>
        {
            double threshold = RateFor(t, estimate.MeasuredFieldT, calibration, scaling);
            double p = sd > 0 ? 1 - Distributions.NormalCdf((threshold - rate) / sd) : (rate > threshold ? 1 : 0);
            return new ThresholdProbability(t, t * LiverIronConcentration.UmolPerMg, p);
        }).ToList();
        return estimate with
        {
            Interval = new LicInterval
            {
                Level = options.Level, TotalSdPerSecond = sd, RateLowPerSecond = lowRate, RateHighPerSecond = highRate,
                CiLowUmolPerGram = low, CiHighUmolPerGram = high, ProbabilityAbove = probabilities, Components = components, Notes = notes,
            },
        };
    }

    /// <summary>The rate at which the calibration (after the scaling) reaches <paramref name="mgPerGram"/>, by bisection; +∞ when never reached.</summary>
    private static double RateFor(double mgPerGram, double fieldT, RelaxometryCalibration calibration, FieldStrengthScaling? scaling)
    {
        double Mg(double r) => LicConversion.FromRate(r, fieldT, calibration, scaling).Lic?.MgPerGram ?? double.PositiveInfinity;
        double lo = 0, hi = PlausibleRange.MaxRatePerSecond;
        if (Mg(hi) < mgPerGram) return double.PositiveInfinity;
        if (Mg(lo) > mgPerGram) return double.NegativeInfinity;
        for (int i = 0; i < 80; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (Mg(mid) < mgPerGram) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static double StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return 0;
        double m = values.Average();
        return Math.Sqrt(values.Sum(v => (v - m) * (v - m)) / (values.Count - 1));
    }
}
