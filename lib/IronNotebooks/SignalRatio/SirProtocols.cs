using IronNotebooks.Calibration;
using IronNotebooks.Imaging;

namespace IronNotebooks.SignalRatio;

/// <summary>
/// Registry of the SIR methods (docs/methods.md §2): Rennes at 0.5, 1.0, 1.5 and 3 T, the two-sequence model and the Lille
/// add-on. Each entry points at its acquisition in <see cref="SequenceProtocols"/>; adding a method is one entry here
/// plus its test.
/// </summary>
public static class SirProtocols
{
    private const string Gandon = "Gandon et al., Lancet 2004;363:357–62, doi:10.1016/S0140-6736(04)15436-6";
    private const string RennesNote = "protocol and decision rules [V]; the worksheet's L/M → LIC formulas and sequence-selection logic [NF]";

    /// <summary>Rennes at 0.5 T: T1, PD, T2 (TE 14/14/28 ms).</summary>
    public static SirProtocol Rennes0p5T { get; } = new("rennes-0.5T", "Rennes (Gandon 2004), 0.5 T", SirModel.Rennes, SequenceProtocols.Get("rennes-0.5T"),
        "T2", ["PD", "T2"], Gandon, EvidenceStatus.Verified, RennesNote);

    /// <summary>Rennes at 1.0 T: T1, PD, T2, T2+ (TE 7/7/14/21 ms).</summary>
    public static SirProtocol Rennes1p0T { get; } = new("rennes-1.0T", "Rennes (Gandon 2004), 1.0 T", SirModel.Rennes, SequenceProtocols.Get("rennes-1.0T"),
        "T2+", ["PD", "T2", "T2+"], Gandon, EvidenceStatus.Verified, RennesNote);

    /// <summary>Rennes at 1.5 T: T1, PD, T2, T2+, T2++ (TE 4/4/9/14/21 ms).</summary>
    public static SirProtocol Rennes1p5T { get; } = new("rennes-1.5T", "Rennes (Gandon 2004), 1.5 T", SirModel.Rennes, SequenceProtocols.Get("rennes-1.5T"),
        "T2++", ["PD", "T2", "T2+", "T2++"], Gandon, EvidenceStatus.Verified, RennesNote);

    /// <summary>Rennes at 3 T: the 1.5 T scheme with every TE halved (Paisant 2017, r = 0.96, n = 100).</summary>
    public static SirProtocol Rennes3T { get; } = new("rennes-3T", "Rennes at 3 T (Paisant 2017: TEs halved)", SirModel.Rennes, SequenceProtocols.Get("rennes-3T"),
        "T2++", ["PD", "T2", "T2+", "T2++"], Gandon + "; Paisant et al. 2017 (3 T, TEs divided by 2, r = 0.96, n = 100)", EvidenceStatus.Verified,
        "halving rule [V]; TE values derived from it; worksheet formulas [NF]");

    /// <summary>Two-sequence model (Alústiza 2004): IW 120/4/20° and T2 120/14/20° at 1.5 T.</summary>
    public static SirProtocol Alustiza2004 { get; } = new("alustiza2004", "Two-sequence model (Alústiza 2004), 1.5 T", SirModel.TwoSequence,
        SequenceProtocols.Get("two-sequence-1.5T"), "T2", ["IW", "T2"],
        "Alústiza et al., Radiology 2004;230:479–84; cut-offs and phantom: Castiella et al., Imaging Med 2013;5(6); Asensio et al., BioMed Res Int 2015",
        EvidenceStatus.Seed, "formula and cut-offs [SEED]; SEDIA phantom [V]");

    /// <summary>Lille add-on (Rose 2006): GRE 48/1.8/60°, 15 mm slice, FOV 450 mm, 1.5 T, when Rennes gives &gt; 300 µmol/g.</summary>
    public static SirProtocol LilleAddOn1p5T { get; } = new("lille-addon-1.5T", "Lille add-on (Rose 2006), 1.5 T", SirModel.LilleAddOn,
        SequenceProtocols.Get("lille-addon-1.5T"), "Lille", ["Lille"],
        "Rose, Vandevenne, Bourgeois, Cambier, Ernst, Eur J Haematol 2006;77:145–9", EvidenceStatus.Verified,
        "sequence and indication [V]; range ≈ 800 µmol/g and R = 0.81 [SEED]; formula [NF]");

    /// <summary>Every method, in registry order.</summary>
    public static IReadOnlyList<SirProtocol> All { get; } = [Rennes0p5T, Rennes1p0T, Rennes1p5T, Rennes3T, Alustiza2004, LilleAddOn1p5T];

    /// <summary>
    /// The method named <paramref name="name"/> (case-insensitive); the imaging registry's acquisition names are
    /// accepted too ("two-sequence-1.5T" is <see cref="Alustiza2004"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static SirProtocol Get(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? All.FirstOrDefault(p => string.Equals(p.Acquisition.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown SIR protocol '{name}'; known: {string.Join(", ", All.Select(p => p.Name))}.", nameof(name));
}
