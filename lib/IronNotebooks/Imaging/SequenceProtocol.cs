namespace IronNotebooks.Imaging;

/// <summary>A named acquisition protocol: the sequences it asks for at one field strength, with its source.</summary>
/// <param name="Name">Registry name, e.g. "rennes-1.5T".</param>
/// <param name="FieldStrengthT">Field strength, tesla.</param>
/// <param name="Steps">The sequences.</param>
/// <param name="Citation">Where the parameters come from.</param>
/// <param name="Status">How sure we are (docs/methods.md tags: [V] read in the source, [SEED], [S]).</param>
public sealed record SequenceProtocol(string Name, double FieldStrengthT, IReadOnlyList<SequenceProtocolStep> Steps, string Citation, string Status);
