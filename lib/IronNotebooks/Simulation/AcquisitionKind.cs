namespace IronNotebooks.Simulation;

/// <summary>The signal equation of an acquisition.</summary>
public enum AcquisitionKind
{
    /// <summary>Spoiled gradient echo (single or multi-echo).</summary>
    SpoiledGradientEcho,
    /// <summary>Multi-echo spin echo (CPMG).</summary>
    SpinEcho,
}
