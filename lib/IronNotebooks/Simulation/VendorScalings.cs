namespace IronNotebooks.Simulation;

/// <summary>The stored-value scalings the simulator offers (behaviour patterns, not any vendor's actual algorithm).</summary>
public static class VendorScalings
{
    /// <summary>16-bit stored values with a Rescale Slope back to signal units (the default: values survive exactly).</summary>
    public static VendorScaling Rescaled16Bit { get; } = new("rescaled-16bit", 16, 0.9, true,
        "16-bit stored values, Rescale Slope back to simulation signal units");

    /// <summary>12-bit stored values, no rescale: each series in its own arbitrary units, like many scanners' magnitude images.</summary>
    public static VendorScaling Arbitrary12Bit { get; } = new("arbitrary-12bit", 12, 0.8, false,
        "12-bit stored values in per-series arbitrary units (Rescale Slope 1)");

    /// <summary>12-bit stored values with a per-series Rescale Slope.</summary>
    public static VendorScaling Rescaled12Bit { get; } = new("rescaled-12bit", 12, 0.8, true,
        "12-bit stored values with a per-series Rescale Slope");

    /// <summary>Every scaling.</summary>
    public static IReadOnlyList<VendorScaling> All { get; } = [Rescaled16Bit, Arbitrary12Bit, Rescaled12Bit];

    /// <summary>A scaling by name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static VendorScaling Get(string name) =>
        All.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown scaling '{name}'; known: {string.Join(", ", All.Select(v => v.Name))}.", nameof(name));
}
