using IronNotebooks.Cli;

namespace IronNotebooks.Dicom.Tests.Support;

/// <summary>Runs `ironnb` in-process with captured output, as the command-line tests need.</summary>
public static class CliHarness
{
    /// <summary>Exit code, standard output and standard error of one invocation.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = IronNbApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
