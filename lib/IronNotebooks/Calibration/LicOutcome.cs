namespace IronNotebooks.Calibration;

/// <summary>What an LIC conversion produced.</summary>
public enum LicOutcome
{
    /// <summary>A number (<see cref="LicEstimate.Lic"/>), to be read with its warnings.</summary>
    Estimated,
    /// <summary>No number: the calibration has no value for the rate (e.g. St Pierre's inverse above ≈ 394.5 s⁻¹), or the
    /// fit gave no usable rate.</summary>
    NoValue,
    /// <summary>No number: the decay is beyond the measurable range of the echo train (T2* shorter than the first echo,
    /// too few echoes above noise; docs/methods.md §3). A workflow must report this, not a value.</summary>
    BeyondMeasurableRange,
}
