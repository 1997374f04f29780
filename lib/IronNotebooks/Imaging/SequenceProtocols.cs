namespace IronNotebooks.Imaging;

/// <summary>
/// Registry of the acquisition protocols of the SIR methods (docs/methods.md §2), by name. Adding one is one
/// entry here with its citation and status, plus its test.
/// </summary>
public static class SequenceProtocols
{
    private const string Gandon = "Gandon et al., Lancet 2004;363:357–62, doi:10.1016/S0140-6736(04)15436-6 (Rennes protocol table)";

    private static readonly SequenceProtocol[] Entries =
    [
        new("rennes-0.5T", 0.5, [Step("T1", 14, 90), Step("PD", 14, 20), Step("T2", 28, 20)], Gandon, "[V]"),
        new("rennes-1.0T", 1.0, [Step("T1", 7, 90), Step("PD", 7, 20), Step("T2", 14, 20), Step("T2+", 21, 20)], Gandon, "[V]"),
        new("rennes-1.5T", 1.5, [Step("T1", 4, 90), Step("PD", 4, 20), Step("T2", 9, 20), Step("T2+", 14, 20), Step("T2++", 21, 20)], Gandon, "[V]"),
        new("rennes-3T", 3.0, [Step("T1", 2, 90), Step("PD", 2, 20), Step("T2", 4.5, 20), Step("T2+", 7, 20), Step("T2++", 10.5, 20)],
            "Paisant et al. 2017: the 1.5 T Rennes scheme with every TE divided by 2 (docs/methods.md §2.1)", "[V] rule; TE values derived"),
        new("two-sequence-1.5T", 1.5, [Step("IW", 4, 20), Step("T2", 14, 20)],
            "Alústiza et al., Radiology 2004;230:479–84 (two-sequence model, docs/methods.md §2.2)", "[SEED]"),
        new("lille-addon-1.5T", 1.5, [new SequenceProtocolStep("Lille", 48, 1.8, 60)],
            "Rose et al., Eur J Haematol 2006;77:145–9 (sixth sequence, 15 mm slice, FOV 450 mm)", "[V]"),
    ];

    /// <summary>Every protocol.</summary>
    public static IReadOnlyList<SequenceProtocol> All => Entries;

    /// <summary>A protocol by name.</summary>
    /// <exception cref="KeyNotFoundException">Unknown name; the message lists the known ones.</exception>
    public static SequenceProtocol Get(string name) => Entries.FirstOrDefault(p => p.Name == name)
        ?? throw new KeyNotFoundException($"No protocol '{name}'; known: {string.Join(", ", Entries.Select(p => p.Name))}.");

    private static SequenceProtocolStep Step(string label, double teMs, double flipDeg) => new(label, 120, teMs, flipDeg);
}
