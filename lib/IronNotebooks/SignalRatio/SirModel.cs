namespace IronNotebooks.SignalRatio;

/// <summary>Which model turns an SIR protocol's ratios into LIC.</summary>
public enum SirModel
{
    /// <summary>Alústiza et al. 2004, two sequences (IW, T2) at 1.5 T: a published formula.</summary>
    TwoSequence,
    /// <summary>Gandon et al. 2004 (Rennes): published decision rules; LIC by reconstruction or user constants.</summary>
    Rennes,
    /// <summary>Rose et al. 2006 (Lille add-on): for Rennes estimates above 300 µmol/g; LIC by reconstruction or user constants.</summary>
    LilleAddOn,
}
