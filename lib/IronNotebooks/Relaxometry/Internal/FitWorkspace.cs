namespace IronNotebooks.Relaxometry.Internal;

/// <summary>Scratch arrays for one thread of fitting, so that pixel maps allocate nothing per pixel.</summary>
internal sealed class FitWorkspace
{
    public const int MaxParameters = 4;

    private FitWorkspace(int echoes)
    {
        Jacobian = new double[echoes * MaxParameters];
        Residual = new double[echoes];
        TimesSeconds = new double[echoes];
        Signal = new double[echoes];
        Exponentials = new double[echoes];
        ArloWeights = new double[Math.Max(echoes - 2, 0) * 4];
    }

    /// <summary>Workspace for the echo times <paramref name="echoTimesMs"/> (ms), converted to seconds.</summary>
    public FitWorkspace(IReadOnlyList<double> echoTimesMs) : this(echoTimesMs.Count)
    {
        for (int i = 0; i < echoTimesMs.Count; i++) TimesSeconds[i] = echoTimesMs[i] / 1000.0;
        UniformStepSeconds = UniformStep(TimesSeconds, echoTimesMs.Count);
        // ARLO's per-triple weights depend on the echo times only (docs/methods.md §4): y = w0·S0 + w1·S1 + w2·S2, and β.
        var t = TimesSeconds;
        for (int i = 0; i + 2 < echoTimesMs.Count; i++)
        {
            double t0 = t[i], t1 = t[i + 1], t2 = t[i + 2];
            double alpha = (t2 - t0) * (t2 - t0) / (2 * (t1 - t0));
            double q = (2 * t2 * t2 - t0 * t2 - t0 * t0 + 3 * t0 * t1 - 3 * t1 * t2) / 6;
            double beta = q / (t2 - t1), gamma = q / (t1 - t0);
            ArloWeights[4 * i] = t2 - t0 - alpha + gamma;
            ArloWeights[4 * i + 1] = alpha - beta - gamma;
            ArloWeights[4 * i + 2] = beta;
            ArloWeights[4 * i + 3] = beta;
        }
    }

    /// <summary>ARLO weights per consecutive echo triple i: [4i] [4i+1] [4i+2] multiply S_i, S_i+1, S_i+2 to give y_i; [4i+3] is β_i.</summary>
    public double[] ArloWeights { get; }

    public double[] Jacobian { get; }
    public double[] Residual { get; }
    public double[] TimesSeconds { get; }
    public double[] Signal { get; }

    /// <summary>e^(−R·t_k) for the rate last passed to FillExponentials.</summary>
    public double[] Exponentials { get; }

    /// <summary>The echo spacing in seconds when every spacing equals it (to 1e-12 of the train length), else NaN.</summary>
    public double UniformStepSeconds { get; private set; } = double.NaN;

    public double[] Normal { get; } = new double[MaxParameters * MaxParameters];
    public double[] Augmented { get; } = new double[MaxParameters * MaxParameters];
    public double[] Gradient { get; } = new double[MaxParameters];
    public double[] Step { get; } = new double[MaxParameters];
    public double[] Parameters { get; } = new double[MaxParameters];
    public double[] Trial { get; } = new double[MaxParameters];
    public double[] Covariance { get; } = new double[MaxParameters * MaxParameters];

    /// <summary>Fills <see cref="Exponentials"/> [0..m) with e^(−rate·t_k). For uniformly spaced echoes the k-th term is
    /// e^(−rate·t0)·q^k with q = e^(−rate·Δ): two exp calls instead of m, relative error ≤ m ulp.</summary>
    public void FillExponentials(double rate, int m)
    {
        var e = Exponentials;
        var t = TimesSeconds;
        double step = UniformStepSeconds;
        if (double.IsNaN(step))
        {
            for (int k = 0; k < m; k++) e[k] = Math.Exp(-rate * t[k]);
            return;
        }
        double q = Math.Exp(-rate * step), v = Math.Exp(-rate * t[0]);
        for (int k = 0; k < m; k++)
        {
            e[k] = v;
            v *= q;
        }
    }

    /// <summary><see cref="FillExponentials(double, int)"/> that also returns Σ e_k and Σ (−t_k·e_k) from the same pass.</summary>
    public void FillExponentials(double rate, int m, out double sum, out double sumDerivative)
    {
        var e = Exponentials;
        var t = TimesSeconds;
        double step = UniformStepSeconds, se = 0, sd = 0;
        if (double.IsNaN(step))
        {
            for (int k = 0; k < m; k++)
            {
                double ek = Math.Exp(-rate * t[k]);
                e[k] = ek;
                se += ek;
                sd -= t[k] * ek;
            }
        }
        else
        {
            double q = Math.Exp(-rate * step), v = Math.Exp(-rate * t[0]);
            for (int k = 0; k < m; k++)
            {
                e[k] = v;
                se += v;
                sd -= t[k] * v;
                v *= q;
            }
        }
        sum = se;
        sumDerivative = sd;
    }

    private static double UniformStep(double[] t, int m)
    {
        if (m < 3) return double.NaN;
        double step = (t[m - 1] - t[0]) / (m - 1);
        // 1e-12 of the train keeps the model error |R·δt| below 1e-10 for any R2* up to 10⁴ s⁻¹ on trains up to 1 s.
        double tolerance = 1e-12 * Math.Max(t[m - 1], step);
        for (int k = 1; k < m - 1; k++)
            if (Math.Abs(t[k] - (t[0] + k * step)) > tolerance) return double.NaN;
        return step > 0 ? step : double.NaN;
    }
}
