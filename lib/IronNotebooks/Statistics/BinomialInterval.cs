using IronNotebooks.Statistics.Internal;

namespace IronNotebooks.Statistics;

/// <summary>
/// Confidence intervals for a binomial proportion x / n.
/// <list type="bullet">
/// <item><see cref="ClopperPearson"/>: the "exact" interval, inverting two one-sided binomial tests; guaranteed
/// coverage ≥ the level, conservative. Clopper &amp; Pearson (1934), Biometrika 26:404, doi:10.1093/biomet/26.4.404.
/// Lower = B⁻¹(α/2; x, n − x + 1) (0 when x = 0), upper = B⁻¹(1 − α/2; x + 1, n − x) (1 when x = n). Matches R's
/// <c>binom.test</c>.</item>
/// <item><see cref="Wilson"/>: the score interval, inverting the score test; coverage close to nominal, well-behaved
/// at 0 and n. Wilson (1927), JASA 22:209, doi:10.1080/01621459.1927.10502953; recommended by Newcombe (1998), Stat
/// Med 17:857, doi:10.1002/(SICI)1097-0258(19980430)17:8&lt;857::AID-SIM777&gt;3.0.CO;2-E. Matches R's
/// <c>prop.test(correct = FALSE)</c>.</item>
/// </list>
/// </summary>
public static class BinomialInterval
{
    /// <summary>Clopper–Pearson exact interval.</summary>
    /// <param name="successes">x, 0 ≤ x ≤ n.</param>
    /// <param name="trials">n ≥ 1.</param>
    /// <param name="confidenceLevel">Two-sided level in [0.5, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1, x outside [0, n], or the level out of range.</exception>
    public static ConfidenceInterval ClopperPearson(int successes, int trials, double confidenceLevel = 0.95)
    {
        Check(successes, trials, confidenceLevel);
        double alpha = 1 - confidenceLevel;
        double lower = successes == 0 ? 0 : Distributions.BetaQuantile(successes, trials - successes + 1, alpha / 2);
        double upper = successes == trials ? 1 : Distributions.BetaQuantile(successes + 1, trials - successes, 1 - alpha / 2);
        return new ConfidenceInterval(lower, upper, confidenceLevel, "Clopper–Pearson exact (1934)");
    }

    /// <summary>Wilson score interval (no continuity correction).</summary>
    /// <param name="successes">x, 0 ≤ x ≤ n.</param>
    /// <param name="trials">n ≥ 1.</param>
    /// <param name="confidenceLevel">Two-sided level in [0.5, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1, x outside [0, n], or the level out of range.</exception>
    public static ConfidenceInterval Wilson(int successes, int trials, double confidenceLevel = 0.95)
    {
        Check(successes, trials, confidenceLevel);
        double z = Distributions.NormalCritical(confidenceLevel);
        double n = trials, p = successes / n;
        double z22n = z * z / (2 * n);
        double half = z * Math.Sqrt(p * (1 - p) / n + z22n / (2 * n));
        // The closed form is exactly 0 at x = 0 and 1 at x = n; the explicit ends avoid a rounding residue there.
        double lower = successes == 0 ? 0 : (p + z22n - half) / (1 + 2 * z22n);
        double upper = successes == trials ? 1 : (p + z22n + half) / (1 + 2 * z22n);
        return new ConfidenceInterval(Math.Max(0, lower), Math.Min(1, upper), confidenceLevel, "Wilson score (1927)");
    }

    private static void Check(int successes, int trials, double level)
    {
        Guard.InRange(trials, 1, int.MaxValue, nameof(trials));
        Guard.InRange(successes, 0, trials, nameof(successes));
        Samples.Level(level);
    }
}
