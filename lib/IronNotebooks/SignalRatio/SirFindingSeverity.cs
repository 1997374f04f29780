namespace IronNotebooks.SignalRatio;

/// <summary>How serious a protocol finding is.</summary>
public enum SirFindingSeverity
{
    /// <summary>The exam can be read, but the reader should know (coil not recorded, TE near opposed phase, …).</summary>
    Warning,
    /// <summary>The exam does not satisfy the protocol (missing sequence, TR/TE/flip/field out of tolerance).</summary>
    Error,
}
