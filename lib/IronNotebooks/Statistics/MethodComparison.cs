using IronNotebooks.Statistics.Internal;

namespace IronNotebooks.Statistics;

/// <summary>
/// Method-comparison regression and concordance, x = reference (or method A), y = the method under test.
/// <list type="bullet">
/// <item><see cref="Ols"/>: ordinary least squares of y on x (assumes x without error; biases the slope toward 0 when
/// x is noisy, which a biopsy LIC is).</item>
/// <item><see cref="Deming(IReadOnlyList{double}, IReadOnlyList{double}, DemingOptions)"/>: errors in both, with known ratio λ = Var(error y)/Var(error x); slope
/// [S_yy − λS_xx + √((S_yy − λS_xx)² + 4λS_xy²)] / (2S_xy) (Deming 1943; Cornbleet &amp; Gochman 1979, Clin Chem 25:432,
/// doi:10.1093/clinchem/25.3.432); standard errors by the jackknife (Linnet 1990, Stat Med 9:1463,
/// doi:10.1002/sim.4780091210), intervals ± t(n − 2)·SE. Leave-one-out sums are down-dated, so the jackknife is O(n).</item>
/// <item><see cref="PassingBablok"/>: the shifted median of all pairwise slopes (Passing &amp; Bablok 1983, J Clin Chem
/// Clin Biochem 21:709, doi:10.1515/cclm.1983.21.11.709): slopes of pairs with equal x and equal y are dropped, equal x
/// gives ±∞ by the sign of the y difference, slopes of exactly −1 are dropped; K = #(slopes &lt; −1) shifts the median;
/// the slope interval takes the order statistics M₁ = round((N − C)/2) and M₂ = N − M₁ + 1 (shifted by K) with
/// C = z·√(n(n − 1)(2n + 5)/18); intercept median(y − b·x), its interval from the slope limits. Assumes a positive
/// relation; O(n² log n) time and O(n²) memory, so n ≤ 5000. The cusum linearity test is not implemented.</item>
/// <item><see cref="Concordance"/>: Lin's concordance correlation coefficient (Lin 1989, Biometrics 45:255,
/// doi:10.2307/2532051; variance corrected in Lin 2000, Biometrics 56:324) with 1/n moments; interval by the z
/// transform with Lin's asymptotic variance
/// σ²_z = [(1 − r²)ρc²/((1 − ρc²)r²) + 2ρc³(1 − ρc)u²/(r(1 − ρc²)²) − ρc⁴u⁴/(2r²(1 − ρc²)²)]/(n − 2).</item>
/// </list>
/// Input: finite, paired, n ≥ 3; x not constant. Violations throw <see cref="ArgumentException"/> or <see cref="InsufficientDataException"/>.
/// </summary>
public static class MethodComparison
{
    /// <summary>Largest n accepted by <see cref="PassingBablok"/> (its pairwise slopes need O(n²) memory).</summary>
    public const int PassingBablokMaxPairs = 5000;

    /// <summary>Ordinary least squares of y on x, t intervals (n − 2 df).</summary>
    /// <exception cref="ArgumentException">Null, mismatched or non-finite input, or a level out of range.</exception>
    /// <exception cref="InsufficientDataException">n &lt; 3 or constant x.</exception>
    public static RegressionLine Ols(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidenceLevel = 0.95)
    {
        var (a, b) = Correlation.Pairs(x, y, confidenceLevel, "OLS");
        return LeastSquares.Fit(a, b, confidenceLevel, "ordinary least squares of y on x");
    }

    /// <summary>Deming regression with equal error variances (orthogonal regression), 95 % jackknife intervals.</summary>
    /// <exception cref="ArgumentException">Null, mismatched or non-finite input.</exception>
    /// <exception cref="InsufficientDataException">n &lt; 3, no covariance between x and y.</exception>
    public static RegressionLine Deming(IReadOnlyList<double> x, IReadOnlyList<double> y) => Deming(x, y, DemingOptions.Default);

    /// <summary>Deming regression with explicit options.</summary>
    /// <exception cref="ArgumentException">Null, mismatched or non-finite input, or options out of range.</exception>
    /// <exception cref="InsufficientDataException">n &lt; 3, or x and y (or a leave-one-out subsample) without covariance.</exception>
    public static RegressionLine Deming(IReadOnlyList<double> x, IReadOnlyList<double> y, DemingOptions options)
    {
        Guard.NotNull(options);
        double lambda = Guard.Positive(options.ErrorVarianceRatio, nameof(options.ErrorVarianceRatio));
        var (a, b) = Correlation.Pairs(x, y, options.ConfidenceLevel, "Deming regression");
        int n = a.Length;
        double mx = Samples.Mean(a), my = Samples.Mean(b), sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = a[i] - mx, dy = b[i] - my;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        double slope = DemingSlope(sxx, syy, sxy, lambda), intercept = my - slope * mx;

        // Jackknife: remove one pair at a time. Means and centred sums are down-dated exactly:
        // S₋ᵢ = S − n/(n − 1)·(xᵢ − x̄)(yᵢ − ȳ), x̄₋ᵢ = (n·x̄ − xᵢ)/(n − 1).
        var js = new double[n];
        var ji = new double[n];
        double f = n / (n - 1.0);
        for (int i = 0; i < n; i++)
        {
            double dx = a[i] - mx, dy = b[i] - my;
            double s = DemingSlope(sxx - f * dx * dx, syy - f * dy * dy, sxy - f * dx * dy, lambda);
            js[i] = s;
            ji[i] = (n * my - b[i]) / (n - 1) - s * (n * mx - a[i]) / (n - 1);
        }
        double seSlope = Jackknife(js), seIntercept = Jackknife(ji);
        double level = options.ConfidenceLevel, t = Distributions.StudentTCritical(n - 2, level);
        const string ciMethod = "jackknife SE (Linnet 1990), t(n − 2)";
        return new RegressionLine(FormattableString.Invariant($"Deming regression, λ = Var(error y)/Var(error x) = {lambda:G6}"), n, slope, intercept,
            new ConfidenceInterval(slope - t * seSlope, slope + t * seSlope, level, ciMethod),
            new ConfidenceInterval(intercept - t * seIntercept, intercept + t * seIntercept, level, ciMethod),
            seSlope, seIntercept, null, null, null, []);

        static double Jackknife(double[] v)
        {
            double m = Samples.Mean(v);
            return Math.Sqrt((v.Length - 1.0) / v.Length * Samples.SumSquares(v, m));
        }
    }

    private static double DemingSlope(double sxx, double syy, double sxy, double lambda)
    {
        if (sxy == 0) throw new InsufficientDataException("Deming regression", "x and y (or a subsample leaving one pair out) have zero covariance; the slope is undefined.");
        double u = syy - lambda * sxx;
        return (u + Math.Sqrt(u * u + 4 * lambda * sxy * sxy)) / (2 * sxy);
    }

    /// <summary>Passing–Bablok regression, 95 % interval.</summary>
    /// <exception cref="ArgumentException">Null, mismatched or non-finite input, n above <see cref="PassingBablokMaxPairs"/>, or a level out of range.</exception>
    /// <exception cref="InsufficientDataException">n &lt; 3, a constant variable, no usable slopes, or a relation that is not positive (r ≤ 0, or the shifted median falls outside the slopes).</exception>
    public static RegressionLine PassingBablok(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidenceLevel = 0.95)
    {
        var (a, b) = Correlation.Pairs(x, y, confidenceLevel, "Passing–Bablok regression");
        int n = a.Length;
        if (n > PassingBablokMaxPairs)
            throw new ArgumentException($"Passing–Bablok needs all n(n − 1)/2 pairwise slopes; n = {n} exceeds the {PassingBablokMaxPairs} this implementation accepts. Use Deming regression.", nameof(x));
        double r = Correlation.PearsonR(a, b, "Passing–Bablok regression");
        if (r <= 0)
            throw new InsufficientDataException("Passing–Bablok regression", FormattableString.Invariant($"the method assumes a positive relation between the methods; Pearson r = {r:G3}."));
        var slopes = new List<double>(n * (n - 1) / 2);
        for (int i = 0; i < n - 1; i++)
        for (int j = i + 1; j < n; j++)
        {
            double dx = a[j] - a[i], dy = b[j] - b[i];
            if (dx == 0 && dy == 0) continue;
            double s = dx == 0 ? (dy > 0 ? double.PositiveInfinity : double.NegativeInfinity) : dy / dx;
            if (s == -1) continue;
            slopes.Add(s);
        }
        var sorted = slopes.ToArray();
        Array.Sort(sorted);
        int count = sorted.Length, k = 0;
        while (k < count && sorted[k] < -1) k++;
        if (count == 0) throw new InsufficientDataException("Passing–Bablok regression", "every pair is tied or has slope −1; no slope can be estimated.");
        // 1-based order statistic i (shifted by K) → sorted[i + K − 1]; outside the list means no estimate.
        double At(int i) => sorted[i + k - 1];
        bool Inside(int i) => i + k >= 1 && i + k <= count;
        int mid1 = count % 2 == 1 ? (count + 1) / 2 : count / 2, mid2 = count % 2 == 1 ? mid1 : count / 2 + 1;
        if (!Inside(mid1) || !Inside(mid2))
            throw new InsufficientDataException("Passing–Bablok regression", $"{k} of {count} slopes are below −1: the method assumes a positive relation between the methods.");
        double slope = (At(mid1) + At(mid2)) / 2;
        if (double.IsInfinity(slope)) throw new InsufficientDataException("Passing–Bablok regression", "the median slope is infinite (too many ties in x).");

        var warnings = new List<string>();
        double c = Distributions.NormalCritical(confidenceLevel) * Math.Sqrt(n * (n - 1.0) * (2 * n + 5) / 18);
        int m1 = (int)Math.Round((count - c) / 2), m2 = count - m1 + 1;
        double lo = Inside(m1) ? At(m1) : double.NegativeInfinity, hi = Inside(m2) ? At(m2) : double.PositiveInfinity;
        if (double.IsInfinity(lo) || double.IsInfinity(hi)) warnings.Add("Too few pairs (or ties in x) for a finite slope interval; the open end is reported as ±∞.");
        double intercept = InterceptAt(a, b, slope);
        double iLo = double.IsInfinity(hi) ? double.NegativeInfinity : InterceptAt(a, b, hi);
        double iHi = double.IsInfinity(lo) ? double.PositiveInfinity : InterceptAt(a, b, lo);
        const string ciMethod = "Passing & Bablok (1983) order statistics";
        return new RegressionLine("Passing–Bablok regression (1983)", n, slope, intercept,
            new ConfidenceInterval(lo, hi, confidenceLevel, ciMethod), new ConfidenceInterval(Math.Min(iLo, iHi), Math.Max(iLo, iHi), confidenceLevel, ciMethod),
            null, null, null, null, null, warnings.AsReadOnly());
    }

    private static double InterceptAt(double[] x, double[] y, double slope)
    {
        var r = new double[x.Length];
        for (int i = 0; i < x.Length; i++) r[i] = y[i] - slope * x[i];
        return Samples.Median(r);
    }

    /// <summary>Lin's concordance correlation coefficient with a 95 % interval.</summary>
    /// <exception cref="ArgumentException">Null, mismatched or non-finite input, or a level out of range.</exception>
    /// <exception cref="InsufficientDataException">n &lt; 3 or a constant variable.</exception>
    public static ConcordanceResult Concordance(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidenceLevel = 0.95)
    {
        var (a, b) = Correlation.Pairs(x, y, confidenceLevel, "Concordance correlation");
        int n = a.Length;
        double mx = Samples.Mean(a), my = Samples.Mean(b);
        double sx2 = Samples.SumSquares(a, mx) / n, sy2 = Samples.SumSquares(b, my) / n, sxy = 0;
        for (int i = 0; i < n; i++) sxy += (a[i] - mx) * (b[i] - my);
        sxy /= n;
        if (sx2 == 0 || sy2 == 0) throw new InsufficientDataException("Concordance correlation", "one variable is constant; the coefficient is undefined.");
        double rc = 2 * sxy / (sx2 + sy2 + (mx - my) * (mx - my));
        double r = sxy / Math.Sqrt(sx2 * sy2);
        double u = (mx - my) / Math.Pow(sx2 * sy2, 0.25), v = Math.Sqrt(sx2 / sy2);
        var warnings = new List<string>();
        ConfidenceInterval? ci = null;
        double one = 1 - rc * rc;
        if (n > 3 && r != 0 && one > 0)
        {
            double vz = ((1 - r * r) * rc * rc / (one * r * r) + 2 * rc * rc * rc * (1 - rc) * u * u / (r * one * one)
                         - Math.Pow(rc, 4) * Math.Pow(u, 4) / (2 * r * r * one * one)) / (n - 2);
            if (vz >= 0)
            {
                double z = Math.Atanh(rc), half = Distributions.NormalCritical(confidenceLevel) * Math.Sqrt(vz);
                ci = new ConfidenceInterval(Math.Tanh(z - half), Math.Tanh(z + half), confidenceLevel, "z transform, Lin (1989, 2000) variance");
            }
        }
        if (ci is null) warnings.Add("Lin's asymptotic variance is undefined here (|ρc| = 1, r = 0, n ≤ 3, or a negative variance estimate); no interval.");
        return new ConcordanceResult(n, rc, ci, r, rc / r, u, v, warnings.AsReadOnly());
    }
}
