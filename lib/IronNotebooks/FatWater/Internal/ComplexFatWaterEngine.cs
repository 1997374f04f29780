using System.Numerics;
using IronNotebooks.Relaxometry;

namespace IronNotebooks.FatWater.Internal;

/// <summary>A refined complex fit: water and fat (complex, at TE = 0), field map ψ (Hz), R2* (s⁻¹), cost Σ|r|².</summary>
internal struct ComplexFit
{
    public Complex Water, Fat;
    public double FieldHz, Rate, Cost;
    public int Iterations;
    public DecayFitStatus Status;

    /// <summary>PDFF by magnitude discrimination (Liu et al., MRM 2007;58:354): fat-dominant |F|/|W + F|, water-dominant
    /// 1 − |W|/|W + F|. The near-zero component's magnitude is always positive under noise; taking it from the dominant one
    /// and the complex sum removes that bias.</summary>
    public readonly double FatFractionPercent
    {
        get
        {
            double sum = (Water + Fat).Magnitude;
            if (!(sum > 0)) return double.NaN;
            return 100 * (Fat.Magnitude > Water.Magnitude ? Fat.Magnitude / sum : 1 - Water.Magnitude / sum);
        }
    }
}

/// <summary>Standard errors of a complex fit: PDFF (percentage points), |W| and |F| (signal units), ψ (Hz), R2* (s⁻¹).</summary>
internal readonly record struct ComplexErrors
{
    public double FatFractionPercent { get; init; }
    public double Water { get; init; }
    public double Fat { get; init; }
    public double FieldHz { get; init; }
    public double Rate { get; init; }
}

/// <summary>One field-map candidate of a pixel: a local minimum of the projected cost over ψ.</summary>
internal readonly record struct FieldCandidate(double FieldHz, double Rate, double Cost);

/// <summary>The best and second-best local minima over ψ.</summary>
internal readonly record struct FieldCandidates(FieldCandidate Best, FieldCandidate? Second);

/// <summary>
/// Complex fat–water least squares S(t) = (W + F·c(t))·e^((−R + i2πψ)·t). Given (ψ, R) the complex amplitudes W, F are a
/// 2 × 2 linear least-squares problem (variable projection); the Gram matrix depends on R only. The cost over ψ is
/// periodic with period 1/ΔTE for uniform echo spacing (a shift multiplies every echo by one phase, absorbed by W, F), so
/// the grid covers one period; minima are refined by Levenberg–Marquardt on (ψ, R) with the Kaufman Jacobian.
/// </summary>
internal sealed class ComplexFatWaterEngine
{
    public const int FieldGridPoints = 48;
    private static readonly double[] RateGrid = [20, 80, 200, 450, 900];

    private readonly int _m;
    private readonly double[] _t;
    private readonly Complex[] _c;
    private readonly double _period, _maxRate, _tol;
    private readonly int _maxIter;

    public ComplexFatWaterEngine(IReadOnlyList<double> echoTimesMs, FatWaterOptions o)
    {
        _m = echoTimesMs.Count;
        _t = [.. echoTimesMs.Select(t => t / 1000)];
        _c = [.. echoTimesMs.Select(t => o.Spectrum.Modulation(t, o.FieldStrengthT))];
        // Smallest echo spacing sets the aliasing period of ψ (exact for uniform spacing, a search range otherwise).
        double dt = double.PositiveInfinity;
        for (int k = 1; k < _m; k++) dt = Math.Min(dt, _t[k] - _t[k - 1]);
        _period = 1 / dt;
        _maxRate = o.MaxR2StarPerSecond;
        _maxIter = o.MaxIterations;
        _tol = o.RelativeTolerance;
    }

    /// <summary>Aliasing period of the field map, Hz (1 / shortest echo spacing).</summary>
    public double PeriodHz => _period;

    /// <summary>Grid values of ψ, Hz: [−P/2, P/2) in <see cref="FieldGridPoints"/> steps.</summary>
    public double FieldAt(int i) => -_period / 2 + _period * i / FieldGridPoints;

    /// <summary>Projected cost at each ψ grid point (minimum over the R grid) into <paramref name="cost"/>, and the R of that minimum.</summary>
    public void CostCurve(ReadOnlySpan<Complex> y, Span<double> cost, Span<double> rate)
    {
        for (int i = 0; i < FieldGridPoints; i++)
        {
            cost[i] = double.PositiveInfinity;
            foreach (var r in RateGrid)
            {
                double c = Project(y, FieldAt(i), r, out _, out _);
                if (c < cost[i]) { cost[i] = c; rate[i] = r; }
            }
        }
    }

    /// <summary>Best and second-best circular local minima of the cost curve.</summary>
    public FieldCandidates Candidates(ReadOnlySpan<Complex> y)
    {
        Span<double> cost = stackalloc double[FieldGridPoints];
        Span<double> rate = stackalloc double[FieldGridPoints];
        CostCurve(y, cost, rate);
        return CandidatesOf(cost, rate);
    }

    public FieldCandidates CandidatesOf(ReadOnlySpan<double> cost, ReadOnlySpan<double> rate)
    {
        FieldCandidate? best = null, second = null;
        int n = FieldGridPoints;
        for (int i = 0; i < n; i++)
        {
            double c = cost[i];
            if (!(c <= cost[(i + n - 1) % n] && c < cost[(i + 1) % n])) continue;
            var cand = new FieldCandidate(FieldAt(i), rate[i], c);
            if (best is null || c < best.Value.Cost) { second = best; best = cand; }
            else if (second is null || c < second.Value.Cost) second = cand;
        }
        if (best is null)
        {
            int i = 0;
            for (int k = 1; k < n; k++) if (cost[k] < cost[i]) i = k;
            best = new FieldCandidate(FieldAt(i), rate[i], cost[i]);
        }
        return new FieldCandidates(best.Value, second);
    }

    /// <summary>Circular local minima of the cost curve, lowest first, into <paramref name="into"/>; returns how many (≥ 1).</summary>
    public int LocalMinima(ReadOnlySpan<double> cost, ReadOnlySpan<double> rate, Span<FieldCandidate> into)
    {
        int n = FieldGridPoints, count = 0;
        for (int i = 0; i < n; i++)
        {
            double c = cost[i];
            if (!(c <= cost[(i + n - 1) % n] && c < cost[(i + 1) % n])) continue;
            var cand = new FieldCandidate(FieldAt(i), rate[i], c);
            int pos = count < into.Length ? count : into.Length;
            while (pos > 0 && into[pos - 1].Cost > c) pos--;
            if (pos >= into.Length) continue;
            for (int k = Math.Min(count, into.Length - 1); k > pos; k--) into[k] = into[k - 1];
            into[pos] = cand;
            if (count < into.Length) count++;
        }
        if (count == 0)
        {
            int i = 0;
            for (int k = 1; k < n; k++) if (cost[k] < cost[i]) i = k;
            into[0] = new FieldCandidate(FieldAt(i), rate[i], cost[i]);
            count = 1;
        }
        return count;
    }

    /// <summary>Circular distance between two field values, Hz (period <see cref="PeriodHz"/>).</summary>
    public double Distance(double a, double b)
    {
        double d = Math.Abs(a - b) % _period;
        return Math.Min(d, _period - d);
    }

    /// <summary>Levenberg–Marquardt on (ψ, R) from a candidate; the result's ψ is wrapped into [−P/2, P/2).</summary>
    public ComplexFit Refine(ReadOnlySpan<Complex> y, double field, double rate)
    {
        double cost = Evaluate(y, field, rate, out var w, out var f, out double n11, out double n12, out double n22, out double g1, out double g2, true);
        double lambda = 1e-3;
        int iter = 0;
        var status = DecayFitStatus.MaxIterations;
        double syy = 0;
        foreach (var v in y) syy += v.Real * v.Real + v.Imaginary * v.Imaginary;
        while (iter < _maxIter)
        {
            iter++;
            bool accepted = false, done = false;
            while (true)
            {
                double a11 = n11 * (1 + lambda) + 1e-30, a22 = n22 * (1 + lambda) + 1e-30, det = a11 * a22 - n12 * n12;
                double dF = det != 0 ? -(a22 * g1 - n12 * g2) / det : 0;
                double dR = det != 0 ? -(a11 * g2 - n12 * g1) / det : 0;
                // Keep a step within a quarter period: beyond it the linearisation means nothing (the cost is periodic).
                dF = Math.Clamp(dF, -_period / 4, _period / 4);
                double tf = field + dF, tr = Math.Clamp(rate + dR, 0, _maxRate);
                double trial = Evaluate(y, tf, tr, out var tw, out var tfat, out _, out _, out _, out _, out _, false);
                if (double.IsFinite(trial) && trial <= cost)
                {
                    double decrease = cost - trial;
                    bool small = Math.Abs(tf - field) <= _tol * _period && Math.Abs(tr - rate) <= _tol * (rate + 1);
                    field = tf; rate = tr; w = tw; f = tfat;
                    accepted = true;
                    if (small || (decrease <= _tol * _tol * syy && lambda <= 1e-2)) done = true;
                    cost = Evaluate(y, field, rate, out w, out f, out n11, out n12, out n22, out g1, out g2, true);
                    lambda = Math.Max(lambda / 10, 1e-12);
                    break;
                }
                lambda *= 10;
                if (lambda > 1e12) { done = true; break; }
            }
            if (done || !accepted) { status = DecayFitStatus.Converged; break; }
        }
        // Wrap ψ into one period; W and F pick up the phase e^(i2π·kP·t0)… only for uniform spacing is that exact, so
        // recompute the amplitudes at the wrapped value.
        double wrapped = field - _period * Math.Floor((field + _period / 2) / _period);
        if (wrapped != field) cost = Evaluate(y, wrapped, rate, out w, out f, out _, out _, out _, out _, out _, false);
        return new ComplexFit { Water = w, Fat = f, FieldHz = wrapped, Rate = rate, Cost = Math.Max(cost, 0), Iterations = iter,
            Status = double.IsFinite(cost) ? status : DecayFitStatus.Failed };
    }

    /// <summary>
    /// Standard errors of a refined fit: covariance v·(JᵀJ)⁻¹ of θ = (Re W, Im W, Re F, Im F, ψ, R) with J the Jacobian of
    /// the model's real and imaginary parts (∂s/∂W = b, ∂s/∂F = c·b, ∂s/∂ψ = i2πt·s, ∂s/∂R = −t·s), v the noise variance per
    /// real component when given, else Σ|r|²/(2m − 6); PDFF (magnitude discrimination), |W| and |F| by the delta method
    /// (PDFF's gradient by central differences: it switches formula at |W| = |F|). Null without residual degrees of freedom
    /// (three echoes and no σ) or when JᵀJ is singular.
    /// </summary>
    public ComplexErrors? Errors(in ComplexFit fit, double noiseVariance)
    {
        double v = double.IsNaN(noiseVariance) ? (2 * _m > 6 ? fit.Cost / (2 * _m - 6) : double.NaN) : noiseVariance;
        if (!(v >= 0) || fit.Status == DecayFitStatus.Failed) return null;
        const int P = 6;
        var jtj = new double[P * P];
        Span<double> row = stackalloc double[P];
        for (int k = 0; k < _m; k++)
        {
            double e = Math.Exp(-fit.Rate * _t[k]);
            var b1 = Complex.FromPolarCoordinates(e, 2 * Math.PI * fit.FieldHz * _t[k]);
            var b2 = _c[k] * b1;
            var s = fit.Water * b1 + fit.Fat * b2;
            Complex[] columns = [b1, Complex.ImaginaryOne * b1, b2, Complex.ImaginaryOne * b2, new Complex(0, 2 * Math.PI * _t[k]) * s, -_t[k] * s];
            for (int part = 0; part < 2; part++)
            {
                for (int j = 0; j < P; j++) row[j] = part == 0 ? columns[j].Real : columns[j].Imaginary;
                for (int i = 0; i < P; i++)
                    for (int j = 0; j < P; j++) jtj[i * P + j] += row[i] * row[j];
            }
        }
        var inverse = new double[P * P];
        if (!Relaxometry.Internal.LinearAlgebra.Invert(jtj, inverse, P, new double[P * P], new double[P])) return null;
        double Cov(int i, int j) => v * inverse[i * P + j];
        double Quadratic(ReadOnlySpan<double> g)
        {
            double q = 0;
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 4; j++) q += g[i] * Cov(i, j) * g[j];
            return Math.Sqrt(Math.Max(q, 0));
        }
        double[] theta = [fit.Water.Real, fit.Water.Imaginary, fit.Fat.Real, fit.Fat.Imaginary];
        double h = 1e-6 * Math.Max(fit.Water.Magnitude + fit.Fat.Magnitude, 1e-300);
        Span<double> gradient = stackalloc double[4];
        for (int i = 0; i < 4; i++)
        {
            double[] up = [.. theta], down = [.. theta];
            up[i] += h;
            down[i] -= h;
            gradient[i] = (FatFractionOf(up) - FatFractionOf(down)) / (2 * h);
        }
        double wm = fit.Water.Magnitude, fm = fit.Fat.Magnitude;
        double[] gw = wm > 0 ? [theta[0] / wm, theta[1] / wm, 0, 0] : [0, 0, 0, 0];
        double[] gf = fm > 0 ? [0, 0, theta[2] / fm, theta[3] / fm] : [0, 0, 0, 0];
        var errors = new ComplexErrors
        {
            FatFractionPercent = Quadratic(gradient), Water = Quadratic(gw), Fat = Quadratic(gf),
            FieldHz = Math.Sqrt(Math.Max(Cov(4, 4), 0)), Rate = Math.Sqrt(Math.Max(Cov(5, 5), 0)),
        };
        return double.IsFinite(errors.Rate) && double.IsFinite(errors.FatFractionPercent) ? errors : null;

        static double FatFractionOf(double[] p) => new ComplexFit { Water = new Complex(p[0], p[1]), Fat = new Complex(p[2], p[3]) }.FatFractionPercent;
    }

    /// <summary>Projected cost ‖y − B·θ‖² at (ψ, R), with θ = (W, F) the least-squares amplitudes.</summary>
    public double Project(ReadOnlySpan<Complex> y, double field, double rate, out Complex water, out Complex fat)
    {
        double g11 = 0, g22 = 0, syy = 0;
        Complex g12 = 0, h1 = 0, h2 = 0;
        for (int k = 0; k < _m; k++)
        {
            double e = Math.Exp(-rate * _t[k]);
            var b1 = Complex.FromPolarCoordinates(e, 2 * Math.PI * field * _t[k]);
            var b2 = _c[k] * b1;
            g11 += e * e;
            g22 += e * e * (_c[k].Real * _c[k].Real + _c[k].Imaginary * _c[k].Imaginary);
            g12 += Complex.Conjugate(b1) * b2;
            h1 += Complex.Conjugate(b1) * y[k];
            h2 += Complex.Conjugate(b2) * y[k];
            syy += y[k].Real * y[k].Real + y[k].Imaginary * y[k].Imaginary;
        }
        double det = g11 * g22 - (g12.Real * g12.Real + g12.Imaginary * g12.Imaginary);
        if (!(det > 1e-14 * g11 * g22)) { water = fat = 0; return syy; }
        water = (g22 * h1 - g12 * h2) / det;
        fat = (g11 * h2 - Complex.Conjugate(g12) * h1) / det;
        double explained = (Complex.Conjugate(h1) * water + Complex.Conjugate(h2) * fat).Real;
        return syy - explained;
    }

    private double Evaluate(ReadOnlySpan<Complex> y, double field, double rate, out Complex water, out Complex fat,
        out double n11, out double n12, out double n22, out double g1, out double g2, bool withJacobian)
    {
        n11 = n12 = n22 = g1 = g2 = 0;
        double cost = Project(y, field, rate, out water, out fat);
        if (!withJacobian) return cost;
        // Model s_k = (W + F·c_k)·b_k; ∂s/∂ψ = i2πt·s, ∂s/∂R = −t·s. Kaufman: project the derivative columns off span{b, c·b}.
        Span<Complex> s = stackalloc Complex[_m], dF = stackalloc Complex[_m], dR = stackalloc Complex[_m], b1 = stackalloc Complex[_m], b2 = stackalloc Complex[_m];
        double g11 = 0, g22 = 0;
        Complex g12 = 0;
        for (int k = 0; k < _m; k++)
        {
            double e = Math.Exp(-rate * _t[k]);
            b1[k] = Complex.FromPolarCoordinates(e, 2 * Math.PI * field * _t[k]);
            b2[k] = _c[k] * b1[k];
            s[k] = water * b1[k] + fat * b2[k];
            dF[k] = new Complex(0, 2 * Math.PI * _t[k]) * s[k];
            dR[k] = -_t[k] * s[k];
            g11 += e * e;
            g22 += (b2[k] * Complex.Conjugate(b2[k])).Real;
            g12 += Complex.Conjugate(b1[k]) * b2[k];
        }
        ProjectOut(dF, b1, b2, g11, g22, g12);
        ProjectOut(dR, b1, b2, g11, g22, g12);
        for (int k = 0; k < _m; k++)
        {
            var r = y[k] - s[k];
            // J = ∂r/∂θ = −(I − P)·∂s/∂θ, real and imaginary parts as separate residuals.
            Complex j1 = -dF[k], j2 = -dR[k];
            n11 += j1.Real * j1.Real + j1.Imaginary * j1.Imaginary;
            n22 += j2.Real * j2.Real + j2.Imaginary * j2.Imaginary;
            n12 += j1.Real * j2.Real + j1.Imaginary * j2.Imaginary;
            g1 += j1.Real * r.Real + j1.Imaginary * r.Imaginary;
            g2 += j2.Real * r.Real + j2.Imaginary * r.Imaginary;
        }
        return cost;
    }

    private void ProjectOut(Span<Complex> d, ReadOnlySpan<Complex> b1, ReadOnlySpan<Complex> b2, double g11, double g22, Complex g12)
    {
        Complex h1 = 0, h2 = 0;
        for (int k = 0; k < _m; k++)
        {
            h1 += Complex.Conjugate(b1[k]) * d[k];
            h2 += Complex.Conjugate(b2[k]) * d[k];
        }
        double det = g11 * g22 - (g12 * Complex.Conjugate(g12)).Real;
        if (!(det > 0)) return;
        var a1 = (g22 * h1 - g12 * h2) / det;
        var a2 = (g11 * h2 - Complex.Conjugate(g12) * h1) / det;
        for (int k = 0; k < _m; k++) d[k] -= a1 * b1[k] + a2 * b2[k];
    }
}
