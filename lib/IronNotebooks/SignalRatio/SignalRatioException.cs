namespace IronNotebooks.SignalRatio;

/// <summary>
/// SIR input that cannot be used: a missing sequence, zero or negative muscle signal, a ratio outside any physical
/// range, mixed field strengths, an unreadable calibration file. The message names the sequence (or file) and what is
/// accepted.
/// </summary>
public sealed class SignalRatioException : IronNotebooksException
{
    /// <summary>Creates the exception; <paramref name="sequence"/> is the sequence label concerned (null when none).</summary>
    public SignalRatioException(string message, string? sequence = null, Exception? innerException = null)
        : base(sequence is null ? message : $"Sequence '{sequence}': {message}", message, ErrorContext.None, innerException) => Sequence = sequence;

    /// <summary>The sequence label concerned ("T2", "IW", …), when there is one.</summary>
    public string? Sequence { get; }
}
