namespace IronNotebooks.Calibration;

/// <summary>R2* field-strength conversions (Storey et al. 2007, J Magn Reson Imaging 25:540; docs/methods.md §3, [V]).</summary>
public static class FieldStrengthScalings
{
    /// <summary>Liver: R2*(3 T) = 2.00·R2*(1.5 T) − 11 s⁻¹ (normal liver 39 s⁻¹ at 1.5 T, 69 s⁻¹ at 3 T).</summary>
    public static FieldStrengthScaling Storey2007Liver { get; } = new("storey2007-liver", "liver", 1.5, 3.0, 2.00, -11,
        "Storey et al., J Magn Reson Imaging 2007;25:540", EvidenceStatus.Verified);

    /// <summary>Heart: R2*(3 T) = 1.88·R2*(1.5 T) − 15 s⁻¹.</summary>
    public static FieldStrengthScaling Storey2007Heart { get; } = new("storey2007-heart", "heart", 1.5, 3.0, 1.88, -15,
        "Storey et al., J Magn Reson Imaging 2007;25:540", EvidenceStatus.Verified);

    /// <summary>Every scaling.</summary>
    public static IReadOnlyList<FieldStrengthScaling> All { get; } = [Storey2007Liver, Storey2007Heart];

    /// <summary>The scaling named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such scaling.</exception>
    public static FieldStrengthScaling Get(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown field-strength scaling '{name}'; known: {string.Join(", ", All.Select(c => c.Name))}.", nameof(name));
}
