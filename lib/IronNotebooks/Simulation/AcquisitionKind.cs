namespace IronNotebooks.Simulation;

/// <summary>The signal equation of an acquisition.</summary>
public enum AcquisitionKind
{
    /// <summary>Spoiled gradient echo (single or multi-echo).</summary>
    SpoiledGradientEcho,
    /// <summary>Multi-echo spin echo (CPMG).</summary>
    SpinEcho,
    /// <summary>Chemical-shift-encoded spoiled gradient echo: complex signal with the multi-peak fat spectrum and a B0 field,
    /// written as magnitude and phase series.</summary>
    ChemicalShiftGradientEcho,
}
