namespace IronNotebooks.Statistics.Internal;

/// <summary>
/// Scores of cases and controls merged into distinct values (ascending, on the oriented scale where higher means
/// positive), with the count of cases and controls at each value. Everything the empirical ROC needs is a prefix sum
/// over these groups, which makes the curve, the AUC and DeLong's variance O(n log n) (the sort) with ties exact.
/// </summary>
internal sealed class GroupedScores
{
    private GroupedScores(double[] values, int[] casesAt, int[] controlsAt, int[] caseGroup, int[] controlGroup)
    {
        Values = values;
        CasesAt = casesAt;
        ControlsAt = controlsAt;
        CaseGroup = caseGroup;
        ControlGroup = controlGroup;
        Cases = caseGroup.Length;
        Controls = controlGroup.Length;
    }

    /// <summary>Distinct oriented values, ascending.</summary>
    public double[] Values { get; }
    /// <summary>Cases at each distinct value.</summary>
    public int[] CasesAt { get; }
    /// <summary>Controls at each distinct value.</summary>
    public int[] ControlsAt { get; }
    /// <summary>The group of each case in ascending order (for resampling).</summary>
    public int[] CaseGroup { get; }
    /// <summary>The group of each control in ascending order (for resampling).</summary>
    public int[] ControlGroup { get; }
    /// <summary>n₁.</summary>
    public int Cases { get; }
    /// <summary>n₀.</summary>
    public int Controls { get; }

    /// <summary>Groups oriented scores; <paramref name="truth"/> true marks a case.</summary>
    public static GroupedScores Build(double[] oriented, bool[] truth)
    {
        int n1 = 0;
        foreach (var t in truth) if (t) n1++;
        var cases = new double[n1];
        var controls = new double[oriented.Length - n1];
        for (int i = 0, a = 0, b = 0; i < oriented.Length; i++)
        {
            if (truth[i]) cases[a++] = oriented[i];
            else controls[b++] = oriented[i];
        }
        // Two plain sorts and a merge: cheaper than sorting (value, label) pairs.
        Array.Sort(cases);
        Array.Sort(controls);
        // Sized for the worst case (all scores distinct) and trimmed once: no list growth on a million scores.
        var values = new double[oriented.Length];
        var casesAt = new int[oriented.Length];
        var controlsAt = new int[oriented.Length];
        int m = 0;
        var caseGroup = new int[cases.Length];
        var controlGroup = new int[controls.Length];
        int ic = 0, jc = 0;
        while (ic < cases.Length || jc < controls.Length)
        {
            double v = ic < cases.Length && (jc >= controls.Length || cases[ic] <= controls[jc]) ? cases[ic] : controls[jc];
            int g = m, c = 0, d = 0;
            while (ic < cases.Length && cases[ic] == v) { caseGroup[ic++] = g; c++; }
            while (jc < controls.Length && controls[jc] == v) { controlGroup[jc++] = g; d++; }
            values[m] = v;
            casesAt[m] = c;
            controlsAt[m] = d;
            m++;
        }
        Array.Resize(ref values, m);
        Array.Resize(ref casesAt, m);
        Array.Resize(ref controlsAt, m);
        return new GroupedScores(values, casesAt, controlsAt, caseGroup, controlGroup);
    }

    /// <summary>
    /// The Mann–Whitney AUC: P(case &gt; control) + ½ P(tie), from integer counts so the only rounding is the final
    /// division.
    /// </summary>
    public double Auc() => Auc(CasesAt, ControlsAt, Cases, Controls);

    /// <summary>The AUC of resampled group counts.</summary>
    public static double Auc(int[] casesAt, int[] controlsAt, int n1, int n0)
    {
        long below = 0, twice = 0;
        for (int k = 0; k < casesAt.Length; k++)
        {
            twice += casesAt[k] * (2 * below + controlsAt[k]);
            below += controlsAt[k];
        }
        return twice / (2.0 * n1 * n0);
    }

    /// <summary>
    /// DeLong's variance: S₁₀/n₁ + S₀₁/n₀ with S₁₀ the sample variance (n₁ − 1) of the case placements
    /// V₁₀ = (controls below + ½ tied)/n₀ and S₀₁ that of the control placements V₀₁ = (cases above + ½ tied)/n₁.
    /// Needs n₁ ≥ 2 and n₀ ≥ 2.
    /// </summary>
    public double DeLongVariance(double auc)
    {
        double n1 = Cases, n0 = Controls;
        long below = 0, above = Cases;
        double s10 = 0, s01 = 0;
        for (int k = 0; k < Values.Length; k++)
        {
            int c = CasesAt[k], d = ControlsAt[k];
            above -= c;
            if (c > 0)
            {
                double v10 = (below + 0.5 * d) / n0 - auc;
                s10 += c * v10 * v10;
            }
            if (d > 0)
            {
                double v01 = (above + 0.5 * c) / n1 - auc;
                s01 += d * v01 * v01;
            }
            below += d;
        }
        return s10 / (n1 - 1) / n1 + s01 / (n0 - 1) / n0;
    }
}
