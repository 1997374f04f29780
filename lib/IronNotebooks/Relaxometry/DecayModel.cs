using IronNotebooks.Relaxometry.Internal;

namespace IronNotebooks.Relaxometry;

/// <summary>A signal-decay model for multi-echo relaxometry; the entries live in <see cref="DecayModels"/>.</summary>
/// <param name="Name">Registry key ("mono", "offset", "truncation", "loglinear", "arlo", "biexp", "rician", "secondmoment").</param>
/// <param name="Formula">The model or estimator, in words and symbols.</param>
/// <param name="Citation">Where it is described (with DOI where known).</param>
/// <param name="MinimumEchoes">Fewest echoes accepted as input.</param>
/// <param name="Notes">Known behaviour and biases (docs/methods.md §4).</param>
public sealed record DecayModel(string Name, string Formula, string Citation, int MinimumEchoes, string Notes)
{
    internal DecayModelKind Kind { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
