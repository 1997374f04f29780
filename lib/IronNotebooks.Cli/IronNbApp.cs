using System.CommandLine;
using IronNotebooks.Dicom;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.Cli;

/// <summary>
/// Builds the `ironnb` command tree and runs it with the contract's exit codes: 0 success, 2 bad input (parse errors,
/// missing files, unreadable DICOM), 1 internal failure.
/// </summary>
public static class IronNbApp
{
    /// <summary>Runs the command line with the given output writers (tests pass string writers).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("ironnb: MRI liver-iron research tools (DICOM inspection, fitting, notebooks).");
        foreach (var group in CommandGroups.All(output)) root.Subcommands.Add(group);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine($"error: {e.Message}");
            error.WriteLine("Run 'ironnb --help' (or the verb with --help) for usage.");
            return ExitCodes.BadInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is DicomException or ImagingException or RoiException or BadInputException or IronNotebooks.Exams.ExamException or FileNotFoundException
            or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            error.WriteLine($"internal error: {e}");
            return ExitCodes.InternalFailure;
        }
    }
}
