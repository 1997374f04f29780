using System.Globalization;

namespace IronNotebooks.Statistics.Internal;

/// <summary>
/// Input checks shared by the statistics: copies caller data into arrays (so later changes by the caller cannot alter a
/// result) and rejects NaN and infinities with the index of the first offender, because a silently dropped NaN
/// changes n and every interval with it.
/// </summary>
internal static class Samples
{
    /// <summary>Copies <paramref name="values"/>, rejecting null, NaN and ±∞.</summary>
    public static double[] Finite(IReadOnlyList<double> values, string name)
    {
        Guard.NotNull(values, name);
        var copy = new double[values.Count];
        if (values is double[] array) array.CopyTo(copy, 0);
        else for (int i = 0; i < copy.Length; i++) copy[i] = values[i];
        for (int i = 0; i < copy.Length; i++)
            if (!double.IsFinite(copy[i]))
                throw new ArgumentException(
                    $"{name}[{i}] is {copy[i].ToString(CultureInfo.InvariantCulture)}; statistics need finite values. Remove or impute missing values first and report how many.",
                    name);
        return copy;
    }

    /// <summary>Copies <paramref name="values"/>, rejecting null and values that are not strictly positive.</summary>
    public static double[] Positive(IReadOnlyList<double> values, string name, string why)
    {
        var copy = Finite(values, name);
        for (int i = 0; i < copy.Length; i++)
            if (copy[i] <= 0)
                throw new ArgumentException($"{name}[{i}] is {copy[i].ToString(CultureInfo.InvariantCulture)}; {why} needs values above 0.", name);
        return copy;
    }

    /// <summary>Copies a list of booleans, rejecting null.</summary>
    public static bool[] Flags(IReadOnlyList<bool> values, string name)
    {
        Guard.NotNull(values, name);
        var copy = new bool[values.Count];
        if (values is bool[] array) array.CopyTo(copy, 0);
        else for (int i = 0; i < copy.Length; i++) copy[i] = values[i];
        return copy;
    }

    /// <summary>Rejects a confidence level outside [0.5, 0.9999999].</summary>
    public static double Level(double level, string name = "confidenceLevel") => Guard.InRange(level, 0.5, 0.9999999, name);

    /// <summary>Throws when fewer than <paramref name="minimum"/> pairs are given.</summary>
    public static void AtLeast(int n, int minimum, string method, string what = "observations")
    {
        if (n < minimum) throw new InsufficientDataException(method, $"{n} {what} given; at least {minimum} are needed.");
    }

    /// <summary>The arithmetic mean, computed in two passes for accuracy.</summary>
    public static double Mean(double[] x)
    {
        double s = 0;
        foreach (var v in x) s += v;
        double m = s / x.Length;
        double c = 0;
        foreach (var v in x) c += v - m;
        return m + c / x.Length;
    }

    /// <summary>Sum of squared deviations from <paramref name="mean"/>.</summary>
    public static double SumSquares(double[] x, double mean)
    {
        double s = 0;
        foreach (var v in x) s += (v - mean) * (v - mean);
        return s;
    }

    /// <summary>The median (mean of the two middle values for an even count) of a copy of <paramref name="x"/>.</summary>
    public static double Median(double[] x)
    {
        var s = (double[])x.Clone();
        Array.Sort(s);
        int n = s.Length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /// <summary>Hyndman–Fan type 7 quantile of sorted data (R's default, which pROC uses for bootstrap limits).</summary>
    public static double QuantileType7(double[] sorted, double p)
    {
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Average ranks (1-based; ties share the mean of the ranks they span).</summary>
    public static double[] MidRanks(double[] x)
    {
        int n = x.Length;
        var keys = (double[])x.Clone();
        var index = new int[n];
        for (int i = 0; i < n; i++) index[i] = i;
        Array.Sort(keys, index);
        var ranks = new double[n];
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j + 1 < n && keys[j + 1] == keys[i]) j++;
            double r = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) ranks[index[k]] = r;
            i = j + 1;
        }
        return ranks;
    }
}
