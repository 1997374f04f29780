using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry.Internal;

namespace IronNotebooks.Relaxometry;

/// <summary>
/// Pixel-wise decay fits over a whole <see cref="MultiEchoSeries"/>: rows of every slice are spread over all cores
/// (Parallel.For), each thread reuses one workspace, so nothing is allocated per pixel.
/// </summary>
public static class R2StarMap
{
    /// <summary>Fits every pixel of every slice.</summary>
    /// <param name="series">The series.</param>
    /// <param name="model">The decay model.</param>
    /// <param name="options">Map settings; <see cref="R2StarMapOptions.Default"/> when null.</param>
    /// <param name="progress">Receives the fraction of rows done, 0–1 (from worker threads).</param>
    /// <param name="cancellationToken">Stops the map between rows.</param>
    /// <exception cref="ArgumentException">What <see cref="DecayFit.Fit"/> rejects about the echo times or options.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static R2StarMapResult Compute(MultiEchoSeries series, DecayModel model, R2StarMapOptions? options = null,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(series);
        Guard.NotNull(model);
        var o = options ?? R2StarMapOptions.Default;
        var te = series.EchoTimesMs;
        int m = te.Count;
        DecayFit.Validate(te, new double[m], model, o.Fit);
        int totalRows = series.Slices.Sum(s => s.Geometry.Rows), rowsDone = 0;
        long fitted = 0, masked = 0, failed = 0, beyond = 0;
        // Beyond measurable range (docs/methods.md §3): T2* below the first echo, or fewer than three echoes ≥ k·σ when σ is known.
        double maxRate = 1000.0 / te[0];
        bool hasNoise = o.Fit.NoiseSigma is not null;
        double noiseLevel = o.Fit.NoiseSigma is double sigma ? o.Fit.TruncationNoiseFactor * sigma : double.NegativeInfinity;
        var slices = new R2StarMapSlice[series.Slices.Count];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = o.MaxDegreeOfParallelism };
        for (int k = 0; k < series.Slices.Count; k++)
        {
            var slice = series.Slices[k];
            int cols = slice.Geometry.Columns, rows = slice.Geometry.Rows;
            var r2 = new float[cols * rows];
            var s0 = new float[cols * rows];
            var status = new DecayFitStatus[cols * rows];
            var planes = slice.Echoes;
            Parallel.For(0, rows, parallel,
                () => (ws: new FitWorkspace(te), row: new double[m * cols], fitted: 0L, masked: 0L, failed: 0L, beyond: 0L),
                (y, _, local) =>
                {
                    var ws = local.ws;
                    var row = local.row;
                    // Gather the row of every echo once (echo-major), so the pixel loop reads one contiguous buffer.
                    for (int e = 0; e < m; e++)
                    {
                        var src = planes[e].Pixels.Slice(y * cols, cols);
                        for (int x = 0; x < cols; x++) row[e * cols + x] = src[x];
                    }
                    var signal = ws.Signal;
                    for (int x = 0; x < cols; x++)
                    {
                        int idx = y * cols + x;
                        bool finite = true;
                        int aboveNoise = 0;
                        for (int e = 0; e < m; e++)
                        {
                            double v = row[e * cols + x];
                            signal[e] = v;
                            finite &= double.IsFinite(v);
                            if (v >= noiseLevel) aboveNoise++;
                        }
                        if (!(signal[0] > o.MaskThreshold) || !finite)
                        {
                            r2[idx] = float.NaN; s0[idx] = float.NaN; status[idx] = DecayFitStatus.Masked;
                            local.masked++;
                            continue;
                        }
                        var raw = DecayEngines.Fit(model.Kind, m, o.Fit, ws, detailed: false);
                        status[idx] = raw.Status;
                        if (raw.RanOff || (hasNoise && aboveNoise < MeasurableRange.EchoesAboveNoiseNeeded)
                            || (raw.Status is DecayFitStatus.Converged or DecayFitStatus.ClosedForm && raw.R2StarPerSecond > maxRate))
                        {
                            r2[idx] = float.NaN; s0[idx] = float.NaN; status[idx] = DecayFitStatus.BeyondMeasurableRange;
                            local.beyond++;
                        }
                        else if (raw.Status is DecayFitStatus.Converged or DecayFitStatus.ClosedForm)
                        {
                            r2[idx] = (float)raw.R2StarPerSecond; s0[idx] = (float)raw.S0;
                            local.fitted++;
                        }
                        else
                        {
                            r2[idx] = float.NaN; s0[idx] = float.NaN;
                            local.failed++;
                        }
                    }
                    int done = Interlocked.Increment(ref rowsDone);
                    progress?.Report((double)done / totalRows);
                    return local;
                },
                local =>
                {
                    Interlocked.Add(ref fitted, local.fitted);
                    Interlocked.Add(ref masked, local.masked);
                    Interlocked.Add(ref failed, local.failed);
                    Interlocked.Add(ref beyond, local.beyond);
                });
            slices[k] = new R2StarMapSlice(slice.Index, cols, rows, r2, s0, status);
        }
        return new R2StarMapResult(model.Name, te.ToArray(), slices, fitted, masked, failed, series.Description) { BeyondMeasurableRangePixels = beyond };
    }

}
