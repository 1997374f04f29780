using IronNotebooks.Statistics.Internal;

namespace IronNotebooks.Statistics;

/// <summary>
/// Cohen's kappa for two raters, unweighted (Cohen 1960, Educ Psychol Meas 20:37, doi:10.1177/001316446002000104) or
/// weighted (Cohen 1968, Psychol Bull 70:213, doi:10.1037/h0026256) with weights from <see cref="KappaWeightings"/>.
/// <para>κ = (p_o − p_e)/(1 − p_e), p_o = Σ wᵢⱼpᵢⱼ, p_e = Σ wᵢⱼpᵢ.p.ⱼ. Standard errors of Fleiss, Cohen &amp; Everitt
/// (1969), Psychol Bull 72:323, doi:10.1037/h0028106, with w̄ᵢ. = Σⱼ p.ⱼwᵢⱼ and w̄.ⱼ = Σᵢ pᵢ.wᵢⱼ:
/// Var(κ) = [Σ pᵢⱼ(wᵢⱼ(1 − p_e) − (w̄ᵢ. + w̄.ⱼ)(1 − p_o))² − (p_op_e − 2p_e + p_o)²] / (n(1 − p_e)⁴) for the
/// interval (vcd's ASE), and Var₀(κ) = [Σ pᵢ.p.ⱼ(wᵢⱼ − (w̄ᵢ. + w̄.ⱼ))² − p_e²] / (n(1 − p_e)²) for the test of κ = 0.</para>
/// <para>Categories: every label either rater used (or the levels given), in order; for weighted kappa the order is the
/// ordinal scale, so give it when labels are text. All ratings in a single shared category make p_e = 1 and kappa
/// undefined: <see cref="InsufficientDataException"/>.</para>
/// </summary>
public static class CohenKappa
{
    /// <summary>Kappa of two raters' labels with the given weighting (default unweighted) and a 95 % interval.</summary>
    /// <param name="first">First rater's classification of each subject.</param>
    /// <param name="second">Second rater's classification of each subject.</param>
    /// <param name="weighting">Null for unweighted.</param>
    /// <param name="levels">Category order; null sorts the labels (numerically for numbers).</param>
    /// <exception cref="ArgumentException">Null or mismatched input, or a label missing from <paramref name="levels"/>.</exception>
    /// <exception cref="InsufficientDataException">No subjects, or p_e = 1.</exception>
    public static KappaResult Compute<T>(IReadOnlyList<T> first, IReadOnlyList<T> second, KappaWeighting? weighting = null, IReadOnlyList<T>? levels = null) where T : notnull =>
        Compute(ConfusionMatrix.FromPairs(first, second, levels), KappaOptions.Default with { Weighting = weighting ?? KappaWeightings.None });

    /// <summary>Kappa of a k × k table with explicit options.</summary>
    /// <exception cref="ArgumentException">Null table or options, or a level out of range.</exception>
    /// <exception cref="InsufficientDataException">No subjects, or p_e = 1.</exception>
    public static KappaResult Compute(ConfusionMatrix table, KappaOptions options)
    {
        Guard.NotNull(table);
        Guard.NotNull(options);
        var weighting = Guard.NotNull(options.Weighting, nameof(options.Weighting));
        double level = Samples.Level(options.ConfidenceLevel, nameof(options.ConfidenceLevel));
        int k = table.CategoryCount, n = table.N;
        if (n == 0) throw new InsufficientDataException("Cohen's kappa", "no rated subjects.");
        if (k < 2) throw new InsufficientDataException("Cohen's kappa", "both raters used a single category; kappa is undefined.");

        var p = new double[k, k];
        var row = new double[k];
        var col = new double[k];
        var w = new double[k, k];
        for (int i = 0; i < k; i++)
        for (int j = 0; j < k; j++)
        {
            p[i, j] = (double)table[i, j] / n;
            row[i] += p[i, j];
            col[j] += p[i, j];
            w[i, j] = weighting.Weight(i, j, k);
        }
        double po = 0, pe = 0;
        var wRow = new double[k];
        var wCol = new double[k];
        for (int i = 0; i < k; i++)
        for (int j = 0; j < k; j++)
        {
            po += w[i, j] * p[i, j];
            pe += w[i, j] * row[i] * col[j];
            wRow[i] += col[j] * w[i, j];
            wCol[j] += row[i] * w[i, j];
        }
        if (1 - pe <= 1e-15)
            throw new InsufficientDataException("Cohen's kappa", "the expected agreement is 1 (both raters put everyone in one category); kappa is undefined.");
        double kappa = (po - pe) / (1 - pe);

        double s = 0, s0 = 0;
        for (int i = 0; i < k; i++)
        for (int j = 0; j < k; j++)
        {
            double a = w[i, j] * (1 - pe) - (wRow[i] + wCol[j]) * (1 - po);
            s += p[i, j] * a * a;
            double b = w[i, j] - (wRow[i] + wCol[j]);
            s0 += row[i] * col[j] * b * b;
        }
        double c = po * pe - 2 * pe + po;
        double variance = (s - c * c) / (n * Math.Pow(1 - pe, 4));
        double variance0 = (s0 - pe * pe) / (n * (1 - pe) * (1 - pe));
        var warnings = new List<string>();
        if (variance < 0)
        {
            warnings.Add("The large-sample variance came out negative (rounding at perfect agreement) and was set to 0.");
            variance = 0;
        }
        if (variance0 < 0) variance0 = 0;
        if (weighting != KappaWeightings.None && !table.LabelsGiven && table.Labels.Any(l => !double.TryParse(l, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)))
            warnings.Add($"Weighted kappa on text labels sorted alphabetically ({string.Join(" < ", table.Labels)}); give the ordinal order explicitly.");
        double se = Math.Sqrt(variance), se0 = Math.Sqrt(variance0), zc = Distributions.NormalCritical(level);
        var ci = new ConfidenceInterval(Math.Max(-1, kappa - zc * se), Math.Min(1, kappa + zc * se), level, "normal, Fleiss–Cohen–Everitt (1969) SE, clipped to [−1, 1]");
        double z = se0 > 0 ? kappa / se0 : kappa == 0 ? 0 : kappa > 0 ? double.PositiveInfinity : double.NegativeInfinity;
        return new KappaResult(weighting.Name, n, kappa, se, ci, se0, z, Distributions.NormalTwoSidedP(z), po, pe, level, table, warnings.AsReadOnly());
    }
}
