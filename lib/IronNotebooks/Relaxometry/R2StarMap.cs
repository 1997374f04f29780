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
        long fitted = 0, masked = 0, failed = 0;
        var slices = new R2StarMapSlice[series.Slices.Count];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = o.MaxDegreeOfParallelism };
        for (int k = 0; k < series.Slices.Count; k++)
        {
            var slice = series.Slices[k];
            int cols = slice.Geometry.Columns, rows = slice.Geometry.Rows;
            var r2 = new float[cols * rows];
            var s0 = new float[cols * rows];
            var status = new DecayFitStatus[cols * rows];
            var echoes = slice.Echoes;
            Parallel.For(0, rows, parallel,
                () => (ws: NewWorkspace(te), fitted: 0L, masked: 0L, failed: 0L),
                (y, _, local) =>
                {
                    var ws = local.ws;
                    for (int x = 0; x < cols; x++)
                    {
                        int idx = y * cols + x;
                        for (int e = 0; e < m; e++) ws.Signal[e] = echoes[e].Pixels[idx];
                        if (!(ws.Signal[0] > o.MaskThreshold) || !AllFinite(ws.Signal, m))
                        {
                            r2[idx] = float.NaN; s0[idx] = float.NaN; status[idx] = DecayFitStatus.Masked;
                            local.masked++;
                            continue;
                        }
                        var raw = DecayEngines.Fit(model.Kind, m, o.Fit, ws);
                        status[idx] = raw.Status;
                        if (raw.Status is DecayFitStatus.Converged or DecayFitStatus.ClosedForm)
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
                });
            slices[k] = new R2StarMapSlice(slice.Index, cols, rows, r2, s0, status);
        }
        return new R2StarMapResult(model.Name, te.ToArray(), slices, fitted, masked, failed, series.Description);
    }

    private static FitWorkspace NewWorkspace(IReadOnlyList<double> te)
    {
        var ws = new FitWorkspace(te.Count);
        for (int i = 0; i < te.Count; i++) ws.TimesSeconds[i] = te[i] / 1000.0;
        return ws;
    }

    private static bool AllFinite(double[] s, int m)
    {
        for (int i = 0; i < m; i++) if (!double.IsFinite(s[i])) return false;
        return true;
    }
}
