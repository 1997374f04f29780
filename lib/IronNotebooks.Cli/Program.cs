namespace IronNotebooks.Cli;

/// <summary>Entry point of the `ironnb` command.</summary>
public static class Program
{
    /// <summary>Runs the command line; exit code 0 success, 2 bad input, 1 internal failure.</summary>
    public static int Main(string[] args)
    {
        // The kernel process of `run`/`reproduce` (IsolatedNotebookRunner): answered before the command tree is built,
        // and ended with Environment.Exit so a runaway cell thread cannot keep it alive.
        if (args.Length > 0 && args[0] == IronNotebooks.Notebooks.Running.KernelHost.Verb)
            Environment.Exit(IronNotebooks.Notebooks.Running.KernelHost.Serve(args[1..]));
        return IronNbApp.Run(args, Console.Out, Console.Error);
    }
}
