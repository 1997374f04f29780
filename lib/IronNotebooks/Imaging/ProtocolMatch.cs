namespace IronNotebooks.Imaging;

/// <summary>The outcome of checking a <see cref="SequenceSet"/> against a <see cref="SequenceProtocol"/>.</summary>
/// <param name="Protocol">The protocol.</param>
/// <param name="Tolerance">The tolerances used.</param>
/// <param name="Steps">Each protocol sequence and the acquisition found for it (null when missing).</param>
/// <param name="Unused">Acquisitions of the set that match no protocol sequence.</param>
public sealed record ProtocolMatch(SequenceProtocol Protocol, ProtocolTolerance Tolerance, IReadOnlyList<ProtocolMatch.StepMatch> Steps,
    IReadOnlyList<SequenceSet.Entry> Unused)
{
    /// <summary>A protocol sequence and its match.</summary>
    /// <param name="Step">The protocol sequence.</param>
    /// <param name="Found">The closest matching acquisition, or null.</param>
    /// <param name="Candidates">How many acquisitions were within tolerance (more than one: the exam repeats a sequence).</param>
    public sealed record StepMatch(SequenceProtocolStep Step, SequenceSet.Entry? Found, int Candidates);

    /// <summary>True when every protocol sequence was found.</summary>
    public bool IsComplete => Steps.All(s => s.Found is not null);

    /// <summary>Labels of the protocol sequences not found.</summary>
    public IReadOnlyList<string> Missing => [.. Steps.Where(s => s.Found is null).Select(s => s.Step.Label)];
}
