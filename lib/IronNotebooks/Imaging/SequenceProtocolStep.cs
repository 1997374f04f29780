namespace IronNotebooks.Imaging;

/// <summary>One sequence a protocol asks for: its label (e.g. "T2+") and TR/TE/flip.</summary>
public sealed record SequenceProtocolStep(string Label, double RepetitionTimeMs, double EchoTimeMs, double FlipAngleDeg);
