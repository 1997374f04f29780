using IronNotebooks.Roi;

namespace IronNotebooks.RoiProposals;

/// <summary>An ROI the proposer did not place, and why: the answer instead of a confident ROI on the wrong tissue.</summary>
public sealed record RoiNotFound
{
    /// <summary>The ROI name that would have been used ("liver-1", "muscle-left", …).</summary>
    public required string Name { get; init; }

    /// <summary>Its role.</summary>
    public required RoiRole Role { get; init; }

    /// <summary>Why it was not placed, with the measured numbers.</summary>
    public required string Reason { get; init; }
}
