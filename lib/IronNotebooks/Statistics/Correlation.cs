using IronNotebooks.Statistics.Internal;

namespace IronNotebooks.Statistics;

/// <summary>
/// Pearson and Spearman correlation. Correlation measures association, not agreement: two methods can correlate at
/// 0.99 and disagree by a factor of two; use <see cref="BlandAltman"/> or <see cref="MethodComparison.Concordance"/>
/// for agreement (Bland &amp; Altman 1986).
/// <list type="bullet">
/// <item>Pearson r with the Fisher z interval tanh(atanh r ± z/√(n − 3)) (Fisher 1921, Metron 1:3) and the t test
/// with n − 2 df: R's <c>cor.test</c>.</item>
/// <item>Spearman ρ = Pearson r of mid-ranks (ties averaged); p from the t approximation (R's
/// <c>cor.test(method = "spearman", exact = FALSE)</c>; R's default for n &lt; 1290 without ties is the exact AS 89
/// distribution, which we do not reproduce); interval Fisher z with SE √(1.06/(n − 3)) (Fieller, Hartley &amp; Pearson
/// 1957, Biometrika 44:470, doi:10.1093/biomet/44.3-4.470).</item>
/// </list>
/// Input: finite, paired, n ≥ 3, neither variable constant (else <see cref="InsufficientDataException"/>).
/// </summary>
public static class Correlation
{
    /// <summary>Pearson's r.</summary>
    /// <exception cref="ArgumentException">Null, mismatched or non-finite input, or a level out of range.</exception>
    /// <exception cref="InsufficientDataException">n &lt; 3 or a constant variable.</exception>
    public static CorrelationResult Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidenceLevel = 0.95)
    {
        var (a, b) = Pairs(x, y, confidenceLevel, "Pearson correlation");
        return Build("Pearson r; Fisher z interval; t test (n − 2 df)", a, b, 1.0, confidenceLevel, "Pearson correlation");
    }

    /// <summary>Spearman's ρ.</summary>
    /// <exception cref="ArgumentException">Null, mismatched or non-finite input, or a level out of range.</exception>
    /// <exception cref="InsufficientDataException">n &lt; 3 or a constant variable.</exception>
    public static CorrelationResult Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y, double confidenceLevel = 0.95)
    {
        var (a, b) = Pairs(x, y, confidenceLevel, "Spearman correlation");
        return Build("Spearman ρ (mid-ranks); Fisher z interval with SE √(1.06/(n − 3)) (Fieller et al. 1957); t approximation",
            Samples.MidRanks(a), Samples.MidRanks(b), 1.06, confidenceLevel, "Spearman correlation");
    }

    internal static (double[] X, double[] Y) Pairs(IReadOnlyList<double> x, IReadOnlyList<double> y, double level, string method)
    {
        var a = Samples.Finite(x, nameof(x));
        var b = Samples.Finite(y, nameof(y));
        Guard.SameLength(a.Length, b.Length, nameof(x), nameof(y));
        Samples.Level(level);
        Samples.AtLeast(a.Length, 3, method, "pairs");
        return (a, b);
    }

    internal static double PearsonR(double[] a, double[] b, string method)
    {
        double ma = Samples.Mean(a), mb = Samples.Mean(b), saa = 0, sbb = 0, sab = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double da = a[i] - ma, db = b[i] - mb;
            saa += da * da;
            sbb += db * db;
            sab += da * db;
        }
        if (saa == 0 || sbb == 0) throw new InsufficientDataException(method, "one variable is constant; the correlation is undefined.");
        return Math.Clamp(sab / Math.Sqrt(saa * sbb), -1, 1);
    }

    private static CorrelationResult Build(string method, double[] a, double[] b, double varianceFactor, double level, string name)
    {
        int n = a.Length, df = n - 2;
        double r = PearsonR(a, b, name);
        var warnings = new List<string>();
        double t = Math.Abs(r) == 1 ? (r > 0 ? double.PositiveInfinity : double.NegativeInfinity) : r * Math.Sqrt(df / (1 - r * r));
        double p = Distributions.StudentTTwoSidedP(t, df);
        if (Math.Abs(r) == 1) warnings.Add("Perfect correlation: t is infinite, p is 0 and the interval collapses to the point.");
        ConfidenceInterval? ci = null;
        if (n > 3)
        {
            double zr = Math.Atanh(r), half = Distributions.NormalCritical(level) * Math.Sqrt(varianceFactor / (n - 3));
            ci = new ConfidenceInterval(Math.Tanh(zr - half), Math.Tanh(zr + half), level, varianceFactor == 1 ? "Fisher z" : "Fisher z, SE √(1.06/(n − 3))");
        }
        else
        {
            warnings.Add("n = 3: the Fisher z interval needs n > 3; no interval.");
        }
        return new CorrelationResult(method, n, r, ci, t, df, p, warnings.AsReadOnly());
    }
}
