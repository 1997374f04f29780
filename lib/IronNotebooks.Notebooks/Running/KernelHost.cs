using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using IronNotebooks.Notebooks.Documents;
using IronNotebooks.Notebooks.Kernel;

namespace IronNotebooks.Notebooks.Running;

/// <summary>
/// The child side of <see cref="IsolatedNotebookRunner"/>: runs one notebook in this process and streams each cell's
/// result to the parent as one JSON line on standard output, so whatever a cell does to this process
/// (<c>Environment.Exit</c>, <c>Environment.FailFast</c>, an exception on a thread of its own, a stack overflow) the
/// parent keeps every finished cell and knows which cell was running. Console output of cells goes to the cells; any
/// other console output of this process goes to standard error, never into the protocol.
/// </summary>
public static class KernelHost
{
    /// <summary>The hidden verb <c>ironnb</c> answers as a kernel host: <c>ironnb kernel-host NOTEBOOK [TIMEOUT_SECONDS]</c>.</summary>
    public const string Verb = "kernel-host";

    /// <summary>First characters of every protocol line (a stray write to the process's stdout cannot look like one).</summary>
    internal const string Prefix = "\u001eironnb-kernel ";

    /// <summary>Runs the notebook and returns the exit code (0 when the protocol ran to its end, 2 for bad arguments).</summary>
    public static int Serve(string[] args)
    {
        var protocol = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { NewLine = "\n", AutoFlush = true };
        Console.SetOut(Console.Error); // ConsoleCapture's fallback for writes outside a cell: stderr, not the protocol
        if (args.Length is < 1 or > 2 || (args.Length == 2 && !double.TryParse(args[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            Console.Error.WriteLine($"usage: ironnb {Verb} NOTEBOOK [TIMEOUT_SECONDS]");
            return 2;
        }
        TimeSpan? timeout = args.Length == 2 ? TimeSpan.FromSeconds(double.Parse(args[1], CultureInfo.InvariantCulture)) : null;
        var observer = new StreamingObserver(protocol);
        try
        {
            var run = NotebookRunner.RunFile(args[0], KernelOptions.Default with { CellTimeout = timeout }, observer: observer);
            observer.Send(new JsonObject { ["event"] = "end", ["firstCellMs"] = run.FirstCellMs, ["kernelEnded"] = run.KernelEnded });
            return 0;
        }
        catch (NotebookException e)
        {
            observer.Send(new JsonObject { ["event"] = "notebookError", ["message"] = e.Message });
            return 2;
        }
    }

    private sealed class StreamingObserver(StreamWriter protocol) : ICellObserver
    {
        public void CellStarting(int cell) => Send(new JsonObject { ["event"] = "start", ["cell"] = cell });

        public void CellFinished(NotebookCell executed, CellRun run) => Send(new JsonObject
        {
            ["event"] = "done",
            ["cell"] = run.Cell,
            ["status"] = run.Status.ToString(),
            ["durationMs"] = run.DurationMs,
            ["executionCount"] = executed.ExecutionCount,
            ["outputs"] = new JsonArray(executed.Outputs.Select(IpynbFormat.WriteOutput).ToArray()),
        });

        public void Send(JsonObject message)
        {
            lock (protocol) protocol.WriteLine(Prefix + message.ToJsonString());
        }
    }
}
