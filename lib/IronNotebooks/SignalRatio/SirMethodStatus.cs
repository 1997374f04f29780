namespace IronNotebooks.SignalRatio;

/// <summary>Where the numbers of an SIR estimate come from; output always says which, never presents a reconstruction as the official method.</summary>
public enum SirMethodStatus
{
    /// <summary>A published formula or decision rule, applied as printed (e.g. Alústiza 2004, Rennes L/M &lt; 0.88).</summary>
    Published,
    /// <summary>
    /// The project's transparent physics reconstruction (docs/methods.md §2.4: log-linear L/M against TE → liver R2* → a
    /// named R2* calibration). Not the official worksheet, whose formulas are not public.
    /// </summary>
    Reconstruction,
    /// <summary>Constants the user loaded from a file (<see cref="SirModelConstants"/>), e.g. the official worksheet's.</summary>
    UserConstants,
}
