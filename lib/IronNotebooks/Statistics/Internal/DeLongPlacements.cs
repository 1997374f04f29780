namespace IronNotebooks.Statistics.Internal;

/// <summary>
/// DeLong's structural components per subject (DeLong, DeLong &amp; Clarke-Pearson 1988), computed by sorting as in
/// Sun &amp; Xu (2014, IEEE Signal Process Lett 21:1389, doi:10.1109/LSP.2014.2337313): for case i,
/// V₁₀ᵢ = (#controls below + ½ #controls tied)/n₀; for control j, V₀₁ⱼ = (#cases above + ½ #cases tied)/n₁.
/// Kept per subject (in input order) because the paired test needs their covariance across two scores.
/// </summary>
internal sealed class DeLongPlacements
{
    private DeLongPlacements(double[] caseComponents, double[] controlComponents, double auc)
    {
        CaseComponents = caseComponents;
        ControlComponents = controlComponents;
        Auc = auc;
    }

    /// <summary>V₁₀ for each case, in the order cases appear in the input.</summary>
    public double[] CaseComponents { get; }
    /// <summary>V₀₁ for each control, in input order.</summary>
    public double[] ControlComponents { get; }
    /// <summary>The AUC (mean of V₁₀), from the grouped integer counts.</summary>
    public double Auc { get; }

    /// <summary>Computes the placements of oriented scores.</summary>
    public static DeLongPlacements Compute(double[] oriented, bool[] truth)
    {
        int n1 = 0;
        foreach (var t in truth) if (t) n1++;
        int n0 = truth.Length - n1;
        var caseKeys = new double[n1];
        var controlKeys = new double[n0];
        var caseOrder = new int[n1];
        var controlOrder = new int[n0];
        for (int i = 0, a = 0, b = 0; i < oriented.Length; i++)
        {
            if (truth[i]) { caseKeys[a] = oriented[i]; caseOrder[a] = a; a++; }
            else { controlKeys[b] = oriented[i]; controlOrder[b] = b; b++; }
        }
        Array.Sort(caseKeys, caseOrder);
        Array.Sort(controlKeys, controlOrder);
        var v10 = new double[n1];
        var v01 = new double[n0];
        long below = 0, above = n1, twice = 0;
        int ic = 0, jc = 0;
        while (ic < n1 || jc < n0)
        {
            double v = ic < n1 && (jc >= n0 || caseKeys[ic] <= controlKeys[jc]) ? caseKeys[ic] : controlKeys[jc];
            int c0 = ic, d0 = jc;
            while (ic < n1 && caseKeys[ic] == v) ic++;
            while (jc < n0 && controlKeys[jc] == v) jc++;
            int c = ic - c0, d = jc - d0;
            above -= c;
            double caseValue = (below + 0.5 * d) / n0, controlValue = (above + 0.5 * c) / n1;
            for (int k = c0; k < ic; k++) v10[caseOrder[k]] = caseValue;
            for (int k = d0; k < jc; k++) v01[controlOrder[k]] = controlValue;
            twice += c * (2 * below + d);
            below += d;
        }
        return new DeLongPlacements(v10, v01, twice / (2.0 * n1 * n0));
    }

    /// <summary>Σ (aᵢ − ā)(bᵢ − b̄) / (n − 1), centred on the AUCs as DeLong and pROC do.</summary>
    public static double Covariance(double[] a, double meanA, double[] b, double meanB)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += (a[i] - meanA) * (b[i] - meanB);
        return s / (a.Length - 1);
    }
}
