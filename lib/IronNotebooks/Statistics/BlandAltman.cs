using IronNotebooks.Statistics.Internal;

namespace IronNotebooks.Statistics;

/// <summary>
/// Bland–Altman limits of agreement between two measurement methods a and b on the same subjects.
/// <para>Differences dᵢ = b − a on the chosen scale (<see cref="BlandAltmanScales"/>); bias d̄; s = SD(d) with n − 1;
/// limits d̄ ± z·s (z = 1.96). Bias interval d̄ ± t(n − 1)·s/√n; limit intervals ± t(n − 1)·SE with SE from
/// <see cref="LimitsOfAgreementCiMethod"/>. Bland &amp; Altman (1986), Lancet i:307, doi:10.1016/S0140-6736(86)90837-8;
/// (1999), Stat Methods Med Res 8:135, doi:10.1177/096228029900800204.</para>
/// <para>Proportional bias: OLS of d on the pair mean; a warning is added when its slope differs from 0 at p &lt; 0.05.</para>
/// <para>Input: a and b pair up one to one, finite, n ≥ 3 (two pairs give no usable SD interval); the percent and
/// log-ratio scales need values above 0. Violations throw <see cref="ArgumentException"/> (naming the index) or
/// <see cref="InsufficientDataException"/>.</para>
/// </summary>
public static class BlandAltman
{
    /// <summary>Plain differences b − a, 95 % intervals.</summary>
    /// <exception cref="ArgumentException">Null, mismatched or non-finite input.</exception>
    /// <exception cref="InsufficientDataException">Fewer than 3 pairs.</exception>
    public static BlandAltmanResult Compute(IReadOnlyList<double> a, IReadOnlyList<double> b) => Compute(a, b, BlandAltmanOptions.Default);

    /// <summary>Bland–Altman with explicit options.</summary>
    /// <exception cref="ArgumentException">Null, mismatched or non-finite input, values ≤ 0 on a scale that needs
    /// positive values, or options out of range.</exception>
    /// <exception cref="InsufficientDataException">Fewer than 3 pairs.</exception>
    public static BlandAltmanResult Compute(IReadOnlyList<double> a, IReadOnlyList<double> b, BlandAltmanOptions options)
    {
        Guard.NotNull(options);
        var scale = Guard.NotNull(options.Scale, nameof(options.Scale));
        var x = scale.RequiresPositive ? Samples.Positive(a, nameof(a), $"the {scale.Name} scale") : Samples.Finite(a, nameof(a));
        var y = scale.RequiresPositive ? Samples.Positive(b, nameof(b), $"the {scale.Name} scale") : Samples.Finite(b, nameof(b));
        Guard.SameLength(x.Length, y.Length, nameof(a), nameof(b));
        double level = Samples.Level(options.ConfidenceLevel, nameof(options.ConfidenceLevel));
        double z = Guard.Positive(options.LimitMultiplier, nameof(options.LimitMultiplier));
        if (!Enum.IsDefined(options.LimitCiMethod)) throw new ArgumentOutOfRangeException(nameof(options), options.LimitCiMethod, "Unknown limits-of-agreement interval method.");
        int n = x.Length;
        Samples.AtLeast(n, 3, "Bland–Altman", "pairs");

        var d = new double[n];
        var mean = new double[n];
        for (int i = 0; i < n; i++)
        {
            d[i] = scale.Difference(x[i], y[i]);
            mean[i] = (x[i] + y[i]) / 2;
        }
        double bias = Samples.Mean(d);
        double s = Math.Sqrt(Samples.SumSquares(d, bias) / (n - 1));
        double t = Distributions.StudentTCritical(n - 1, level);
        double seBias = s / Math.Sqrt(n);
        double seLimit = options.LimitCiMethod == LimitsOfAgreementCiMethod.BlandAltman1999
            ? s * Math.Sqrt(1.0 / n + z * z / (2.0 * (n - 1)))
            : Math.Sqrt(3 * s * s / n);
        string limitMethod = options.LimitCiMethod == LimitsOfAgreementCiMethod.BlandAltman1999
            ? "t(n − 1), SE = s·√(1/n + z²/(2(n − 1))) (Bland & Altman 1999)"
            : "t(n − 1), SE = √(3s²/n) (Bland & Altman 1986)";
        double lo = bias - z * s, hi = bias + z * s;
        var biasCi = new ConfidenceInterval(bias - t * seBias, bias + t * seBias, level, "t(n − 1), SE = s/√n");
        var loCi = new ConfidenceInterval(lo - t * seLimit, lo + t * seLimit, level, limitMethod);
        var hiCi = new ConfidenceInterval(hi - t * seLimit, hi + t * seLimit, level, limitMethod);

        var warnings = new List<string>();
        if (s == 0) warnings.Add("All differences are equal: the spread is 0 and the limits coincide with the bias.");
        RegressionLine trend;
        try
        {
            trend = LeastSquares.Fit(mean, d, level, "OLS of differences on pair means (proportional bias)");
            if (trend.SlopeP is < 0.05)
                warnings.Add(FormattableString.Invariant(
                    $"Proportional bias: the differences change with magnitude (slope {trend.Slope:G4} per unit of the mean, p = {trend.SlopeP:G3}); constant limits misdescribe agreement; consider the log-ratio scale."));
        }
        catch (InsufficientDataException)
        {
            // All pair means equal: no trend can be estimated; report a flat line with zero-width intervals and say so.
            trend = new RegressionLine("OLS of differences on pair means (proportional bias)", n, 0, bias,
                new ConfidenceInterval(0, 0, level, "undefined"), new ConfidenceInterval(bias, bias, level, "undefined"), null, null, null, null, null,
                ["All pair means are equal: proportional bias cannot be assessed."]);
            warnings.Add("All pair means are equal: proportional bias cannot be assessed.");
        }

        BlandAltmanRatios? ratios = null;
        if (scale.BackTransform is { } back)
        {
            ConfidenceInterval Back(ConfidenceInterval ci) => ci with { Lower = back(ci.Lower), Upper = back(ci.Upper), Method = ci.Method + ", back-transformed" };
            ratios = new BlandAltmanRatios(back(bias), Back(biasCi), back(lo), Back(loCi), back(hi), Back(hiCi));
        }
        return new BlandAltmanResult(scale.Name, n, bias, biasCi, s, lo, loCi, hi, hiCi, z, level, options.LimitCiMethod, trend, ratios,
            Array.AsReadOnly(d), Array.AsReadOnly(mean), warnings.AsReadOnly());
    }
}
