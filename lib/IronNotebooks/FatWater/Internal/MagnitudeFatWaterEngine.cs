using IronNotebooks.Relaxometry;

namespace IronNotebooks.FatWater.Internal;

/// <summary>One branch's optimum of a magnitude fat–water fit.</summary>
internal struct BranchFit
{
    public double Eta, Rate, Amplitude, Cost;
    public int Iterations;
    public DecayFitStatus Status;
}

/// <summary>
/// Magnitude fat–water least squares |S(t)| = A·|(1 − η) + η·c(t)|·e^(−R·t) (η the signal fat fraction, c(t) the fat
/// spectrum's modulation) or, noise-floor aware, M² − 2Lσ² = A²·|(1 − η) + η·c(t)|²·e^(−2R·t). Both are linear in the
/// amplitude given (η, R), so the amplitude is projected out (variable projection, as the decay engines do) and the fit
/// is a 2-D problem per branch: a precomputed (η, R) grid (no transcendental function per grid point) then a
/// Levenberg–Marquardt on (η, R) with the Kaufman VARPRO Jacobian, η held inside the branch (water: η ≤ ½, fat: η ≥ ½).
/// One engine per echo train and thread; nothing is allocated per fit.
/// </summary>
internal sealed class MagnitudeFatWaterEngine
{
    private static readonly double[] WaterGrid = [-0.1, 0.0, 0.08, 0.16, 0.25, 0.35, 0.45];
    private static readonly double[] FatGrid = [0.55, 0.63, 0.71, 0.79, 0.86, 0.93, 1.0];
    private static readonly double[] RateGrid = [0, 15, 35, 60, 90, 130, 180, 250, 340, 460, 620, 850, 1150, 1600, 2200];

    /// <summary>Branch bounds of η: water [−0.5, 0.5] (below 0 so that noise at PDFF 0 is not clipped, which would bias low-fat
    /// livers upward), fat [0.5, 1.0] (a fat branch beyond 100 % would only fit noise better than its water mirror).</summary>
    public const double EtaLow = -0.5, EtaHigh = 1.0;

    private readonly int _m;
    private readonly double[] _t, _a, _ci2;
    private readonly bool _squared;
    private readonly double _floor, _maxRate, _sigma, _step;
    private readonly int _maxIter;
    private readonly double _tol;
    private readonly double[] _grid; // [branch][eta][rate][echo]
    private readonly double[] _y, _g, _dEta, _dRate, _u;

    public MagnitudeFatWaterEngine(IReadOnlyList<double> echoTimesMs, FatWaterOptions o)
    {
        _m = echoTimesMs.Count;
        _t = [.. echoTimesMs.Select(t => t / 1000)];
        _step = UniformStep(_t);
        _a = new double[_m];
        _ci2 = new double[_m];
        for (int k = 0; k < _m; k++)
        {
            var c = o.Spectrum.Modulation(echoTimesMs[k], o.FieldStrengthT);
            _a[k] = c.Real - 1;
            _ci2[k] = c.Imaginary * c.Imaginary;
        }
        _squared = o.NoiseSigma is not null;
        _floor = o.NoiseSigma is double s ? 2 * o.CoilCount * s * s : 0;
        _sigma = o.NoiseSigma ?? double.NaN;
        _maxRate = o.MaxR2StarPerSecond;
        _maxIter = o.MaxIterations;
        _tol = o.RelativeTolerance;
        _y = new double[_m];
        _g = new double[_m];
        _dEta = new double[_m];
        _dRate = new double[_m];
        _u = new double[_m];
        int ne = WaterGrid.Length, nr = RateGrid.Length;
        _grid = new double[2 * ne * nr * _m];
        for (int b = 0; b < 2; b++)
            for (int i = 0; i < ne; i++)
                for (int j = 0; j < nr; j++)
                    for (int k = 0; k < _m; k++)
                    {
                        double eta = (b == 0 ? WaterGrid : FatGrid)[i];
                        double re = 1 + eta * _a[k], u2 = re * re + eta * eta * _ci2[k];
                        double e = Math.Exp(-RateGrid[j] * _t[k]);
                        _grid[((b * ne + i) * nr + j) * _m + k] = _squared ? u2 * e * e : Math.Sqrt(u2) * e;
                    }
    }

    public int Echoes => _m;

    /// <summary>The echo spacing, s, when every spacing equals it (to 10⁻¹² of the train), else NaN.</summary>
    private static double UniformStep(double[] t)
    {
        int m = t.Length;
        if (m < 3) return double.NaN;
        double step = (t[m - 1] - t[0]) / (m - 1), tolerance = 1e-12 * Math.Max(t[m - 1], step);
        for (int k = 1; k < m - 1; k++)
            if (Math.Abs(t[k] - (t[0] + k * step)) > tolerance) return double.NaN;
        return step > 0 ? step : double.NaN;
    }

    /// <summary>Fits both branches to <paramref name="magnitude"/> [0..m).</summary>
    /// <param name="magnitude">The echoes.</param>
    /// <param name="water">Water-dominant branch optimum.</param>
    /// <param name="fat">Fat-dominant branch optimum.</param>
    /// <param name="noiseVariance">Expected residual variance per echo when σ is known (σ² for magnitudes, ≈ 4σ²·mean M² for
    /// squared magnitudes), else NaN.</param>
    public void Fit(ReadOnlySpan<double> magnitude, out BranchFit water, out BranchFit fat, out double noiseVariance)
    {
        double syy = 0, mm = 0;
        for (int k = 0; k < _m; k++)
        {
            double v = magnitude[k];
            _y[k] = _squared ? v * v - _floor : v;
            syy += _y[k] * _y[k];
            mm += v * v;
        }
        noiseVariance = double.IsNaN(_sigma) ? double.NaN : _squared ? 4 * _sigma * _sigma * mm / _m : _sigma * _sigma;
        water = Branch(0, syy);
        fat = Branch(1, syy);
    }

    private BranchFit Branch(int b, double syy)
    {
        int ne = WaterGrid.Length, nr = RateGrid.Length;
        double best = double.PositiveInfinity;
        int bi = 0, bj = 0;
        for (int i = 0; i < ne; i++)
            for (int j = 0; j < nr; j++)
            {
                int o = ((b * ne + i) * nr + j) * _m;
                double sgy = 0, sgg = 0;
                for (int k = 0; k < _m; k++)
                {
                    double g = _grid[o + k];
                    sgy += g * _y[k];
                    sgg += g * g;
                }
                double cost = sgy > 0 ? syy - sgy * sgy / sgg : syy;
                if (cost < best) { best = cost; bi = i; bj = j; }
            }
        double lo = b == 0 ? EtaLow : 0.5, hi = b == 0 ? 0.5 : EtaHigh;
        return Refine((b == 0 ? WaterGrid : FatGrid)[bi], RateGrid[bj], lo, hi, syy);
    }

    /// <summary>Levenberg–Marquardt on (η, R) with the amplitude projected out; Marquardt scaling, box constraints by clamping.</summary>
    private BranchFit Refine(double eta, double rate, double lo, double hi, double syy)
    {
        var fit = new BranchFit { Status = DecayFitStatus.MaxIterations };
        double cost = Evaluate(eta, rate, syy, out double amp, out double n11, out double n12, out double n22, out double g1, out double g2, true);
        double lambda = 1e-3;
        int iter = 0;
        while (iter < _maxIter)
        {
            iter++;
            bool accepted = false, done = false;
            while (true)
            {
                double a11 = n11 * (1 + lambda) + 1e-30, a22 = n22 * (1 + lambda) + 1e-30, det = a11 * a22 - n12 * n12;
                double dEta = det != 0 ? -(a22 * g1 - n12 * g2) / det : 0;
                double dRate = det != 0 ? -(a11 * g2 - n12 * g1) / det : 0;
                // Active bound: when η sits on a branch limit and the step pushes outward, step in R alone (the joint step
                // assumed η would move, so its R part is wrong once η is clamped).
                if ((eta <= lo && eta + dEta < lo) || (eta >= hi && eta + dEta > hi))
                {
                    dEta = 0;
                    dRate = -g2 / a22;
                }
                double te = Math.Clamp(eta + dEta, lo, hi), tr = Math.Clamp(rate + dRate, 0, _maxRate);
                // The trial is evaluated with its normal equations, so an accepted step needs no second evaluation.
                double trial = Evaluate(te, tr, syy, out double ta, out double t11, out double t12, out double t22, out double tg1, out double tg2, true);
                if (double.IsFinite(trial) && trial <= cost)
                {
                    double stepEta = Math.Abs(te - eta), stepRate = Math.Abs(tr - rate), decrease = cost - trial;
                    eta = te; rate = tr; amp = ta;
                    accepted = true;
                    if ((stepEta <= _tol && stepRate <= _tol * (rate + 1)) || (decrease <= _tol * _tol * syy && lambda <= 1e-2)) done = true;
                    cost = trial; n11 = t11; n12 = t12; n22 = t22; g1 = tg1; g2 = tg2;
                    lambda = Math.Max(lambda / 10, 1e-12);
                    break;
                }
                lambda *= 10;
                if (lambda > 1e12) { done = true; break; }
            }
            if (done || !accepted) { fit.Status = DecayFitStatus.Converged; break; }
        }
        fit.Eta = eta;
        fit.Rate = rate;
        fit.Amplitude = _squared ? Math.Sqrt(Math.Max(amp, 0)) : amp;
        fit.Cost = Math.Max(cost, 0);
        fit.Iterations = iter;
        if (!double.IsFinite(cost)) fit.Status = DecayFitStatus.Failed;
        return fit;
    }

    /// <summary>Projected cost at (η, R) and, when asked, the Gauss–Newton normal matrix and gradient of the Kaufman Jacobian.</summary>
    private double Evaluate(double eta, double rate, double syy, out double amp, out double n11, out double n12, out double n22,
        out double g1, out double g2, bool withJacobian)
    {
        n11 = n12 = n22 = g1 = g2 = 0;
        double sgy = 0, sgg = 0;
        double e0 = double.IsNaN(_step) ? 0 : Math.Exp(-rate * _t[0]), q = double.IsNaN(_step) ? 0 : Math.Exp(-rate * _step), ek = e0;
        for (int k = 0; k < _m; k++)
        {
            double re = 1 + eta * _a[k], u2 = re * re + eta * eta * _ci2[k];
            double du2 = 2 * (re * _a[k] + eta * _ci2[k]);
            // Uniform echo spacing: e^(−R·t_k) = e^(−R·t0)·q^k, two exp calls per evaluation instead of one per echo.
            double e = double.IsNaN(_step) ? Math.Exp(-rate * _t[k]) : (k == 0 ? e0 : ek * q);
            ek = e;
            double g, dg;
            if (_squared)
            {
                double e2 = e * e;
                g = u2 * e2;
                dg = du2 * e2;
                _dRate[k] = -2 * _t[k] * g;
            }
            else
            {
                double u = Math.Sqrt(u2);
                g = u * e;
                dg = u > 0 ? du2 / (2 * u) * e : 0;
                _dRate[k] = -_t[k] * g;
            }
            _g[k] = g;
            _dEta[k] = dg;
            sgy += g * _y[k];
            sgg += g * g;
        }
        if (!(sgg > 0)) { amp = 0; return syy; }
        amp = sgy / sgg;
        double cost = syy - sgy * amp;
        if (!withJacobian) return cost;
        // Kaufman: J_j = −A·(I − g·gᵀ/gᵀg)·∂g/∂θj, residual r = y − A·g.
        double pe = 0, pr = 0;
        for (int k = 0; k < _m; k++) { pe += _g[k] * _dEta[k]; pr += _g[k] * _dRate[k]; }
        pe /= sgg; pr /= sgg;
        for (int k = 0; k < _m; k++)
        {
            double j1 = -amp * (_dEta[k] - _g[k] * pe), j2 = -amp * (_dRate[k] - _g[k] * pr);
            double r = _y[k] - amp * _g[k];
            n11 += j1 * j1; n12 += j1 * j2; n22 += j2 * j2;
            g1 += j1 * r; g2 += j2 * r;
        }
        return cost;
    }
}
