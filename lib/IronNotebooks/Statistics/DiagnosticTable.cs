using IronNotebooks.Statistics.Internal;

namespace IronNotebooks.Statistics;

/// <summary>
/// A 2×2 diagnostic accuracy table against a reference standard, with every proportion's Clopper–Pearson and Wilson
/// intervals (<see cref="BinomialInterval"/>), likelihood ratios with log-method intervals (Simel, Samsa &amp; Matchar
/// 1991, J Clin Epidemiol 44:763, doi:10.1016/0895-4356(91)90128-V) and Youden's J with MOVER intervals
/// (<see cref="YoudenEstimate"/>). Sensitivity = TP/(TP + FN), specificity = TN/(TN + FP), PPV = TP/(TP + FP),
/// NPV = TN/(TN + FN), accuracy = (TP + TN)/N, LR+ = Se/(1 − Sp), LR− = (1 − Se)/Sp. PPV and NPV are the sample's
/// own (at the sample prevalence); <see cref="AtPrevalence"/> gives them at another.
/// </summary>
/// <param name="TruePositives">Reference positive, test positive.</param>
/// <param name="FalsePositives">Reference negative, test positive.</param>
/// <param name="FalseNegatives">Reference positive, test negative.</param>
/// <param name="TrueNegatives">Reference negative, test negative.</param>
/// <param name="ConfidenceLevel">Level of every interval.</param>
/// <param name="Sensitivity">TP / (TP + FN).</param>
/// <param name="Specificity">TN / (TN + FP).</param>
/// <param name="Ppv">TP / (TP + FP), or null when the test called no one positive.</param>
/// <param name="Npv">TN / (TN + FN), or null when the test called no one negative.</param>
/// <param name="Accuracy">(TP + TN) / N.</param>
/// <param name="PositiveLikelihoodRatio">Se / (1 − Sp).</param>
/// <param name="NegativeLikelihoodRatio">(1 − Se) / Sp.</param>
/// <param name="Youden">Se + Sp − 1.</param>
/// <param name="Warnings">What could not be computed and why.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record DiagnosticTable(
    int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives, double ConfidenceLevel,
    ProportionEstimate Sensitivity, ProportionEstimate Specificity, ProportionEstimate? Ppv, ProportionEstimate? Npv,
    ProportionEstimate Accuracy, RatioEstimate PositiveLikelihoodRatio, RatioEstimate NegativeLikelihoodRatio,
    YoudenEstimate Youden, IReadOnlyList<string> Warnings)
{
    /// <summary>Total count N.</summary>
    public int N => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    /// <summary>Reference positives TP + FN.</summary>
    public int PositiveCount => TruePositives + FalseNegatives;

    /// <summary>Reference negatives FP + TN.</summary>
    public int NegativeCount => FalsePositives + TrueNegatives;

    /// <summary>Sample prevalence (TP + FN) / N.</summary>
    public double Prevalence => (double)PositiveCount / N;

    /// <summary>Builds the table from the four counts.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count, or the level outside [0.5, 1).</exception>
    /// <exception cref="InsufficientDataException">No reference positives or no reference negatives.</exception>
    public static DiagnosticTable FromCounts(int truePositives, int falsePositives, int falseNegatives, int trueNegatives, double confidenceLevel = 0.95)
    {
        Guard.InRange(truePositives, 0, int.MaxValue, nameof(truePositives));
        Guard.InRange(falsePositives, 0, int.MaxValue, nameof(falsePositives));
        Guard.InRange(falseNegatives, 0, int.MaxValue, nameof(falseNegatives));
        Guard.InRange(trueNegatives, 0, int.MaxValue, nameof(trueNegatives));
        Samples.Level(confidenceLevel);
        int n1 = truePositives + falseNegatives, n0 = falsePositives + trueNegatives;
        if (n1 == 0) throw new InsufficientDataException("Diagnostic table", "the reference standard has no positives, so sensitivity is undefined.");
        if (n0 == 0) throw new InsufficientDataException("Diagnostic table", "the reference standard has no negatives, so specificity is undefined.");

        var warnings = new List<string>();
        var se = ProportionEstimate.From(truePositives, n1, confidenceLevel);
        var sp = ProportionEstimate.From(trueNegatives, n0, confidenceLevel);
        var ppv = ProportionEstimate.OrNull(truePositives, truePositives + falsePositives, confidenceLevel);
        if (ppv is null) warnings.Add("PPV undefined: the test called no one positive.");
        var npv = ProportionEstimate.OrNull(trueNegatives, trueNegatives + falseNegatives, confidenceLevel);
        if (npv is null) warnings.Add("NPV undefined: the test called no one negative.");
        var accuracy = ProportionEstimate.From(truePositives + trueNegatives, n1 + n0, confidenceLevel);
        double z = Distributions.NormalCritical(confidenceLevel);
        var lrPos = LikelihoodRatio("LR+", se.Value, 1 - sp.Value, truePositives, n1, falsePositives, n0, z, confidenceLevel);
        var lrNeg = LikelihoodRatio("LR−", 1 - se.Value, sp.Value, falseNegatives, n1, trueNegatives, n0, z, confidenceLevel);
        if (lrPos.Note is not null) warnings.Add(lrPos.Note);
        if (lrNeg.Note is not null) warnings.Add(lrNeg.Note);
        return new DiagnosticTable(truePositives, falsePositives, falseNegatives, trueNegatives, confidenceLevel, se, sp, ppv, npv,
            accuracy, lrPos, lrNeg, YoudenEstimate.From(se, sp), warnings);
    }

    /// <summary>Builds the table from paired reference and test classifications (true = positive).</summary>
    /// <exception cref="ArgumentException">Null lists or lists of different lengths.</exception>
    /// <exception cref="InsufficientDataException">No reference positives or no reference negatives.</exception>
    public static DiagnosticTable FromClassifications(IReadOnlyList<bool> truth, IReadOnlyList<bool> predicted, double confidenceLevel = 0.95)
    {
        var t = Samples.Flags(truth, nameof(truth));
        var p = Samples.Flags(predicted, nameof(predicted));
        Guard.SameLength(t.Length, p.Length, nameof(truth), nameof(predicted));
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i]) { if (p[i]) tp++; else fn++; }
            else if (p[i]) fp++;
            else tn++;
        }
        return FromCounts(tp, fp, fn, tn, confidenceLevel);
    }

    /// <summary>PPV and NPV at another prevalence, with Mercaldo's logit intervals (see <see cref="PredictiveValues"/>).</summary>
    /// <param name="prevalence">π, strictly between 0 and 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">π outside (0, 1).</exception>
    public PredictiveValues AtPrevalence(double prevalence)
    {
        Guard.InRange(prevalence, 1e-12, 1 - 1e-12, nameof(prevalence));
        double se = Sensitivity.Value, sp = Specificity.Value, pi = prevalence;
        int n1 = PositiveCount, n0 = NegativeCount;
        var warnings = new List<string>();
        double z = Distributions.NormalCritical(ConfidenceLevel);
        double ppvDen = se * pi + (1 - sp) * (1 - pi), npvDen = sp * (1 - pi) + (1 - se) * pi;
        double? ppv = ppvDen > 0 ? se * pi / ppvDen : null;
        double? npv = npvDen > 0 ? sp * (1 - pi) / npvDen : null;
        if (ppv is null) warnings.Add("PPV undefined: sensitivity is 0 and specificity is 1.");
        if (npv is null) warnings.Add("NPV undefined: sensitivity is 1 and specificity is 0.");
        ConfidenceInterval? ppvCi = null, npvCi = null;
        const string method = "logit (Mercaldo, Lau & Zhou 2007)";
        if (se > 0 && se < 1 && sp > 0 && sp < 1)
        {
            double lp = Math.Log(pi * se / ((1 - pi) * (1 - sp))), vp = (1 - se) / (n1 * se) + sp / (n0 * (1 - sp));
            ppvCi = new ConfidenceInterval(Logistic(lp - z * Math.Sqrt(vp)), Logistic(lp + z * Math.Sqrt(vp)), ConfidenceLevel, method);
            double ln = Math.Log((1 - pi) * sp / (pi * (1 - se))), vn = (1 - sp) / (n0 * sp) + se / (n1 * (1 - se));
            npvCi = new ConfidenceInterval(Logistic(ln - z * Math.Sqrt(vn)), Logistic(ln + z * Math.Sqrt(vn)), ConfidenceLevel, method);
        }
        else
        {
            warnings.Add("No logit interval: sensitivity or specificity is 0 or 1 (a zero cell), where the logit variance is infinite.");
        }
        return new PredictiveValues(prevalence, ppv, ppvCi, npv, npvCi, warnings);
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static RatioEstimate LikelihoodRatio(string name, double num, double den, int a, int n1, int b, int n0, double z, double level)
    {
        if (den == 0)
            return num == 0
                ? new RatioEstimate(double.NaN, null, $"{name} undefined (0/0): both of its proportions are 0.")
                : new RatioEstimate(double.PositiveInfinity, null, $"{name} is infinite: its denominator proportion is 0; no log-method interval.");
        double value = num / den;
        if (a == 0) return new RatioEstimate(value, null, $"{name} is 0: no log-method interval (a zero cell).");
        double s = Math.Sqrt(1.0 / a - 1.0 / n1 + 1.0 / b - 1.0 / n0);
        return new RatioEstimate(value, new ConfidenceInterval(value * Math.Exp(-z * s), value * Math.Exp(z * s), level, "log method (Simel, Samsa & Matchar 1991)"), null);
    }
}
