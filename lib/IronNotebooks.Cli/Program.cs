namespace IronNotebooks.Cli;

/// <summary>Entry point of the `ironnb` command.</summary>
public static class Program
{
    /// <summary>Runs the command line; exit code 0 success, 2 bad input, 1 internal failure.</summary>
    public static int Main(string[] args) => IronNbApp.Run(args, Console.Out, Console.Error);
}
