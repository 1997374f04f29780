using System.Text.RegularExpressions;
using IronNotebooks.Notebooks;

namespace IronNotebooks.Cli;

/// <summary>
/// The one place where an exception becomes an exit code and a message. Bad input (exit 2): the library's
/// <see cref="IronNotebooksException"/> tree (DICOM, imaging, ROI, CSV, SIR, statistics, plausibility), argument
/// exceptions from a value the user gave, missing or unreadable files and folders, notebooks and ROI sets that cannot be
/// read. Everything else is internal (exit 1) and printed as one line without a stack trace (set IRONNB_TRACE=1 for it).
/// Library parameter names are replaced by the option the user typed (<see cref="OptionNames"/>).
/// </summary>
public static partial class CliErrors
{
    /// <summary>Library parameter name → command-line option, for messages and <see cref="ErrorContext.Argument"/>.</summary>
    public static IReadOnlyDictionary<string, string> OptionNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["measuredFieldT"] = "--field",
        ["fieldStrengthT"] = "--field",
        ["ratePerSecond"] = "--value",
        ["echoTimesMs"] = "--te",
        ["te"] = "--te",
        ["signal"] = "--signal",
        ["firstEchoTimeMs"] = "--first-te",
        ["echoesAboveNoise"] = "--echoes-above-noise",
        ["NoiseSigma"] = "--noise",
        ["CoilCount"] = "--coils",
        ["roi"] = "--roi",
        ["sliceIndex"] = "--slice",
    };

    /// <summary>Exit code and the message to print for an exception that reached the top of a verb.</summary>
    public static (int ExitCode, string Message) Classify(Exception exception)
    {
        var e = Unwrap(exception);
        return e switch
        {
            IronNotebooksException x => (ExitCodes.BadInput, "error: " + UserFacing(x.Message, x.Context.Argument)),
            ArgumentException x => (ExitCodes.BadInput, "error: " + UserFacing(StripParameter(x), x.ParamName)),
            NotebookException or FormatException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException
                or PathTooLongException => (ExitCodes.BadInput, "error: " + e.Message),
            IOException => (ExitCodes.InternalFailure, "error: " + e.Message),
            _ => (ExitCodes.InternalFailure, Environment.GetEnvironmentVariable("IRONNB_TRACE") == "1"
                ? $"internal error: {e}"
                : $"internal error (a bug in ironnb; please report it with the command): {e.GetType().Name}: {e.Message}"),
        };
    }

    /// <summary>Parallel loops wrap the real error; one inner exception is what the user needs.</summary>
    private static Exception Unwrap(Exception e) =>
        e is AggregateException { InnerExceptions.Count: >= 1 } a ? Unwrap(a.InnerExceptions[0]) : e;

    private static string StripParameter(ArgumentException e) =>
        e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);

    /// <summary>Replaces a library parameter name by its option (whole words only) and says which option when not already said.</summary>
    internal static string UserFacing(string message, string? parameter)
    {
        if (parameter is null) return message;
        var option = OptionNames.TryGetValue(parameter, out var o) ? o : parameter;
        if (option.StartsWith("--", StringComparison.Ordinal))
        {
            // Only identifiers (measuredFieldT, echoTimesMs) are replaced in the text: a plain word such as "signal" is English there.
            if (parameter.Any(char.IsUpper)) message = Regex.Replace(message, $@"(?<![\w-]){Regex.Escape(parameter)}(?!\w)", option);
            if (!message.Contains(option, StringComparison.Ordinal)) message = $"{option}: {message}";
        }
        return message;
    }
}
