namespace IronNotebooks.Statistics.Internal;

/// <summary>Ordinary least squares of y on x with t-based intervals (the textbook formulas that R's <c>lm</c> reports).</summary>
internal static class LeastSquares
{
    public static RegressionLine Fit(double[] x, double[] y, double level, string method)
    {
        int n = x.Length;
        Samples.AtLeast(n, 3, method, "pairs");
        double mx = Samples.Mean(x), my = Samples.Mean(y);
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double dx = x[i] - mx, dy = y[i] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx == 0) throw new InsufficientDataException(method, "x has no variance (all values equal); a slope is undefined.");
        double slope = sxy / sxx, intercept = my - slope * mx;
        double rss = 0;
        for (int i = 0; i < n; i++)
        {
            double r = y[i] - intercept - slope * x[i];
            rss += r * r;
        }
        var warnings = new List<string>();
        double sigma = Math.Sqrt(rss / (n - 2));
        double seSlope = sigma / Math.Sqrt(sxx), seIntercept = sigma * Math.Sqrt(1.0 / n + mx * mx / sxx);
        double t = Distributions.StudentTCritical(n - 2, level);
        double p;
        if (seSlope > 0) p = Distributions.StudentTTwoSidedP(slope / seSlope, n - 2);
        else
        {
            p = slope == 0 ? 1 : 0;
            warnings.Add("The points lie exactly on a line: standard errors are 0 and the p-value is degenerate.");
        }
        double r2 = syy > 0 ? 1 - rss / syy : double.NaN;
        if (syy == 0) warnings.Add("y has no variance: R² is undefined (NaN).");
        return new RegressionLine(method, n, slope, intercept,
            new ConfidenceInterval(slope - t * seSlope, slope + t * seSlope, level, "t, n − 2 df"),
            new ConfidenceInterval(intercept - t * seIntercept, intercept + t * seIntercept, level, "t, n − 2 df"),
            seSlope, seIntercept, p, r2, sigma, warnings.AsReadOnly());
    }
}
