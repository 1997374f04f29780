using IronNotebooks.Calibration;
using IronNotebooks.Imaging;

namespace IronNotebooks.SignalRatio;

/// <summary>
/// An SIR method's protocol: the acquisition (from <see cref="SequenceProtocols"/>, not duplicated here) plus what the
/// method does with it. Entries live in <see cref="SirProtocols"/>.
/// </summary>
/// <param name="Name">Registry key used by `ironnb lic sir --protocol` ("rennes-1.0T", "alustiza2004", …).</param>
/// <param name="Title">Authors, year and field, for reports.</param>
/// <param name="Model">Which model turns the ratios into LIC.</param>
/// <param name="Acquisition">The sequences (labels, TR/TE/flip, field) from the imaging registry.</param>
/// <param name="MostT2WeightedSequence">The sequence the Rennes L/M &lt; 0.88 rule reads (longest TE at flip 20°); null when the method has no such rule.</param>
/// <param name="FitSequences">
/// Sequences sharing TR and flip angle, in TE order, whose L/M ratios the R2* reconstruction fits against TE (their
/// T1 and proton-density weighting is identical, so it cancels in the ratio of two of them; docs/methods.md §2.4).
/// </param>
/// <param name="Citation">Source of the protocol and of the published rules.</param>
/// <param name="Status">Evidence status of the protocol.</param>
/// <param name="StatusNote">The status as docs/methods.md gives it, including what is not found ([NF]).</param>
public sealed record SirProtocol(string Name, string Title, SirModel Model, SequenceProtocol Acquisition, string? MostT2WeightedSequence,
    IReadOnlyList<string> FitSequences, string Citation, EvidenceStatus Status, string StatusNote)
{
    /// <summary>Field strength, tesla (the acquisition's).</summary>
    public double FieldStrengthT => Acquisition.FieldStrengthT;

    /// <summary>Sequence labels in protocol order.</summary>
    public IReadOnlyList<string> SequenceLabels => [.. Acquisition.Steps.Select(s => s.Label)];

    /// <summary>The acquisition parameters of one sequence.</summary>
    /// <exception cref="SignalRatioException">The protocol has no such sequence; the message lists its sequences.</exception>
    public SequenceProtocolStep Step(string label) =>
        Acquisition.Steps.FirstOrDefault(s => string.Equals(s.Label, label, StringComparison.OrdinalIgnoreCase))
        ?? throw new SignalRatioException($"protocol {Name} has no such sequence; its sequences are {string.Join(", ", SequenceLabels)}.", label);

    /// <inheritdoc />
    public override string ToString() => Name;
}
