namespace IronNotebooks.FatWater;

/// <summary>Where the phase of a chemical-shift acquisition was found.</summary>
public enum PhaseSourceKind
{
    /// <summary>No phase, real or imaginary images belong to the acquisition: magnitude fitting only.</summary>
    None,
    /// <summary>Phase frames in the magnitude series itself (Philips: Image Type …\P\…, classic or enhanced).</summary>
    SameSeriesPhase,
    /// <summary>Real and imaginary frames in the magnitude series (GE: Raw Data Type (0043,102F) 2 and 3).</summary>
    SameSeriesRealImaginary,
    /// <summary>A separate phase series of the same acquisition (Siemens: magnitude and phase exported as two series).</summary>
    OtherSeriesPhase,
}
