namespace IronNotebooks.Cli;

/// <summary>The exit codes of the command-line contract (docs/architecture.md).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;
    /// <summary>Internal failure: a bug or an environment problem, not the user's input.</summary>
    public const int InternalFailure = 1;
    /// <summary>Bad input: the message names the argument, file, tag or offset.</summary>
    public const int BadInput = 2;
}
