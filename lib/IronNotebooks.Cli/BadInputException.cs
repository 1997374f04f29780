namespace IronNotebooks.Cli;

/// <summary>An argument the user gave is wrong; the message names it and says what is accepted (exit code 2).</summary>
public sealed class BadInputException(string message) : Exception(message);
