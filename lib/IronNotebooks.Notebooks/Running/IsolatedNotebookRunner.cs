using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using IronNotebooks.Notebooks.Documents;
using IronNotebooks.Notebooks.Kernel;

namespace IronNotebooks.Notebooks.Running;

/// <summary>
/// Runs a notebook's kernel in a child process (<see cref="KernelHost"/>) and rebuilds the run from the cells it streams
/// back. A cell that ends the kernel process (Environment.Exit, FailFast, an unhandled exception on a thread it started,
/// a stack overflow) becomes a failed cell whose error names how the process ended, with the end of its stderr; the
/// cells after it are "not run"; the caller still gets a complete <see cref="NotebookRun"/> to write the executed
/// notebook, the report and the JSON from, and `reproduce` goes on with the next notebook.
/// </summary>
public static class IsolatedNotebookRunner
{
    /// <summary>Error name of a cell during which the kernel process ended.</summary>
    public const string KernelProcessEnded = "KernelProcessEnded";

    private const int StderrTailLines = 40;

    /// <summary>Runs <paramref name="path"/> in a kernel process started by <paramref name="host"/>.</summary>
    /// <param name="path">.ipynb or .dib file.</param>
    /// <param name="host">The program and leading arguments that start a kernel host (see <see cref="KernelHostCommand"/>).</param>
    /// <param name="cellTimeout">Longest a cell may run; null for no limit.</param>
    /// <param name="progress">Called before each code cell with (cells done, code cells in all).</param>
    /// <exception cref="NotebookException">The notebook cannot be read.</exception>
    public static NotebookRun RunFile(string path, KernelHostCommand host, TimeSpan? cellTimeout = null, Action<int, int>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var notebook = NotebookFile.Load(path); // bad files are refused here, before a process is started
        string name = Path.GetFileName(path);
        var psi = new ProcessStartInfo(host.Program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            StandardOutputEncoding = IpynbFormat.Utf8, StandardErrorEncoding = IpynbFormat.Utf8,
        };
        foreach (var a in host.Arguments) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add(KernelHost.Verb);
        psi.ArgumentList.Add(Path.GetFullPath(path));
        if (cellTimeout is { } t) psi.ArgumentList.Add(t.TotalSeconds.ToString("R", CultureInfo.InvariantCulture));

        var stderrTail = new Queue<string>();
        string? runtimeMessage = null;
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Cannot start the kernel host {host.Program}.");
        process.StandardInput.Close();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderrTail)
            {
                if (runtimeMessage is null && IsRuntimeMessage(e.Data)) runtimeMessage = e.Data.Trim();
                // FailFast prints "Process terminated." and its message on the next line.
                else if (runtimeMessage == "Process terminated.") runtimeMessage += " " + e.Data.Trim();
                stderrTail.Enqueue(e.Data.Length > 500 ? e.Data[..500] + "…" : e.Data);
                if (stderrTail.Count > StderrTailLines) stderrTail.Dequeue();
            }
        };
        process.BeginErrorReadLine();

        var finished = new Dictionary<int, (NotebookCell Cell, CellRun Run)>();
        int codeCells = notebook.Cells.Count(c => c.Kind == CellKind.Code);
        int? running = null;
        double? firstCellMs = null;
        string? kernelEnded = null, notebookError = null;
        bool ended = false;
        // A hung kernel host (a cell stuck where the host's own per-cell timeout cannot see it) is killed by the parent.
        var silenceLimit = cellTimeout is { } limit ? limit + TimeSpan.FromSeconds(60) : (TimeSpan?)null;
        while (true)
        {
            var read = process.StandardOutput.ReadLineAsync();
            if (silenceLimit is { } s && !read.Wait(s))
            {
                process.Kill(entireProcessTree: true);
                kernelEnded = $"the kernel process stopped answering for {s.TotalSeconds:0} s and was killed";
                break;
            }
            string? line = read.GetAwaiter().GetResult();
            if (line is null) break;
            if (!line.StartsWith(KernelHost.Prefix, StringComparison.Ordinal))
            {
                lock (stderrTail) stderrTail.Enqueue("stdout: " + line);
                continue;
            }
            var message = JsonNode.Parse(line[KernelHost.Prefix.Length..])!.AsObject();
            switch ((string?)message["event"])
            {
                case "start":
                    running = (int)message["cell"]!;
                    progress?.Invoke(finished.Count, codeCells);
                    break;
                case "done":
                    int position = (int)message["cell"]!;
                    var original = notebook.Cells[position - 1];
                    var outputs = message["outputs"]!.AsArray().Select(o => IpynbFormat.ReadOutput(o!.AsObject(), position, path)).ToList();
                    var status = Enum.Parse<CellRunStatus>((string)message["status"]!);
                    var executed = original with { Outputs = outputs, ExecutionCount = (int?)message["executionCount"] };
                    finished[position] = (executed, new CellRun(position, original.FirstLine, status, (double)message["durationMs"]!,
                        outputs.OfType<ErrorOutput>().FirstOrDefault()));
                    if (status is CellRunStatus.Succeeded or CellRunStatus.Failed) firstCellMs ??= clock.Elapsed.TotalMilliseconds;
                    running = null;
                    break;
                case "end":
                    kernelEnded = (string?)message["kernelEnded"];
                    ended = true;
                    break;
                case "notebookError":
                    notebookError = (string?)message["message"];
                    break;
            }
        }
        progress?.Invoke(codeCells, codeCells);
        if (!process.WaitForExit(10_000)) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        if (notebookError is not null) throw new NotebookException(notebookError, path);
        string[] tail;
        lock (stderrTail) tail = runtimeMessage is null || stderrTail.Any(l => runtimeMessage.StartsWith(l, StringComparison.Ordinal) && l.Length > 0) ? [.. stderrTail] : [runtimeMessage, "…", .. stderrTail];
        if (!ended && kernelEnded is null)
            kernelEnded = running is { } r
                ? $"cell {r} (`{notebook.Cells[r - 1].FirstLine}`) ended the kernel process ({HowItEnded(process.ExitCode, tail)}); the cells after it were not run"
                : $"the kernel process ended before the first cell ({HowItEnded(process.ExitCode, tail)})";
        return Assemble(name, notebook, finished, running, kernelEnded, ended, process.ExitCode, tail, clock.Elapsed.TotalMilliseconds, firstCellMs);
    }

    private static NotebookRun Assemble(string name, NotebookDocument notebook, Dictionary<int, (NotebookCell Cell, CellRun Run)> finished, int? running,
        string? kernelEnded, bool ended, int exitCode, string[] stderrTail, double totalMs, double? firstCellMs)
    {
        var cells = new List<NotebookCell>(notebook.Cells.Count);
        var runs = new List<CellRun>();
        var checks = new List<CheckRecord>();
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            int position = i + 1;
            if (cell.Kind != CellKind.Code)
            {
                cells.Add(cell);
                continue;
            }
            if (finished.TryGetValue(position, out var done))
            {
                cells.Add(done.Cell);
                runs.Add(done.Run);
                checks.AddRange(CheckRecord.FromOutputs(name, position, done.Cell.Outputs));
            }
            else if (!ended && position == running)
            {
                var error = new ErrorOutput(KernelProcessEnded, $"The kernel process ended while this cell ran: {HowItEnded(exitCode, stderrTail)}.",
                    ["The kernel runs in a child process of ironnb, so the cells before this one, the report and the JSON are kept.", "Last lines of the kernel's stderr:", .. stderrTail]);
                cells.Add(cell with { Outputs = [error], ExecutionCount = null });
                runs.Add(new CellRun(position, cell.FirstLine, CellRunStatus.Failed, 0, error));
            }
            else if (!cell.IsCSharp)
            {
                cells.Add(cell);
                runs.Add(new CellRun(position, cell.FirstLine, CellRunStatus.OtherKernel, 0, null));
            }
            else
            {
                cells.Add(cell with { Outputs = [], ExecutionCount = null });
                runs.Add(new CellRun(position, cell.FirstLine, CellRunStatus.NotRun, 0, null));
            }
        }
        return new NotebookRun(name, notebook.WithCells(cells), runs, checks, totalMs, firstCellMs, kernelEnded);
    }

    private static bool IsRuntimeMessage(string line) => line.StartsWith("Stack overflow", StringComparison.Ordinal)
        || line.StartsWith("Unhandled exception.", StringComparison.Ordinal) || line.StartsWith("Process terminated.", StringComparison.Ordinal);

    /// <summary>How a kernel process ended, in words: its exit code or signal and the runtime's own last message.</summary>
    internal static string HowItEnded(int exitCode, IReadOnlyList<string> stderrTail)
    {
        string how = exitCode switch
        {
            134 => "aborted (SIGABRT, exit code 134)",
            137 => "killed (SIGKILL, exit code 137)",
            139 => "crashed (SIGSEGV, exit code 139)",
            _ => $"exit code {exitCode}",
        };
        // The runtime's own words, when it left any: "Stack overflow.", "Unhandled exception. …", "Process terminated. …".
        int at = stderrTail.ToList().FindIndex(l => IsRuntimeMessage(l));
        string? reason = at < 0 ? null
            : stderrTail[at] == "Process terminated." && at + 1 < stderrTail.Count ? $"Process terminated. {stderrTail[at + 1].Trim()}" : stderrTail[at];
        if (reason is null && exitCode is not (134 or 137 or 139)) reason = "the cell ended the process, e.g. with Environment.Exit";
        return reason is null ? how : $"{how}: {reason.Trim().TrimEnd('.')}";
    }
}

/// <summary>How to start a kernel host: a program and the arguments before <see cref="KernelHost.Verb"/>.</summary>
/// <param name="Program">Executable (the <c>ironnb</c> apphost, or <c>dotnet</c>).</param>
/// <param name="Arguments">Leading arguments (the path of ironnb.dll when <paramref name="Program"/> is dotnet).</param>
public sealed record KernelHostCommand(string Program, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// The <c>ironnb</c> beside the running program: this process itself when it is the ironnb apphost, else
    /// <c>dotnet ironnb.dll</c> from <see cref="AppContext.BaseDirectory"/> (tests, <c>dotnet ironnb.dll</c>).
    /// </summary>
    /// <exception cref="NotebookException">No ironnb is beside the running program.</exception>
    public static KernelHostCommand Ironnb()
    {
        string? self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "ironnb") return new KernelHostCommand(self, []);
        string dll = Path.Combine(AppContext.BaseDirectory, "ironnb.dll");
        if (!File.Exists(dll)) throw new NotebookException($"No ironnb.dll beside {AppContext.BaseDirectory} to run the notebook's kernel in.");
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h ? h
            : self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
        return new KernelHostCommand(dotnet, [dll]);
    }
}
