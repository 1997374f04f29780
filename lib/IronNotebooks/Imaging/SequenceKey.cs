namespace IronNotebooks.Imaging;

/// <summary>The acquisition parameters that identify a spoiled-GRE sequence of an SIR protocol.</summary>
/// <param name="RepetitionTimeMs">TR, ms.</param>
/// <param name="EchoTimeMs">TE, ms.</param>
/// <param name="FlipAngleDeg">Flip angle, degrees.</param>
/// <param name="FieldStrengthT">Main field, tesla.</param>
public sealed record SequenceKey(double RepetitionTimeMs, double EchoTimeMs, double FlipAngleDeg, double FieldStrengthT)
{
    /// <inheritdoc />
    public override string ToString() => $"{RepetitionTimeMs:0.##}/{EchoTimeMs:0.##}/{FlipAngleDeg:0.#}° at {FieldStrengthT:0.##} T";
}
