namespace IronNotebooks.SignalRatio;

/// <summary>A reference phantom set: vials, the sequence each is read on and the ratio it must give.</summary>
/// <param name="Name">Registry key.</param>
/// <param name="Protocol">SIR protocol name the set calibrates.</param>
/// <param name="Vials">The vials.</param>
/// <param name="Citation">Source.</param>
/// <param name="Note">What was left out and why.</param>
public sealed record PhantomReference(string Name, string Protocol, IReadOnlyList<PhantomReferenceVial> Vials, string Citation, string Note)
{
    /// <summary>
    /// SEDIA FeCl3 set for the two-sequence protocol (Asensio et al., BioMed Res Int 2015 [V]; docs/methods.md §2.2): 0.5 mg
    /// Fe/mL gives IW ratio 0.95, 0.3 mg Fe/mL gives T2 ratio 0.47 (vial / water). The pair 1.2 / 0.6 mg Fe/mL with
    /// "ratios 0.35 and 0.6 as printed" is left out: as printed, the higher-iron pairing is ambiguous.
    /// </summary>
    public static PhantomReference Sedia { get; } = new("sedia", "alustiza2004",
        [new("FeCl3 0.5 mg Fe/mL", 0.5, "IW", 0.95), new("FeCl3 0.3 mg Fe/mL", 0.3, "T2", 0.47)],
        "Asensio et al., BioMed Res Int 2015 (SEDIA phantom, 2004–2007, 40 centres)",
        "The 1.2 and 0.6 mg Fe/mL vials (high-overload pair, ratios 0.35 and 0.6 as printed) are not included: the printed pairing is ambiguous.");

    /// <summary>Every reference set.</summary>
    public static IReadOnlyList<PhantomReference> All { get; } = [Sedia];

    /// <summary>A set by name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static PhantomReference Get(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown phantom reference '{name}'; known: {string.Join(", ", All.Select(p => p.Name))}.", nameof(name));

    /// <summary>The vial of this set read on <paramref name="sequence"/> (first one), or null.</summary>
    public PhantomReferenceVial? ForSequence(string sequence) => Vials.FirstOrDefault(v => string.Equals(v.Sequence, sequence, StringComparison.OrdinalIgnoreCase));
}
