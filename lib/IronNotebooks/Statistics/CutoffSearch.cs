namespace IronNotebooks.Statistics;

/// <summary>
/// Cut-off search on an empirical ROC curve.
/// <list type="bullet">
/// <item>Youden: the threshold maximising J = Se + Sp − 1 (Youden 1950), compared exactly as TP·n₀ + TN·n₁ in integers so
/// equal rationals tie exactly; among ties the most sensitive threshold is reported and the tie count kept (pROC's
/// <c>coords(…, "best")</c> returns every tied row).</item>
/// <item>Rule-in: the most sensitive threshold with PPV = 100 % in the sample (no control called positive); rule-out: the
/// most specific threshold with NPV = 100 % (no case called negative). These are the paired thresholds of the
/// iron-overload validation papers: above the first, disease is present in every sampled patient; below the second,
/// absent in every one.</item>
/// <item>Band: the subjects between the two (<see cref="UncertainBand"/>).</item>
/// </list>
/// All cut-offs are chosen on the data they are evaluated on, so their sensitivity, specificity and 100 % predictive
/// values are optimistic (a 100 % PPV from 30 controls has a Clopper–Pearson lower limit near 88 %); the report says so.
/// Thresholds are pROC midpoints; when a paper states "≥ the lowest positive value" instead, the classification is the
/// same and only the printed number differs.
/// </summary>
public static class CutoffSearch
{
    /// <summary>Youden, rule-in, rule-out and the uncertain band of <paramref name="roc"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="roc"/> is null.</exception>
    public static CutoffReport Find(RocCurve roc)
    {
        Guard.NotNull(roc);
        int n1 = roc.PositiveCount, n0 = roc.NegativeCount, m = roc.PointCount;
        var tp = roc.TruePositives;
        var fp = roc.FalsePositives;
        var warnings = new List<string> { "Cut-offs were chosen on the data they are evaluated on: their accuracy is optimistic until validated on independent data." };

        // Youden: points run from everyone positive (TP decreasing), so the first maximum is the most sensitive.
        long best = long.MinValue;
        int youden = 0, ties = 0;
        for (int k = 0; k < m; k++)
        {
            long score = (long)tp[k] * n0 + (long)(n0 - fp[k]) * n1;
            if (score > best) { best = score; youden = k; ties = 1; }
            else if (score == best) ties++;
        }
        if (ties > 1) warnings.Add($"{ties} thresholds share the maximum Youden index; the most sensitive is reported.");

        // Rule-in: the first point (most sensitive) with no false positive; rule-out: the last point with no false negative.
        int ruleIn = -1, ruleOut = -1;
        for (int k = 0; k < m; k++) if (fp[k] == 0) { ruleIn = k; break; }
        if (ruleIn >= 0 && tp[ruleIn] == 0)
        {
            ruleIn = -1;
            warnings.Add("No threshold reaches PPV = 100 % with a true positive: the highest-scoring subject is a control.");
        }
        for (int k = m - 1; k >= 0; k--) if (tp[k] == n1) { ruleOut = k; break; }
        if (ruleOut >= 0 && fp[ruleOut] == n0)
        {
            ruleOut = -1;
            warnings.Add("No threshold reaches NPV = 100 % with a true negative: the lowest-scoring subject is a case.");
        }

        UncertainBand? band = null;
        if (ruleIn >= 0 && ruleOut >= 0)
        {
            int cases = tp[ruleOut] - tp[ruleIn], controls = fp[ruleOut] - fp[ruleIn];
            band = new UncertainBand(roc.Thresholds[ruleOut], roc.Thresholds[ruleIn], cases + controls, cases, controls, (double)(cases + controls) / (n1 + n0));
        }
        return new CutoffReport(roc.Direction, roc.PointAt(youden), ties, ruleIn >= 0 ? roc.PointAt(ruleIn) : null,
            ruleOut >= 0 ? roc.PointAt(ruleOut) : null, band, warnings.AsReadOnly());
    }
}
