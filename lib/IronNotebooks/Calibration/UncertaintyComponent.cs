namespace IronNotebooks.Calibration;

/// <summary>One source of uncertainty in an LIC interval, as a standard deviation of the rate (R2* or R2), s⁻¹.</summary>
public sealed record UncertaintyComponent
{
    /// <summary>"fit", "spatial" or "calibration".</summary>
    public required string Name { get; init; }

    /// <summary>What the component measures and how, in words.</summary>
    public required string Method { get; init; }

    /// <summary>Standard deviation of the rate, s⁻¹; null when the component is not included.</summary>
    public required double? SdPerSecond { get; init; }

    /// <summary>True when the component enters the interval.</summary>
    public bool Included => SdPerSecond is not null;

    /// <summary>Why it is left out, or a caveat; null when nothing needs saying.</summary>
    public string? Note { get; init; }
}
