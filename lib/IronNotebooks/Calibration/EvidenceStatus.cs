namespace IronNotebooks.Calibration;

/// <summary>How sure the project is of a published constant (docs/methods.md status tags).</summary>
public enum EvidenceStatus
{
    /// <summary>[V]: read in the primary source or its abstract.</summary>
    Verified,
    /// <summary>[S]: seen only in secondary sources (third-party calculators, code, reviews) that agree with each other.</summary>
    Secondary,
    /// <summary>[SEED]: stated in the project's founding review (Castiella et al., Imaging Med 2013;5(6)).</summary>
    Seed,
}
