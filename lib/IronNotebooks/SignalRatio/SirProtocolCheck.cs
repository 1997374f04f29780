using IronNotebooks.Imaging;

namespace IronNotebooks.SignalRatio;

/// <summary>An exam checked against one SIR protocol: which acquisition serves each sequence and what does not fit.</summary>
/// <param name="Protocol">The SIR protocol.</param>
/// <param name="Match">The imaging layer's sequence match (TR/TE/flip/field within tolerance).</param>
/// <param name="Findings">Mismatches, errors first.</param>
public sealed record SirProtocolCheck(SirProtocol Protocol, ProtocolMatch Match, IReadOnlyList<SirFinding> Findings)
{
    /// <summary>True when no finding is an error: every sequence is there, within tolerance, at one field strength.</summary>
    public bool IsSatisfied => Findings.All(f => f.Severity != SirFindingSeverity.Error);

    /// <summary>The errors.</summary>
    public IReadOnlyList<SirFinding> Errors => [.. Findings.Where(f => f.Severity == SirFindingSeverity.Error)];

    /// <summary>The warnings.</summary>
    public IReadOnlyList<SirFinding> Warnings => [.. Findings.Where(f => f.Severity == SirFindingSeverity.Warning)];

    /// <summary>The acquisition used for a sequence, or null when missing.</summary>
    public SequenceSet.Entry? Acquisition(string label) =>
        Match.Steps.FirstOrDefault(s => string.Equals(s.Step.Label, label, StringComparison.OrdinalIgnoreCase))?.Found;
}
