using System.Numerics;
using System.Runtime.InteropServices;
using IronNotebooks.Relaxometry;

namespace IronNotebooks.FatWater.Internal;

/// <summary>One branch's optimum of a magnitude fat–water fit.</summary>
internal struct BranchFit
{
    /// <summary>Cost compared between branches: the sum of squares, or with σ known 2σ²·(Rician negative log-likelihood + const),
    /// so that a difference divided by σ² is 2·Δlog-likelihood. Rss: Σ (M − model)², for the RMSE.</summary>
    public double Eta, Rate, Amplitude, Cost, Rss;
    public int Iterations;
    public DecayFitStatus Status;
}

/// <summary>Why a branch optimum's bias correction was or was not applied (<see cref="MagnitudeFatWaterEngine.Bias"/>).</summary>
internal enum BiasOutcome { Applied, NoKnownNoise, Singular, OnBranchBound, NearFold, LeavesBranch }

/// <summary>Box's second-order bias of (A, η, R) at a branch optimum; subtract it. Zero unless <see cref="Outcome"/> is Applied.</summary>
internal struct BranchBias
{
    public double Amplitude, Eta, Rate, EtaStandardError;
    public BiasOutcome Outcome;
}

/// <summary>Standard errors of one branch optimum (A, η, R), from the Jacobian of the magnitude model at the solution.</summary>
internal struct BranchErrors
{
    public double Amplitude, Eta, Rate, AmplitudeEtaCovariance;
}

/// <summary>
/// Magnitude fat–water least squares |S(t)| = A·|(1 − η) + η·c(t)|·e^(−R·t) (η the signal fat fraction, c(t) the fat
/// spectrum's modulation) or, noise-floor aware, M² − 2Lσ² = A²·|(1 − η) + η·c(t)|²·e^(−2R·t). Both are linear in the
/// amplitude given (η, R), so the amplitude is projected out (variable projection, as the decay engines do) and the fit
/// is a 2-D problem per branch: a precomputed (η, R) grid (no transcendental function per grid point) then a
/// Levenberg–Marquardt on (η, R) with the Kaufman VARPRO Jacobian, η held inside the branch (water: η ≤ ½, fat: η ≥ ½).
/// With σ known (single channel) the second-moment optimum is only the start: each branch is then refined to the Rician
/// maximum likelihood on the magnitudes (<see cref="RicianRefine"/>), which weights the echoes by what they carry and
/// removes the floor's bias without the second moment's noise amplification at high R2*.
/// One engine per echo train and thread; nothing is allocated per fit.
/// </summary>
internal sealed class MagnitudeFatWaterEngine
{
    // Both start grids include the fold η = ½ where the branches meet: a branch whose optimum lies on it (the fat branch of a
    // 35–40 % PDFF liver at 3 T) was otherwise refined into a worse local optimum from 0.55, its margin up to 12 noise
    // variances too large against SciPy's many-start fit (4 of the 500 reference pixels).
    private static readonly double[] WaterGrid = [-0.1, 0.0, 0.08, 0.16, 0.25, 0.35, 0.45, 0.5];
    private static readonly double[] FatGrid = [0.5, 0.55, 0.63, 0.71, 0.79, 0.86, 0.93, 1.0];
    /// <summary>The Rician refinement stops when an accepted step lowers the cost C = 2σ²·(negative log-likelihood) by less
    /// than this many σ² (a log-likelihood gain below 5·10⁻⁴). Near the optimum C ≈ C* + σ²·Σ(δθ/SE)², so the last step moved the
    /// estimates by about √(10⁻³) ≈ 0.03 standard errors at most, and Fisher scoring's remaining distance is smaller still;
    /// 10⁻⁴ (the first version) cost one more evaluation per branch and changed no estimate materially (docs/methods.md §6).</summary>
    private const double RicianStopDecrease = 1e-3;

    private static readonly double[] RateGrid = [0, 15, 35, 60, 90, 130, 180, 250, 340, 460, 620, 850, 1150, 1600, 2200];

    /// <summary>Branch bounds of η: water [−0.5, 0.5] (below 0 so that noise at PDFF 0 is not clipped, which would bias low-fat
    /// livers upward), fat [0.5, 1.0] (a fat branch beyond 100 % would only fit noise better than its water mirror).</summary>
    public const double EtaLow = -0.5, EtaHigh = 1.0;

    private readonly int _m;
    private readonly double[] _t, _a, _ci2;
    private readonly bool _squared;
    private readonly double _floor, _maxRate, _sigma, _step, _dataVariance;
    private readonly int _maxIter;
    private readonly double _tol;
    // The (η, R) grid echo-major per branch ([branch][echo][point], points η-major, padded to whole vectors with zeros), so
    // that the projections Σₖ g·y of all points of a branch are computed a vector of points at a time; and 1 / Σₖ g² per point.
    private readonly double[] _gridByEcho, _inverseNormPadded;
    private readonly int _stride;
    private static readonly Vector<double> _laneIndex = LaneIndex();
    private readonly double[] _y, _g, _dEta, _dRate, _u, _mag;
    private readonly bool _rician;

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
        _dataVariance = _sigma * _sigma / o.AveragedPixels;
        _maxRate = o.MaxR2StarPerSecond;
        _maxIter = o.MaxIterations;
        _tol = o.RelativeTolerance;
        _y = new double[_m];
        _g = new double[_m];
        _dEta = new double[_m];
        _dRate = new double[_m];
        _u = new double[_m];
        _mag = new double[_m];
        // The Rician likelihood is the magnitude's distribution for one channel; a sum of squares over L > 1 channels is
        // non-central chi, for which the second-moment fit stays.
        _rician = _squared && o.CoilCount == 1;
        int ne = WaterGrid.Length, nr = RateGrid.Length;
        var grid = new double[2 * ne * nr * _m];
        for (int b = 0; b < 2; b++)
            for (int i = 0; i < ne; i++)
                for (int j = 0; j < nr; j++)
                    for (int k = 0; k < _m; k++)
                    {
                        double eta = (b == 0 ? WaterGrid : FatGrid)[i];
                        double re = 1 + eta * _a[k], u2 = re * re + eta * eta * _ci2[k];
                        double e = Math.Exp(-RateGrid[j] * _t[k]);
                        grid[((b * ne + i) * nr + j) * _m + k] = _squared ? u2 * e * e : Math.Sqrt(u2) * e;
                    }
        var gridInverseNorm = new double[2 * ne * nr];
        for (int gi = 0; gi < gridInverseNorm.Length; gi++)
        {
            double sgg = 0;
            for (int k = 0; k < _m; k++) sgg += grid[gi * _m + k] * grid[gi * _m + k];
            gridInverseNorm[gi] = sgg > 0 ? 1 / sgg : 0;
        }
        int lanes = Vector<double>.Count, points = ne * nr;
        _stride = (points + lanes - 1) / lanes * lanes;
        _gridByEcho = new double[2 * _m * _stride];
        _inverseNormPadded = new double[2 * _stride];
        for (int b = 0; b < 2; b++)
            for (int gp = 0; gp < points; gp++)
            {
                _inverseNormPadded[b * _stride + gp] = gridInverseNorm[b * points + gp];
                for (int k = 0; k < _m; k++) _gridByEcho[(b * _m + k) * _stride + gp] = grid[(b * points + gp) * _m + k];
            }
    }

    public int Echoes => _m;

    private static Vector<double> LaneIndex()
    {
        var lane = new double[Vector<double>.Count];
        for (int l = 0; l < lane.Length; l++) lane[l] = l;
        return new Vector<double>(lane);
    }

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
            _mag[k] = v;
            _y[k] = _squared ? v * v - _floor : v;
            syy += _y[k] * _y[k];
            mm += v * v;
        }
        noiseVariance = double.IsNaN(_sigma) ? double.NaN : _squared && !_rician ? 4 * _sigma * _sigma * mm / _m : _sigma * _sigma;
        water = Branch(0, syy);
        fat = Branch(1, syy);
        if (_rician)
        {
            water = RicianRefine(water, EtaLow, 0.5);
            fat = RicianRefine(fat, 0.5, EtaHigh);
        }
    }

    private BranchFit Branch(int b, double syy)
    {
        int ne = WaterGrid.Length, nr = RateGrid.Length;
        // Least squares over the grid: minimising Σy² − (Σg·y)²/Σg² is maximising the score (Σg·y)²/Σg² (0 where Σg·y ≤ 0, where
        // the amplitude would be negative); a vector of points at a time, each projection summed over the echoes in a register
        // and its score compared at once with the best so far of its lane (no projection or score array written and read back).
        int lanes = Vector<double>.Count;
        ref double grid = ref MemoryMarshal.GetArrayDataReference(_gridByEcho);
        ref double inverse = ref MemoryMarshal.GetArrayDataReference(_inverseNormPadded);
        nuint rows = (nuint)(b * _m * _stride), norms = (nuint)(b * _stride), stride = (nuint)_stride;
        var best = new Vector<double>(-1);
        var bestIndex = Vector<double>.Zero;
        var bestProjection = Vector<double>.Zero;
        var index = _laneIndex;
        var step = new Vector<double>(lanes);
        for (nuint v = 0; v < stride; v += (nuint)lanes)
        {
            var sgy = Vector<double>.Zero;
            for (int k = 0; k < _m; k++)
                sgy += Vector.LoadUnsafe(ref grid, rows + (nuint)k * stride + v) * new Vector<double>(_y[k]);
            var sc = Vector.ConditionalSelect(Vector.GreaterThan(sgy, Vector<double>.Zero), sgy * sgy * Vector.LoadUnsafe(ref inverse, norms + v), Vector<double>.Zero);
            var better = Vector.GreaterThan(sc, best);
            best = Vector.ConditionalSelect(better, sc, best);
            bestIndex = Vector.ConditionalSelect(better, index, bestIndex);
            bestProjection = Vector.ConditionalSelect(better, sgy, bestProjection);
            index += step;
        }
        // The best of the lanes, the lowest point index on a tie (as a scan of the points in order would pick).
        int bestPoint = (int)bestIndex[0];
        double bestScore = best[0], bestSgy = bestProjection[0];
        for (int l = 1; l < lanes; l++)
            if (best[l] > bestScore || (best[l] == bestScore && bestIndex[l] < bestPoint))
            {
                bestScore = best[l];
                bestPoint = (int)bestIndex[l];
                bestSgy = bestProjection[l];
            }
        int bi = bestPoint / nr, bj = bestPoint % nr;
        double bAmp = bestSgy > 0 ? bestSgy * _inverseNormPadded[b * _stride + bestPoint] : 0;
        double lo = b == 0 ? EtaLow : 0.5, hi = b == 0 ? 0.5 : EtaHigh;
        double eta0 = (b == 0 ? WaterGrid : FatGrid)[bi], rate0 = RateGrid[bj];
        // Rician: the likelihood refinement starts from the best grid point (the second-moment least squares there only
        // chose the start; refining it first cost as much again and changed no estimate by more than its SE/100).
        if (_rician) return new BranchFit { Eta = eta0, Rate = rate0, Amplitude = Math.Sqrt(Math.Max(bAmp, 0)), Status = DecayFitStatus.Converged };
        return Refine(eta0, rate0, lo, hi, syy);
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
                double a11 = n11 * (1 + lambda) + 1e-30, a22 = n22 * (1 + lambda) + 1e-30;
                // Active set, as the Rician refinement's SolveBounded: a parameter on its bound (η on a branch limit, R on 0 or
                // the search limit) is held when the descent direction −g points outward, or when the step of the other would
                // push it outward; the other then steps alone. Clamping a joint step alone (the first version held only η) left
                // steps whose other part assumed the clamped parameter could move, and stalled the fat branch on R = 0 and η = 1.
                bool etaAtLow = eta <= lo, etaAtHigh = eta >= hi, rateAtLow = rate <= 0, rateAtHigh = rate >= _maxRate;
                bool etaHeld = (etaAtLow && g1 > 0) || (etaAtHigh && g1 < 0), rateHeld = (rateAtLow && g2 > 0) || (rateAtHigh && g2 < 0);
                double dEta = 0, dRate = 0;
                for (int round = 0; round < 3; round++)
                {
                    if (etaHeld && rateHeld) { dEta = dRate = 0; break; }
                    if (etaHeld) { dEta = 0; dRate = -g2 / a22; }
                    else if (rateHeld) { dRate = 0; dEta = -g1 / a11; }
                    else
                    {
                        double det = a11 * a22 - n12 * n12;
                        dEta = det != 0 ? -(a22 * g1 - n12 * g2) / det : 0;
                        dRate = det != 0 ? -(a11 * g2 - n12 * g1) / det : 0;
                    }
                    bool etaOut = !etaHeld && ((etaAtLow && dEta < 0) || (etaAtHigh && dEta > 0));
                    bool rateOut = !rateHeld && ((rateAtLow && dRate < 0) || (rateAtHigh && dRate > 0));
                    if (!etaOut && !rateOut) break;
                    etaHeld |= etaOut;
                    rateHeld |= rateOut;
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
        fit.Rss = _squared ? MagnitudeRss(fit.Amplitude, eta, rate) : fit.Cost;
        fit.Iterations = iter;
        if (!double.IsFinite(cost)) fit.Status = DecayFitStatus.Failed;
        return fit;
    }

    /// <summary>Σ (M − A·g)² of the magnitude model.</summary>
    private double MagnitudeRss(double amp, double eta, double rate)
    {
        double rss = 0;
        for (int k = 0; k < _m; k++)
        {
            double r = _mag[k] - amp * Shape(eta, rate, k, out _, out _);
            rss += r * r;
        }
        return rss;
    }

    /// <summary>g = |(1 − η) + η·c(t)|·e^(−R·t) of echo k, with ∂g/∂η and e^(−R·t).</summary>
    private double Shape(double eta, double rate, int k, out double dgdEta, out double decay)
    {
        double re = 1 + eta * _a[k], u2 = re * re + eta * eta * _ci2[k], u = Math.Sqrt(u2);
        decay = Math.Exp(-rate * _t[k]);
        dgdEta = u > 0 ? (re * _a[k] + eta * _ci2[k]) / u * decay : 0;
        return u * decay;
    }

    /// <summary>
    /// Rician maximum likelihood of (A, η, R) in one branch from <paramref name="start"/> (the second-moment optimum).
    /// Cost C = Σ (M − S)² − 2σ²·Σ log(e^(−z)·I0(z)), z = M·S/σ², which is 2σ² × (the negative log-likelihood of the
    /// Rice distribution up to a constant): its gradient is −2·Σ Jₖ·(Mₖ·I1(zₖ)/I0(zₖ) − Sₖ), so a Gauss–Newton step fits S to
    /// the "Rician-corrected" magnitudes M·I1/I0 (Fisher scoring with the Gaussian information JᵀJ/σ²), Levenberg–Marquardt
    /// damped, η held in the branch. The approach: Rician likelihood for magnitude fat–water fitting at high R2* and low
    /// SNR, Bray et al., MRM 2023, doi:10.1002/mrm.29493 (MAGORINO); for R2*, Feng et al., MRM 2013;70:1765.
    /// </summary>
    private BranchFit RicianRefine(in BranchFit start, double lo, double hi)
    {
        if (start.Status == DecayFitStatus.Failed) return start;
        Span<double> p = [start.Amplitude, start.Eta, start.Rate];
        Span<double> jtj = stackalloc double[9], jtr = stackalloc double[3], tjtj = stackalloc double[9], tjtr = stackalloc double[3];
        Span<double> trial = stackalloc double[3], step = stackalloc double[3];
        double cost = RicianCost(p, jtj, jtr, out double rss);
        double scale = Math.Max(p[0], 1e-300);
        double lambda = 1e-3;
        int iter = 0;
        var status = DecayFitStatus.MaxIterations;
        while (iter < _maxIter)
        {
            iter++;
            bool accepted = false, done = false;
            while (true)
            {
                SolveBounded(p, jtj, jtr, lambda, lo, hi, step);
                trial[0] = Math.Max(p[0] + step[0], 0);
                trial[1] = Math.Clamp(p[1] + step[1], lo, hi);
                trial[2] = Math.Clamp(p[2] + step[2], 0, _maxRate);
                double c = RicianCost(trial, tjtj, tjtr, out double trialRss);
                if (double.IsFinite(c) && c <= cost)
                {
                    bool small = Math.Abs(trial[0] - p[0]) <= _tol * scale && Math.Abs(trial[1] - p[1]) <= _tol && Math.Abs(trial[2] - p[2]) <= _tol * (p[2] + 1);
                    double decrease = cost - c;
                    trial.CopyTo(p);
                    tjtj.CopyTo(jtj);
                    tjtr.CopyTo(jtr);
                    cost = c;
                    rss = trialRss;
                    accepted = true;
                    if (small || decrease <= RicianStopDecrease * _sigma * _sigma) done = true;
                    lambda = Math.Max(lambda / 10, 1e-12);
                    break;
                }
                lambda *= 10;
                // Heavily damped steps that still do not decrease the cost: at the optimum to rounding.
                if (lambda > 1e6) { done = true; break; }
            }
            if (done || !accepted) { status = DecayFitStatus.Converged; break; }
        }
        if (!double.IsFinite(cost)) return start;
        return new BranchFit
        {
            Amplitude = p[0], Eta = p[1], Rate = p[2], Cost = cost, Rss = rss,
            Iterations = start.Iterations + iter, Status = status,
        };
    }

    /// <summary>
    /// The damped step (JᵀJ + λ·diag JᵀJ)·δ = Jᵀr of (A, η, R) with an active set: a parameter on a bound (A = 0, η on a branch
    /// limit, R = 0 or the search limit) is held (δ = 0) when the descent direction Jᵀr points outward, or when the step of the
    /// others would push it outward, and the rest is solved again (at most three rounds). Clamping alone (the first version,
    /// which held only η and only by the step test) left a step whose other components assumed the clamped parameter could
    /// move: trials were rejected as λ grew and the fit stopped short of the optimum. That happened mostly to the fat-dominant
    /// branch with R2* on 0: 31 of the 100 Rician reference pixels had a fat-branch cost above SciPy's L-BFGS-B optimum (margin
    /// up to 12.8 noise variances too large), and the refinement spent 6.2 of its 10 evaluations per pixel there.
    /// </summary>
    private void SolveBounded(ReadOnlySpan<double> p, ReadOnlySpan<double> jtj, ReadOnlySpan<double> jtr, double lambda, double lo, double hi, Span<double> step)
    {
        int held = 0;
        if (p[0] <= 0 && jtr[0] < 0) held |= 1;
        if ((p[1] <= lo && jtr[1] < 0) || (p[1] >= hi && jtr[1] > 0)) held |= 2;
        if ((p[2] <= 0 && jtr[2] < 0) || (p[2] >= _maxRate && jtr[2] > 0)) held |= 4;
        for (int round = 0; round < 3; round++)
        {
            SolveHeld(jtj, jtr, lambda, held, step);
            int next = held;
            if (p[0] <= 0 && step[0] < 0) next |= 1;
            if ((p[1] <= lo && step[1] < 0) || (p[1] >= hi && step[1] > 0)) next |= 2;
            if ((p[2] <= 0 && step[2] < 0) || (p[2] >= _maxRate && step[2] > 0)) next |= 4;
            if (next == held) return;
            held = next;
        }
        SolveHeld(jtj, jtr, lambda, held, step);
    }

    /// <summary>(JᵀJ + λ·diag JᵀJ)·δ = Jᵀr with the parameters of the bit mask <paramref name="held"/> (1 A, 2 η, 4 R) fixed at δ = 0.</summary>
    private static void SolveHeld(ReadOnlySpan<double> jtj, ReadOnlySpan<double> jtr, double lambda, int held, Span<double> step)
    {
        double a00 = jtj[0] * (1 + lambda) + 1e-300, a11 = jtj[4] * (1 + lambda) + 1e-300, a22 = jtj[8] * (1 + lambda) + 1e-300;
        double a01 = jtj[1], a02 = jtj[2], a12 = jtj[5], b0 = jtr[0], b1 = jtr[1], b2 = jtr[2];
        if ((held & 1) != 0) { a00 = 1; a01 = a02 = b0 = 0; }
        if ((held & 2) != 0) { a11 = 1; a01 = a12 = b1 = 0; }
        if ((held & 4) != 0) { a22 = 1; a02 = a12 = b2 = 0; }
        Solve3(a00, a01, a02, a11, a12, a22, b0, b1, b2, out step[0], out step[1], out step[2]);
    }

    /// <summary>Symmetric 3 × 3 solve by Cramer's rule (zero when singular).</summary>
    private static void Solve3(double a00, double a01, double a02, double a11, double a12, double a22, double b0, double b1, double b2,
        out double x0, out double x1, out double x2)
    {
        var i = Inverse3(a00, a01, a02, a11, a12, a22, out double det);
        if (!(Math.Abs(det) > 0) || !double.IsFinite(det)) { x0 = x1 = x2 = 0; return; }
        x0 = i.I00 * b0 + i.I01 * b1 + i.I02 * b2;
        x1 = i.I01 * b0 + i.I11 * b1 + i.I12 * b2;
        x2 = i.I02 * b0 + i.I12 * b1 + i.I22 * b2;
    }

    /// <summary>The inverse of the symmetric 3 × 3 matrix (a00 a01 a02 / · a11 a12 / · · a22) by cofactors, and its determinant
    /// (callers judge singularity: the solve asks det ≠ 0, covariances ask det &gt; 0).</summary>
    private static (double I00, double I01, double I02, double I11, double I12, double I22) Inverse3(double a00, double a01, double a02,
        double a11, double a12, double a22, out double det)
    {
        double c00 = a11 * a22 - a12 * a12, c01 = a02 * a12 - a01 * a22, c02 = a01 * a12 - a02 * a11;
        double c11 = a00 * a22 - a02 * a02, c12 = a01 * a02 - a00 * a12, c22 = a00 * a11 - a01 * a01;
        det = a00 * c00 + a01 * c01 + a02 * c02;
        return (c00 / det, c01 / det, c02 / det, c11 / det, c12 / det, c22 / det);
    }

    /// <summary>The Rician cost at p = (A, η, R) with JᵀJ (row-major 3 × 3), Jᵀr (r = M·I1/I0 − S) and Σ (M − S)².</summary>
    private double RicianCost(ReadOnlySpan<double> p, Span<double> jtj, Span<double> jtr, out double rss)
    {
        double amp = p[0], eta = p[1], rate = p[2], s2 = _sigma * _sigma, inverseS2 = 1 / s2, cost = 0, product = 1, divisor = 1, logSum = 0, exponent = 0;
        double e0 = double.IsNaN(_step) ? 0 : Math.Exp(-rate * _t[0]), q = double.IsNaN(_step) ? 0 : Math.Exp(-rate * _step), ek = e0;
        double a00 = 0, a01 = 0, a02 = 0, a11 = 0, a12 = 0, a22 = 0, b0 = 0, b1 = 0, b2 = 0;
        for (int k = 0; k < _m; k++)
        {
            double ak = _a[k], ck = _ci2[k], tk = _t[k], mk = _mag[k];
            double re = 1 + eta * ak, u = Math.Sqrt(re * re + eta * eta * ck);
            double e = double.IsNaN(_step) ? Math.Exp(-rate * tk) : (k == 0 ? e0 : ek * q);
            ek = e;
            double g = u * e, s = amp * g;
            double f = RicianLikelihood.ScaledI0Parts(Math.Max(mk * s * inverseS2, 0), out double ratio, out double dk, out double wk);
            double d = mk - s;
            cost += d * d;
            // Two logarithms per evaluation: Σ log(e^(−z)·I0(z)) = log Π f − Σ w − ½·log Π d (folded before either could leave range).
            product *= f;
            divisor *= dk;
            exponent += wk;
            if (product < 1e-250 || product > 1e250 || divisor > 1e250) { logSum += Math.Log(product) - 0.5 * Math.Log(divisor); product = divisor = 1; }
            double r = mk * ratio - s;
            double j0 = g, j1 = u > 0 ? amp * (re * ak + eta * ck) / u * e : 0, j2 = -tk * s;
            a00 += j0 * j0; a01 += j0 * j1; a02 += j0 * j2;
            a11 += j1 * j1; a12 += j1 * j2; a22 += j2 * j2;
            b0 += j0 * r; b1 += j1 * r; b2 += j2 * r;
        }
        jtj[0] = a00; jtj[1] = a01; jtj[2] = a02; jtj[4] = a11; jtj[5] = a12; jtj[8] = a22;
        jtr[0] = b0; jtr[1] = b1; jtr[2] = b2;
        jtj[3] = jtj[1]; jtj[6] = jtj[2]; jtj[7] = jtj[5];
        rss = cost;
        return cost - 2 * s2 * (logSum + Math.Log(product) - exponent - 0.5 * Math.Log(divisor));
    }

    /// <summary>
    /// Standard errors of (A, η, R) at a branch optimum of the last fitted pixel: covariance σ²·(JᵀJ)⁻¹ with J the Jacobian
    /// of the magnitude model A·g(η, R) and σ² the known noise variance of the data (σ²/N for a mean of N pixels), else Σ (M − A·g)² / (n − 3) as the decay fits do.
    /// With η on a branch bound (an active constraint) its standard error is that of the free fit at the same point.
    /// </summary>
    public BranchErrors Errors(in BranchFit fit)
    {
        double sigma2 = double.IsNaN(_sigma) ? fit.Rss / Math.Max(_m - 3, 1) : _dataVariance;
        double a00 = 0, a01 = 0, a02 = 0, a11 = 0, a12 = 0, a22 = 0;
        for (int k = 0; k < _m; k++)
        {
            double g = Shape(fit.Eta, fit.Rate, k, out double dg, out _);
            double j0 = g, j1 = fit.Amplitude * dg, j2 = -_t[k] * fit.Amplitude * g;
            a00 += j0 * j0; a01 += j0 * j1; a02 += j0 * j2; a11 += j1 * j1; a12 += j1 * j2; a22 += j2 * j2;
        }
        var i = Inverse3(a00, a01, a02, a11, a12, a22, out double det);
        if (!(det > 0) || !double.IsFinite(det) || fit.Status == DecayFitStatus.Failed)
            return new BranchErrors { Amplitude = double.NaN, Eta = double.NaN, Rate = double.NaN, AmplitudeEtaCovariance = double.NaN };
        return new BranchErrors
        {
            Amplitude = Math.Sqrt(Math.Max(sigma2 * i.I00, 0)),
            Eta = Math.Sqrt(Math.Max(sigma2 * i.I11, 0)),
            Rate = Math.Sqrt(Math.Max(sigma2 * i.I22, 0)),
            AmplitudeEtaCovariance = sigma2 * i.I01,
        };
    }

    /// <summary>
    /// Box's second-order bias of a branch optimum (Box, J R Stat Soc B 1971;33:171, "Bias in nonlinear estimation"):
    /// b = −(v/2)·(JᵀJ)⁻¹·Jᵀd, dₖ = tr((JᵀJ)⁻¹·Hₖ), with J and Hₖ the Jacobian and the Hessians of the magnitude model
    /// A·|(1 − η) + η·c(tₖ)|·e^(−R·tₖ) in (A, η, R) at the estimate and v the data's noise variance (σ², σ²/N for a mean of N
    /// pixels); the corrected estimate is θ − b. Only with σ known and one channel (the Rician likelihood; σ̂² from 3 degrees
    /// of freedom would make the correction as noisy as the bias), and only where the expansion holds: η inside its branch with the water–fat fold
    /// η = ½ (where the two branches meet and ∂|S|/∂η vanishes, so b diverges) more than two standard errors away, and
    /// the corrected η still inside the branch. Measured on simulated truth (docs/methods.md §6.1).
    /// </summary>
    /// <param name="fit">The kept branch's optimum.</param>
    /// <param name="waterBranch">Whether it is the water-dominant branch (η ≤ ½).</param>
    public BranchBias Bias(in BranchFit fit, bool waterBranch)
    {
        if (!_rician) return new BranchBias { Outcome = BiasOutcome.NoKnownNoise };
        double lo = waterBranch ? EtaLow : 0.5, hi = waterBranch ? 0.5 : EtaHigh, noiseVariance = _dataVariance;
        if (fit.Status == DecayFitStatus.Failed || !(noiseVariance > 0)) return new BranchBias { Outcome = BiasOutcome.Singular };
        double amp = fit.Amplitude, eta = fit.Eta, rate = fit.Rate;
        Span<double> j0 = stackalloc double[_m], j1 = stackalloc double[_m], j2 = stackalloc double[_m];
        Span<double> hAe = stackalloc double[_m], hAr = stackalloc double[_m], hee = stackalloc double[_m], her = stackalloc double[_m], hrr = stackalloc double[_m];
        double a00 = 0, a01 = 0, a02 = 0, a11 = 0, a12 = 0, a22 = 0;
        double q = double.IsNaN(_step) ? 0 : Math.Exp(-rate * _step), e = Math.Exp(-rate * _t[0]);
        for (int k = 0; k < _m; k++)
        {
            double ak = _a[k], ck = _ci2[k], tk = _t[k];
            // Uniform spacing: e^(−R·tₖ) = e^(−R·t₀)·qᵏ, as in the likelihood loop.
            if (k > 0) e = double.IsNaN(_step) ? Math.Exp(-rate * tk) : e * q;
            double re = 1 + eta * ak, u = Math.Sqrt(re * re + eta * eta * ck);
            if (!(u > 0)) return new BranchBias { Outcome = BiasOutcome.Singular };
            double du = (re * ak + eta * ck) / u, d2u = (ak * ak + ck - du * du) / u;
            j0[k] = u * e; j1[k] = amp * du * e; j2[k] = -tk * amp * u * e;
            hAe[k] = du * e; hAr[k] = -tk * u * e; hee[k] = amp * d2u * e; her[k] = -tk * amp * du * e; hrr[k] = tk * tk * amp * u * e;
            a00 += j0[k] * j0[k]; a01 += j0[k] * j1[k]; a02 += j0[k] * j2[k]; a11 += j1[k] * j1[k]; a12 += j1[k] * j2[k]; a22 += j2[k] * j2[k];
        }
        var (i00, i01, i02, i11, i12, i22) = Inverse3(a00, a01, a02, a11, a12, a22, out double det);
        if (!(det > 0) || !double.IsFinite(det)) return new BranchBias { Outcome = BiasOutcome.Singular };
        double etaSe = Math.Sqrt(noiseVariance * i11);
        if (eta <= lo || eta >= hi || rate <= 0 || rate >= _maxRate) return new BranchBias { Outcome = BiasOutcome.OnBranchBound, EtaStandardError = etaSe };
        if (Math.Abs(eta - 0.5) <= 2 * etaSe) return new BranchBias { Outcome = BiasOutcome.NearFold, EtaStandardError = etaSe };
        double g0 = 0, g1 = 0, g2 = 0;
        for (int k = 0; k < _m; k++)
        {
            // tr((JᵀJ)⁻¹·Hₖ) with ∂²/∂A² = 0.
            double dk = 2 * (i01 * hAe[k] + i02 * hAr[k] + i12 * her[k]) + i11 * hee[k] + i22 * hrr[k];
            g0 += j0[k] * dk; g1 += j1[k] * dk; g2 += j2[k] * dk;
        }
        double half = -0.5 * noiseVariance;
        var bias = new BranchBias
        {
            Amplitude = half * (i00 * g0 + i01 * g1 + i02 * g2),
            Eta = half * (i01 * g0 + i11 * g1 + i12 * g2),
            Rate = half * (i02 * g0 + i12 * g1 + i22 * g2),
            EtaStandardError = etaSe,
            Outcome = BiasOutcome.Applied,
        };
        double corrected = eta - bias.Eta;
        if (!double.IsFinite(corrected) || corrected <= lo || corrected >= hi || !(rate - bias.Rate > 0) || !double.IsFinite(bias.Amplitude))
            return new BranchBias { Outcome = BiasOutcome.LeavesBranch, EtaStandardError = etaSe };
        return bias;
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
