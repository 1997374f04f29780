namespace IronNotebooks.SignalRatio;

/// <summary>One mismatch between an exam and an SIR protocol.</summary>
/// <param name="Severity">Warning or error.</param>
/// <param name="Sequence">The protocol sequence concerned ("T2+"), or null for the whole exam.</param>
/// <param name="Parameter">"TR", "TE", "flip", "field", "coil", "phase", "missing", "repeated".</param>
/// <param name="Message">What was expected, what was found.</param>
public sealed record SirFinding(SirFindingSeverity Severity, string? Sequence, string Parameter, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()}: {Message}";
}
