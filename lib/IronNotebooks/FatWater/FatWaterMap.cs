using System.Numerics;
using IronNotebooks.FatWater.Internal;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;

namespace IronNotebooks.FatWater;

/// <summary>
/// Pixel-wise fat–water maps (CC-R2*, PDFF, water, fat) in the style of <see cref="R2StarMap"/>: rows in parallel, one
/// engine per thread, nothing allocated per pixel (magnitude). Complex maps add the field map, region-grown per slice
/// (<see cref="FatWaterMapOptions.RegulariseFieldMap"/>) to avoid water–fat swaps.
/// </summary>
public static class FatWaterMap
{
    /// <summary>Magnitude fat–water map of every pixel of every slice.</summary>
    /// <exception cref="ArgumentException">What <see cref="FatWaterFit.FitMagnitude"/> rejects about the echo train or options.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static FatWaterMapResult Compute(MultiEchoSeries series, FatWaterMapOptions options, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(series);
        Guard.NotNull(options);
        var o = options.Fit;
        var te = series.EchoTimesMs;
        int m = te.Count;
        FatWaterValidation.Check(te, m, o, FatWaterValidation.MagnitudeMinimumEchoes, "magnitude");
        int totalRows = series.Slices.Sum(s => s.Geometry.Rows), rowsDone = 0;
        var totals = new long[6];
        bool rician = o.NoiseSigma is not null && o.CoilCount == 1;
        double maxRate = Math.Min(1000.0 / te[0], o.MaxR2StarPerSecond * 0.999);
        var slices = new FatWaterMapSlice[series.Slices.Count];
        // One parallel loop over every (slice, row) pair (not one per slice): no barrier at each slice's end, where a thread
        // would wait for the other's last rows, and one engine per thread for the whole volume.
        var firstRow = new int[series.Slices.Count + 1];
        int maxCols = 0;
        for (int z = 0; z < series.Slices.Count; z++)
        {
            var g = series.Slices[z].Geometry;
            slices[z] = NewSlice(series.Slices[z].Index, g.Columns, g.Rows, complex: false);
            firstRow[z + 1] = firstRow[z] + g.Rows;
            maxCols = Math.Max(maxCols, g.Columns);
        }
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        Parallel.For(0, totalRows, parallel,
            () => (engine: new MagnitudeFatWaterEngine(te, o), row: new double[m * maxCols], signal: new double[m], counts: new long[6]),
            (sliceRow, _, local) =>
            {
                int z = Array.BinarySearch(firstRow, sliceRow);
                z = z >= 0 ? z : ~z - 1;
                // Slices without rows share a first row: the slice that owns row sliceRow is the last of them.
                while (firstRow[z + 1] <= sliceRow) z++;
                int y = sliceRow - firstRow[z];
                var map = slices[z];
                var planes = series.Slices[z].Echoes;
                int cols = map.Columns;
                for (int e = 0; e < m; e++)
                {
                    var src = planes[e].Pixels.Slice(y * cols, cols);
                    for (int x = 0; x < cols; x++) local.row[e * cols + x] = src[x];
                }
                for (int x = 0; x < cols; x++)
                {
                    int idx = y * cols + x;
                    bool finite = true;
                    for (int e = 0; e < m; e++)
                    {
                        double v = local.row[e * cols + x];
                        local.signal[e] = v;
                        finite &= double.IsFinite(v);
                    }
                    if (!finite || !(local.signal[0] > options.MaskThreshold))
                    {
                        SetNaN(map, idx, DecayFitStatus.Masked);
                        local.counts[1]++;
                        continue;
                    }
                    local.engine.Fit(local.signal, out var water, out var fat, out double noiseVariance);
                    bool waterKept = FatWaterFit.KeepWater(water, fat, noiseVariance, m, o);
                    var kept = waterKept ? water : fat;
                    double margin = FatWaterFit.SignedMargin(kept.Cost, (waterKept ? fat : water).Cost, noiseVariance, m, 3);
                    bool swap = !waterKept || FatWaterFit.Ambiguous(margin, o);
                    // With σ known, each pixel's second-order bias is subtracted where it applies, as FatWaterFit.FitMagnitude does.
                    var bias = rician ? local.engine.Bias(kept, waterKept) : default;
                    if (bias.Outcome == BiasOutcome.Applied) { kept.Amplitude -= bias.Amplitude; kept.Eta -= bias.Eta; kept.Rate -= bias.Rate; local.counts[5]++; }
                    Store(map, idx, kept.Status, kept.Rate, maxRate, 100 * kept.Eta, kept.Amplitude * (1 - kept.Eta), kept.Amplitude * kept.Eta, swap, local.counts);
                }
                progress?.Report((double)Interlocked.Increment(ref rowsDone) / totalRows);
                return local;
            },
            local => AddCounts(totals, local.counts));
        return new FatWaterMapResult
        {
            Kind = FatWaterFitKind.Magnitude, EchoTimesMs = [.. te], FieldStrengthT = o.FieldStrengthT, Spectrum = o.Spectrum.Name, Slices = slices,
            FittedPixels = totals[0], MaskedPixels = totals[1], FailedPixels = totals[2], BeyondMeasurableRangePixels = totals[3],
            SwapSuspectedPixels = totals[4], BiasCorrectedPixels = totals[5], Source = series.Description,
        };
    }

    /// <summary>
    /// Complex fat–water map (water, fat, field map, R2*) from magnitude and phase. With
    /// <see cref="FatWaterMapOptions.RegulariseFieldMap"/> the field map is region-grown per slice (Yu et al., MRM
    /// 2005;54:1032; the spatial-smoothness idea of Hernando et al., MRM 2010;63:79, without its graph cut): every pixel's
    /// candidate field values are the local minima of its projected cost over one aliasing period; growing from the most
    /// reliable bright pixel, each pixel takes the candidate closest to the magnitude-weighted field of its already decided
    /// neighbours, then is refined. A pixel whose data clearly prefer another candidate is flagged as a suspected swap.
    /// </summary>
    /// <exception cref="ArgumentException">No phase images, or what <see cref="FatWaterFit.FitComplex"/> rejects.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static FatWaterMapResult ComputeComplex(ChemicalShiftSeries series, FatWaterMapOptions options, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(series);
        Guard.NotNull(options);
        var phase = series.PhaseRadians ?? throw new ArgumentException("Complex fat–water fitting needs phase images; use FatWaterMap.Compute for magnitude only.", nameof(series));
        var o = options.Fit;
        var mag = series.Magnitude;
        var te = mag.EchoTimesMs;
        int m = te.Count;
        FatWaterValidation.Check(te, m, o, FatWaterValidation.ComplexMinimumEchoes, "complex");
        double maxRate = Math.Min(1000.0 / te[0], o.MaxR2StarPerSecond * 0.999);
        var slices = new FatWaterMapSlice[mag.Slices.Count];
        var totals = new long[6];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        var kind = options.RegulariseFieldMap ? FatWaterFitKind.ComplexRegularised : FatWaterFitKind.ComplexIndependent;
        for (int z = 0; z < mag.Slices.Count; z++)
        {
            var ms = mag.Slices[z];
            var ps = phase.Slices[z];
            int cols = ms.Geometry.Columns, rows = ms.Geometry.Rows, n = cols * rows;
            var data = new Complex[n * m];
            var inMask = new bool[n];
            var weight = new double[n];
            for (int i = 0; i < n; i++)
            {
                bool ok = ms.Echoes[0].Pixels[i] > options.MaskThreshold;
                for (int e = 0; e < m && ok; e++)
                {
                    double a = ms.Echoes[e].Pixels[i], p = ps.Echoes[e].Pixels[i];
                    ok = double.IsFinite(a) && double.IsFinite(p);
                    data[i * m + e] = Complex.FromPolarCoordinates(a, p);
                }
                inMask[i] = ok;
                weight[i] = ok ? ms.Echoes[0].Pixels[i] : 0;
            }
            // Candidates of every pixel (parallel): up to three local minima over ψ.
            var cand = new FieldCandidate[n * MaxCandidates];
            var candCount = new int[n];
            Parallel.For(0, rows, parallel, () => new ComplexFatWaterEngine(te, o), (y, _, engine) =>
            {
                Span<double> cost = stackalloc double[ComplexFatWaterEngine.FieldGridPoints];
                Span<double> rate = stackalloc double[ComplexFatWaterEngine.FieldGridPoints];
                for (int x = 0; x < cols; x++)
                {
                    int i = y * cols + x;
                    if (!inMask[i]) continue;
                    engine.CostCurve(data.AsSpan(i * m, m), cost, rate);
                    candCount[i] = engine.LocalMinima(cost, rate, cand.AsSpan(i * MaxCandidates, MaxCandidates));
                }
                return engine;
            }, _ => { });
            var engine0 = new ComplexFatWaterEngine(te, o);
            var chosen = new double[n];
            var chosenRate = new double[n];
            for (int i = 0; i < n; i++) { chosen[i] = cand[i * MaxCandidates].FieldHz; chosenRate[i] = cand[i * MaxCandidates].Rate; }
            if (options.RegulariseFieldMap) RegionGrow(engine0, cols, rows, inMask, weight, cand, candCount, chosen, chosenRate);

            var map = NewSlice(ms.Index, cols, rows, complex: true);
            Parallel.For(0, rows, parallel, () => (engine: new ComplexFatWaterEngine(te, o), counts: new long[6]), (y, _, local) =>
            {
                for (int x = 0; x < cols; x++)
                {
                    int i = y * cols + x;
                    if (!inMask[i])
                    {
                        SetNaN(map, i, DecayFitStatus.Masked);
                        local.counts[1]++;
                        continue;
                    }
                    var yv = data.AsSpan(i * m, m);
                    var best = local.engine.Refine(yv, chosen[i], chosenRate[i]);
                    bool overridden = false;
                    ComplexFit? other = null;
                    var top = cand[i * MaxCandidates];
                    if (local.engine.Distance(top.FieldHz, chosen[i]) > local.engine.PeriodHz / 16)
                    {
                        // The region-grown choice differs from the pixel's own best: refine that one too, to judge the override.
                        var own = local.engine.Refine(yv, top.FieldHz, top.Rate);
                        other = own;
                        local.counts[5]++;
                        overridden = FatWaterFit.Margin(own.Cost, best.Cost, 2 * m, 6) > SwapOverrideMargin && own.Cost < best.Cost;
                    }
                    else if (candCount[i] > 1)
                    {
                        var second = cand[i * MaxCandidates + 1];
                        other = local.engine.Refine(yv, second.FieldHz, second.Rate);
                    }
                    var r = FatWaterFit.FromComplex(best, other, kind, te, o, overridden);
                    Store(map, i, best.Status, best.Rate, maxRate, r.FatFractionPercent, r.WaterSignal, r.FatSignal, r.SwapSuspected, local.counts);
                    map.FieldMapHz![i] = (float)best.FieldHz;
                }
                return local;
            }, local => AddCounts(totals, local.counts));
            slices[z] = map;
            progress?.Report((z + 1.0) / mag.Slices.Count);
        }
        return new FatWaterMapResult
        {
            Kind = kind, EchoTimesMs = [.. te], FieldStrengthT = o.FieldStrengthT, Spectrum = o.Spectrum.Name, Slices = slices,
            FittedPixels = totals[0], MaskedPixels = totals[1], FailedPixels = totals[2], BeyondMeasurableRangePixels = totals[3],
            SwapSuspectedPixels = totals[4], FieldMapCorrectedPixels = options.RegulariseFieldMap ? totals[5] : 0, Source = mag.Description,
        };
    }

    /// <summary>Candidates kept per pixel.</summary>
    internal const int MaxCandidates = 3;

    /// <summary>A regularised choice that loses to the pixel's own best by more than this many noise variances is flagged.</summary>
    internal const double SwapOverrideMargin = 25;

    /// <summary>Neighbourhood half-width of the field prediction (5 × 5).</summary>
    private const int Window = 2;

    private static void RegionGrow(ComplexFatWaterEngine engine, int cols, int rows, bool[] inMask, double[] weight, FieldCandidate[] cand, int[] candCount,
        double[] chosen, double[] chosenRate)
    {
        int n = cols * rows;
        var done = new bool[n];
        var queued = new bool[n];
        double period = engine.PeriodHz;
        // Seeds in order of reliability: bright pixels whose best minimum is much deeper than the second.
        var order = Enumerable.Range(0, n).Where(i => inMask[i]).OrderByDescending(i => weight[i] * Reliability(cand, candCount, i)).ToArray();
        var queue = new PriorityQueue<int, double>();
        foreach (var seed in order)
        {
            if (done[seed]) continue;
            done[seed] = true;
            Enqueue(seed);
            while (queue.TryDequeue(out int i, out _))
            {
                int x = i % cols, y = i / cols;
                if (i != seed)
                {
                    // Predicted field: magnitude-weighted circular mean of decided neighbours.
                    Complex sum = 0;
                    for (int dy = -Window; dy <= Window; dy++)
                        for (int dx = -Window; dx <= Window; dx++)
                        {
                            int xx = x + dx, yy = y + dy;
                            if (xx < 0 || yy < 0 || xx >= cols || yy >= rows) continue;
                            int j = yy * cols + xx;
                            if (!done[j]) continue;
                            sum += Complex.FromPolarCoordinates(weight[j], 2 * Math.PI * chosen[j] / period);
                        }
                    if (sum.Magnitude > 0)
                    {
                        double predicted = sum.Phase / (2 * Math.PI) * period;
                        int bestK = 0;
                        double bestD = double.PositiveInfinity;
                        for (int k = 0; k < candCount[i]; k++)
                        {
                            double d = engine.Distance(cand[i * MaxCandidates + k].FieldHz, predicted);
                            if (d < bestD) { bestD = d; bestK = k; }
                        }
                        chosen[i] = cand[i * MaxCandidates + bestK].FieldHz;
                        chosenRate[i] = cand[i * MaxCandidates + bestK].Rate;
                    }
                    done[i] = true;
                }
                Enqueue(i);
            }
        }

        void Enqueue(int i)
        {
            int x = i % cols, y = i / cols;
            ReadOnlySpan<(int, int)> steps = [(1, 0), (-1, 0), (0, 1), (0, -1)];
            foreach (var (dx, dy) in steps)
            {
                int xx = x + dx, yy = y + dy;
                if (xx < 0 || yy < 0 || xx >= cols || yy >= rows) continue;
                int j = yy * cols + xx;
                if (!inMask[j] || done[j] || queued[j]) continue;
                queued[j] = true;
                queue.Enqueue(j, -weight[j]);
            }
        }
    }

    private static double Reliability(FieldCandidate[] cand, int[] count, int i)
    {
        if (count[i] < 2) return 2;
        double best = cand[i * MaxCandidates].Cost, second = cand[i * MaxCandidates + 1].Cost;
        return Math.Min((second - best) / Math.Max(second, 1e-300), 1) + 1;
    }

    private static FatWaterMapSlice NewSlice(int index, int cols, int rows, bool complex)
    {
        int n = cols * rows;
        return new FatWaterMapSlice
        {
            SliceIndex = index, Columns = cols, Rows = rows, R2StarPerSecond = new float[n], FatFractionPercent = new float[n], WaterSignal = new float[n],
            FatSignal = new float[n], FieldMapHz = complex ? new float[n] : null, SwapSuspected = new bool[n], Status = new DecayFitStatus[n],
        };
    }

    private static void SetNaN(FatWaterMapSlice map, int i, DecayFitStatus status)
    {
        map.R2StarPerSecond[i] = map.FatFractionPercent[i] = map.WaterSignal[i] = map.FatSignal[i] = float.NaN;
        if (map.FieldMapHz is not null) map.FieldMapHz[i] = float.NaN;
        map.Status[i] = status;
    }

    /// <summary>A thread's pixel counts into the map's totals: 0 fitted, 1 masked, 2 failed, 3 beyond, 4 swaps, 5 the map's own
    /// (bias-corrected pixels of a magnitude map, field-map-corrected pixels of a complex one).</summary>
    private static void AddCounts(long[] totals, long[] counts)
    {
        for (int i = 0; i < totals.Length; i++) Interlocked.Add(ref totals[i], counts[i]);
    }

    /// <summary>counts: 0 fitted, 1 masked, 2 failed, 3 beyond, 4 swaps.</summary>
    private static void Store(FatWaterMapSlice map, int i, DecayFitStatus status, double rate, double maxRate, double pdff, double water, double fat, bool swap, long[] counts)
    {
        if (status is DecayFitStatus.Failed || !double.IsFinite(rate) || !double.IsFinite(pdff))
        {
            SetNaN(map, i, DecayFitStatus.Failed);
            counts[2]++;
            return;
        }
        if (rate >= maxRate)
        {
            SetNaN(map, i, DecayFitStatus.BeyondMeasurableRange);
            counts[3]++;
            return;
        }
        map.R2StarPerSecond[i] = (float)rate;
        map.FatFractionPercent[i] = (float)pdff;
        map.WaterSignal[i] = (float)water;
        map.FatSignal[i] = (float)fat;
        map.SwapSuspected[i] = swap;
        map.Status[i] = status == DecayFitStatus.MaxIterations ? DecayFitStatus.MaxIterations : DecayFitStatus.Converged;
        counts[0]++;
        if (swap) counts[4]++;
    }
}
