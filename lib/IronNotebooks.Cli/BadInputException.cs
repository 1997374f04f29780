namespace IronNotebooks.Cli;

/// <summary>An argument the user gave is wrong; the message names it and says what is accepted (exit code 2).</summary>
public sealed class BadInputException : IronNotebooksException
{
    /// <summary>Creates the exception; <paramref name="argument"/> is the option or argument concerned (e.g. <c>--out</c>), when one is.</summary>
    public BadInputException(string message, string? argument = null)
        : base(message, message, new ErrorContext { Argument = argument }, null)
    {
    }
}
