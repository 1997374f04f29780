namespace IronNotebooks.Reproduction;

/// <summary>Whether a reproduced figure agrees with the published one within the stated tolerance.</summary>
public enum CheckVerdict
{
    /// <summary>|reproduced − published| ≤ tolerance.</summary>
    Match,
    /// <summary>Outside the tolerance, or the reproduced value is NaN or infinite.</summary>
    Differs,
}
