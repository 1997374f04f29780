namespace IronNotebooks.Simulation;

/// <summary>What a synthetic exam contains.</summary>
public enum SynthProtocol
{
    /// <summary>The Rennes SIR sequences at the exam's field (0.5, 1.0, 1.5 or 3 T), one series each.</summary>
    Rennes,
    /// <summary>Rennes at 1.5 T plus the Lille high-overload sixth sequence (GRE 48/1.8/60°).</summary>
    Lille,
    /// <summary>The two-sequence model's IW (120/4/20°) and T2 (120/14/20°) series at 1.5 T.</summary>
    TwoSequence,
    /// <summary>One multi-echo spoiled GRE series (R2* relaxometry).</summary>
    MultiEchoGre,
    /// <summary>One multi-echo spin-echo series (R2 relaxometry).</summary>
    MultiEchoSe,
    /// <summary>The iron phantom (vials in water) with a multi-echo GRE and a multi-echo SE series.</summary>
    Phantom,
    /// <summary>A chemical-shift-encoded 6-echo GRE (1.5 and 3 T only) written as a magnitude and a phase series, liver fat with
    /// the multi-peak spectrum and a smooth B0 field (docs/methods.md §6). Not part of "all": asked for by name.</summary>
    ChemicalShift,
}
