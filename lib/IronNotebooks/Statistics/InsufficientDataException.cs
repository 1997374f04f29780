namespace IronNotebooks.Statistics;

/// <summary>
/// The data are well-formed but cannot support the method asked for: one class only, fewer observations than the
/// method needs, no variance, every rating in one category. The message says what was found and what the method needs.
/// Caller mistakes (null, NaN, mismatched lengths, an option out of range) are <see cref="ArgumentException"/>s instead.
/// </summary>
public sealed class InsufficientDataException : IronNotebooksException
{
    /// <summary>Creates the exception for <paramref name="method"/>.</summary>
    /// <param name="method">The statistic that could not be computed, for example "ROC".</param>
    /// <param name="message">What was found and what is needed.</param>
    public InsufficientDataException(string method, string message) : base($"{method}: {message}", message, ErrorContext.None, null) => Method = method;

    /// <summary>The statistic that could not be computed.</summary>
    public string Method { get; }
}
