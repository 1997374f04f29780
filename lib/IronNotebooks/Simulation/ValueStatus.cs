namespace IronNotebooks.Simulation;

/// <summary>Where a simulation parameter comes from. Only <see cref="Published"/> values may be reported as literature values.</summary>
public enum ValueStatus
{
    /// <summary>Read in the cited source or its abstract (docs/methods.md [V]).</summary>
    Published,
    /// <summary>Stated in the project's domain brief from secondary sources or the seed review ([S], [SEED]).</summary>
    Secondary,
    /// <summary>An assumption inside the typical literature range, chosen for the teaching phantom; not a measurement.</summary>
    Assumed,
    /// <summary>Computed by a physics model named in the record (for example a field-strength extrapolation); not published.</summary>
    Reconstruction,
}
