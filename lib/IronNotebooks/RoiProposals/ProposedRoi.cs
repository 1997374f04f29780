using IronNotebooks.Roi;

namespace IronNotebooks.RoiProposals;

/// <summary>One proposed ROI with how sure the proposer is and why.</summary>
public sealed record ProposedRoi
{
    /// <summary>The ROI (pixel space of the proposal's slice).</summary>
    public required RoiShape Roi { get; init; }

    /// <summary>Confidence 0–1: a product of the checks in <see cref="Reasons"/> (1 = every check passed comfortably).</summary>
    public required double Confidence { get; init; }

    /// <summary>What the confidence rests on, in words with the numbers.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }
}
