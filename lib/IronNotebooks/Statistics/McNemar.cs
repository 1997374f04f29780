using IronNotebooks.Statistics.Internal;

namespace IronNotebooks.Statistics;

/// <summary>
/// Paired classification tests. McNemar (1947), Psychometrika 12:153, doi:10.1007/BF02295996: equal marginal
/// positive rates of two tests on the same subjects, from the discordant pairs b and c; chi-square with and without
/// Edwards' (1948) continuity correction (R's <c>mcnemar.test</c>) and the exact conditional binomial test (R's
/// <c>binom.test(b, b + c)</c>), which is preferable when b + c is small (&lt; 25). Bowker (1948), JASA 43:572,
/// doi:10.1080/01621459.1948.10483284, generalises it to k × k symmetry.
/// </summary>
public static class McNemar
{
    /// <summary>McNemar's test of two paired binary classifications (true = positive).</summary>
    /// <exception cref="ArgumentException">Null or mismatched input.</exception>
    public static McNemarResult Test(IReadOnlyList<bool> first, IReadOnlyList<bool> second)
    {
        var a = Samples.Flags(first, nameof(first));
        var b = Samples.Flags(second, nameof(second));
        Guard.SameLength(a.Length, b.Length, nameof(first), nameof(second));
        int both = 0, firstOnly = 0, secondOnly = 0, neither = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] && b[i]) both++;
            else if (a[i]) firstOnly++;
            else if (b[i]) secondOnly++;
            else neither++;
        }
        return FromCounts(both, firstOnly, secondOnly, neither);
    }

    /// <summary>McNemar's test from the four cells of the paired table.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count.</exception>
    public static McNemarResult FromCounts(int bothPositive, int firstOnly, int secondOnly, int bothNegative)
    {
        Guard.InRange(bothPositive, 0, int.MaxValue, nameof(bothPositive));
        Guard.InRange(firstOnly, 0, int.MaxValue, nameof(firstOnly));
        Guard.InRange(secondOnly, 0, int.MaxValue, nameof(secondOnly));
        Guard.InRange(bothNegative, 0, int.MaxValue, nameof(bothNegative));
        int b = firstOnly, c = secondOnly, m = b + c;
        var warnings = new List<string>();
        if (m == 0)
        {
            warnings.Add("No discordant pairs: the chi-square statistic is undefined (0/0); the exact p-value is 1.");
            return new McNemarResult(bothPositive, b, c, bothNegative, null, null, null, null, 1, warnings.AsReadOnly());
        }
        if (m < 25) warnings.Add($"Only {m} discordant pairs: prefer the exact p-value to the chi-square approximation.");
        double chi = (double)(b - c) * (b - c) / m;
        double corr = b == c ? 0 : (Math.Abs(b - c) - 1.0) * (Math.Abs(b - c) - 1.0) / m;
        double exact = Math.Min(1, 2 * Distributions.BinomialHalfCdf(Math.Min(b, c), m));
        return new McNemarResult(bothPositive, b, c, bothNegative, chi, Distributions.ChiSquaredUpperTail(chi, 1), corr,
            Distributions.ChiSquaredUpperTail(corr, 1), exact, warnings.AsReadOnly());
    }

    /// <summary>Bowker's symmetry test of a k × k table; pairs of cells both empty are left out of the sum and the df.</summary>
    /// <exception cref="ArgumentNullException">Null table.</exception>
    public static BowkerResult Bowker(ConfusionMatrix table)
    {
        Guard.NotNull(table);
        int k = table.CategoryCount, df = 0, skipped = 0;
        double chi = 0;
        for (int i = 0; i < k; i++)
        for (int j = i + 1; j < k; j++)
        {
            int s = table[i, j] + table[j, i];
            if (s == 0) { skipped++; continue; }
            double d = table[i, j] - table[j, i];
            chi += d * d / s;
            df++;
        }
        var warnings = new List<string>();
        if (skipped > 0) warnings.Add($"{skipped} off-diagonal pair(s) had no counts and were left out (df reduced; R's mcnemar.test returns NaN here).");
        return new BowkerResult(chi, df, df == 0 ? 1 : Distributions.ChiSquaredUpperTail(chi, df), skipped, warnings.AsReadOnly());
    }
}
