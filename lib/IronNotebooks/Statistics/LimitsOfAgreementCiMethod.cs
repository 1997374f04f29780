namespace IronNotebooks.Statistics;

/// <summary>Standard error used for the confidence intervals of the limits of agreement d̄ ± z·s.</summary>
public enum LimitsOfAgreementCiMethod
{
    /// <summary>
    /// SE = s·√(1/n + z²/(2(n − 1))), Bland &amp; Altman (1999), Stat Methods Med Res 8:135, §2.2 (the delta-method
    /// variance of d̄ + z·s). The default.
    /// </summary>
    BlandAltman1999,

    /// <summary>SE ≈ √(3s²/n), the approximation of Bland &amp; Altman (1986) for z ≈ 2 and large n (what most packages print).</summary>
    BlandAltman1986,
}
