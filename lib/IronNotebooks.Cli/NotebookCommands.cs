using System.CommandLine;
using System.Globalization;
using IronNotebooks.Notebooks;
using IronNotebooks.Notebooks.Documents;
using IronNotebooks.Notebooks.Kernel;
using IronNotebooks.Notebooks.Reports;
using IronNotebooks.Notebooks.Running;
using Spectre.Console;

namespace IronNotebooks.Cli;

/// <summary>
/// `ironnb run` and `ironnb reproduce`: notebooks run headless in the Roslyn kernel against the library built from
/// this repository. A failed cell or a check of a published figure outside its tolerance gives exit code 1 and a
/// message naming the cell; an unreadable notebook or bad argument gives 2.
/// </summary>
public static class NotebookCommands
{
    /// <summary>JSON shape of one cell in `run` / `reproduce`.</summary>
    public sealed record CellReport(int Cell, string FirstLine, string Status, double DurationMs, string? EName, string? EValue);

    /// <summary>JSON shape of `run` and of each notebook in `reproduce`.</summary>
    public sealed record RunReport(string Notebook, bool Succeeded, int CodeCells, int FailedCells, int ChecksMatched, int ChecksDiffering, double TotalMs,
        double? FirstCellMs, string? Executed, string? Report, IReadOnlyList<CellReport> Cells, IReadOnlyList<CheckRecord> Checks, IReadOnlyList<string> Warnings,
        string? KernelEnded = null);

    /// <summary>JSON shape of `reproduce`.</summary>
    public sealed record ReproduceReport(string NotebooksFolder, string Out, int Notebooks, int FailedNotebooks, int Checks, int ChecksDiffering, double TotalMs,
        IReadOnlyList<RunReport> Runs);

    /// <summary>Builds `run` and `reproduce`.</summary>
    public static IEnumerable<Command> Build(TextWriter output) => [BuildRun(output), BuildReproduce(output)];

    private static Option<double?> TimeoutOption() => new("--timeout") { Description = "Longest a cell may run, in seconds (default: no limit). A cell that times out ends the run." };

    private static Command BuildRun(TextWriter output)
    {
        var notebook = new Argument<FileInfo>("NOTEBOOK") { Description = "A Polyglot notebook (.ipynb or .dib) with C# cells." };
        var outFile = new Option<string?>("--out") { Description = "Write the executed notebook (outputs and execution counts) to this .ipynb or .dib file." };
        var html = new Option<string?>("--html") { Description = "Write an HTML report that opens offline (plotly.js inlined once; see environment/fetch-plotly.sh)." };
        var timeout = TimeoutOption();
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var run = new Command("run", "Run every cell of a notebook headless; exit 1 naming the cell if any cell fails or a published-figure check differs.")
            { notebook, outFile, html, timeout, json };
        run.SetAction(p => Run(p.GetValue(notebook)!, p.GetValue(outFile), p.GetValue(html), p.GetValue(timeout), p.GetValue(json), output,
            p.InvocationConfiguration.Error));
        return run;
    }

    private static Command BuildReproduce(TextWriter output)
    {
        var notebooks = new Option<DirectoryInfo>("--notebooks") { Description = "Folder of curated notebooks (*.ipynb; default ./notebooks).", DefaultValueFactory = _ => new DirectoryInfo("notebooks") };
        var outDir = new Option<string>("--out") { Description = "Folder for the executed notebooks and HTML reports (default out/reproduce).", DefaultValueFactory = _ => Path.Combine("out", "reproduce") };
        var timeout = TimeoutOption();
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var reproduce = new Command("reproduce", "Run all curated notebooks, write executed notebooks and reports, and summarise their checks of published figures.")
            { notebooks, outDir, timeout, json };
        reproduce.SetAction(p => Reproduce(p.GetValue(notebooks)!, p.GetValue(outDir)!, p.GetValue(timeout), p.GetValue(json), output, p.InvocationConfiguration.Error));
        return reproduce;
    }

    private static KernelOptions Options(double? timeoutSeconds)
    {
        if (timeoutSeconds is { } t && !(t > 0)) throw new BadInputException($"--timeout {t.ToString(CultureInfo.InvariantCulture)}: give a number of seconds above 0.");
        return KernelOptions.Default with { CellTimeout = timeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : null };
    }

    private static int Run(FileInfo notebook, string? outFile, string? html, double? timeout, bool json, TextWriter output, TextWriter error)
    {
        var options = Options(timeout);
        if (!notebook.Exists) throw new FileNotFoundException($"Notebook '{notebook.FullName}' does not exist.");
        var report = Execute(notebook.FullName, outFile, html, options);
        if (json) output.WriteLine(CliJson.Serialize(report));
        else
        {
            output.WriteLine(Summary(report));
            foreach (var c in report.Checks) output.WriteLine(CheckLine(c));
            if (report.Executed is not null) output.WriteLine($"executed notebook: {report.Executed}");
            if (report.Report is not null) output.WriteLine($"report: {report.Report}");
        }
        foreach (var w in report.Warnings) error.WriteLine($"warning: {w}");
        return Failures(report, error) ? ExitCodes.InternalFailure : ExitCodes.Success;
    }

    private static int Reproduce(DirectoryInfo folder, string outDir, double? timeout, bool json, TextWriter output, TextWriter error)
    {
        var options = Options(timeout);
        if (!folder.Exists) throw new BadInputException($"No notebooks folder at '{folder.FullName}'; run from the repository root or give --notebooks DIR.");
        var files = folder.GetFiles("*.ipynb").Select(f => f.FullName).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new BadInputException($"'{folder.FullName}' holds no .ipynb notebooks.");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var runs = new List<RunReport>();
        void RunAll(Action<string, int, int>? progress)
        {
            foreach (var file in files)
            {
                string stem = Path.GetFileNameWithoutExtension(file);
                runs.Add(Execute(file, Path.Combine(outDir, stem + ".ipynb"), Path.Combine(outDir, stem + ".html"), options,
                    progress is null ? null : (done, all) => progress(Path.GetFileName(file), done, all)));
            }
        }
        if (json || Console.IsErrorRedirected) RunAll(null);
        else
        {
            // A progress bar on stderr for people at a terminal: one task per notebook, advanced cell by cell.
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
            console.Progress().Start(context =>
            {
                var tasks = files.ToDictionary(f => Path.GetFileName(f), f => context.AddTask(Path.GetFileName(f), autoStart: false, maxValue: 1));
                RunAll((name, done, all) =>
                {
                    var task = tasks[name];
                    task.StartTask();
                    task.Value = all == 0 ? 1 : (double)done / all;
                });
            });
        }
        var summary = new ReproduceReport(folder.FullName, Path.GetFullPath(outDir), runs.Count, runs.Count(r => !r.Succeeded),
            runs.Sum(r => r.Checks.Count), runs.Sum(r => r.ChecksDiffering), clock.Elapsed.TotalMilliseconds, runs);
        if (json) output.WriteLine(CliJson.Serialize(summary));
        else WriteTable(summary, output);
        bool failed = false;
        foreach (var r in runs)
        {
            foreach (var w in r.Warnings) error.WriteLine($"warning: {r.Notebook}: {w}");
            failed |= Failures(r, error);
        }
        return failed ? ExitCodes.InternalFailure : ExitCodes.Success;
    }

    private static RunReport Execute(string path, string? outFile, string? html, KernelOptions options, Action<int, int>? progress = null)
    {
        NotebookRun run;
        try
        {
            // The kernel runs in a child process: a cell that exits, aborts or overflows the stack ends only that process.
            run = IsolatedNotebookRunner.RunFile(path, KernelHostCommand.Ironnb(), options.CellTimeout, progress);
        }
        catch (NotebookException e)
        {
            throw new BadInputException($"{Path.GetFileName(path)}: {e.Message}");
        }
        var warnings = new List<string>();
        if (options.Packages.Count == 0) warnings.Add("IronNotebooks.dll was not found beside ironnb; #r \"nuget: IronNotebooks\" cells will fail.");
        warnings.AddRange(run.Cells.Where(c => c.Status == CellRunStatus.OtherKernel).Select(c => $"cell {c.Cell} is not C# and was not run"));
        if (outFile is not null) NotebookFile.Save(run.Executed, outFile);
        if (html is not null) warnings.AddRange(HtmlReport.Write(run, html, IronNotebooks.Plotting.Plotly.PlotlyJs.Locate()));
        return new RunReport(run.Name, run.Succeeded && run.Checks.All(c => c.Matches), run.Cells.Count, run.Failed.Count, run.Checks.Count(c => c.Matches),
            run.Checks.Count(c => !c.Matches), Math.Round(run.TotalMs, 1), run.FirstCellMs is { } f ? Math.Round(f, 1) : null,
            outFile is null ? null : Path.GetFullPath(outFile), html is null ? null : Path.GetFullPath(html),
            run.Cells.Select(c => new CellReport(c.Cell, c.FirstLine, Status(c.Status), Math.Round(c.DurationMs, 1), c.Error?.EName, c.Error?.EValue)).ToList(),
            run.Checks, warnings, run.KernelEnded);
    }

    private static string Status(CellRunStatus s) => s switch
    {
        CellRunStatus.Succeeded => "succeeded",
        CellRunStatus.Failed => "failed",
        CellRunStatus.NotRun => "notRun",
        _ => "otherKernel",
    };

    /// <summary>Writes one error line per failed cell, unrun cell and differing check; true when there was any.</summary>
    private static bool Failures(RunReport r, TextWriter error)
    {
        bool any = false;
        foreach (var c in r.Cells.Where(c => c.Status is "failed" or "notRun"))
        {
            any = true;
            error.WriteLine(c.Status == "failed"
                ? $"error: {r.Notebook}: cell {c.Cell} failed (`{Shorten(c.FirstLine)}`): {c.EName}: {c.EValue}"
                : $"error: {r.Notebook}: cell {c.Cell} was not run (`{Shorten(c.FirstLine)}`) because {r.KernelEnded ?? "an earlier cell ended the kernel"}");
        }
        foreach (var c in r.Checks.Where(c => !c.Matches))
        {
            any = true;
            error.WriteLine($"error: {r.Notebook}: cell {c.Cell}: {CheckLine(c)}");
        }
        return any;
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..77] + "...";

    private static string Summary(RunReport r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Notebook}: {r.CodeCells} code cells, {r.CodeCells - r.FailedCells} without error, {r.FailedCells} failed; {r.TotalMs / 1000:0.00} s (first cell {(r.FirstCellMs ?? 0) / 1000:0.00} s)");

    private static string CheckLine(CheckRecord c) => string.Create(CultureInfo.InvariantCulture,
        $"check {c.Quantity}: published {c.Published:G6}, reproduced {c.Reproduced:G6}{(c.Unit.Length > 0 ? " " + c.Unit : "")} (±{c.Tolerance:G6}) → {c.Verdict} [{c.Source}]");

    /// <summary>
    /// The reviewer's table (issue 9): notebook, published quantity, published value, reproduced value, verdict; sources
    /// are numbered under the table because a citation per row would not fit a terminal.
    /// </summary>
    private static void WriteChecksTable(IReadOnlyList<CheckRecord> checks, TextWriter output)
    {
        var sources = checks.Select(c => c.Source).Distinct().ToList();
        string Cell(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
        var rows = checks.Select(c => new[]
        {
            $"{Path.GetFileNameWithoutExtension(c.Notebook)} #{c.Cell}", c.Quantity, Cell(c.Published), Cell(c.Reproduced),
            c.Unit, "±" + Cell(c.Tolerance), c.Verdict, $"[{sources.IndexOf(c.Source) + 1}]",
        }).ToList();
        string[] header = ["notebook (cell)", "published quantity", "published", "reproduced", "unit", "tolerance", "verdict", "source"];
        bool[] rightAligned = [false, false, true, true, false, true, false, false];
        var widths = header.Select((h, i) => Math.Min(i == 1 ? 60 : 40, rows.Select(r => r[i].Length).Append(h.Length).Max())).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) =>
        {
            string t = c.Length <= widths[i] ? c : c[..(widths[i] - 1)] + "…";
            return rightAligned[i] ? t.PadLeft(widths[i]) : t.PadRight(widths[i]);
        })).TrimEnd();
        output.WriteLine("checks of published figures:");
        output.WriteLine(Line(header));
        foreach (var r in rows) output.WriteLine(Line(r));
        output.WriteLine("sources:");
        for (int i = 0; i < sources.Count; i++) output.WriteLine($"  [{i + 1}] {sources[i]}");
    }

    private static void WriteTable(ReproduceReport s, TextWriter output)
    {
        output.WriteLine($"{"notebook",-40} {"cells",5} {"failed",6} {"checks",7} {"differ",6} {"time s",7}");
        foreach (var r in s.Runs)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Shorten(r.Notebook),-40} {r.CodeCells,5} {r.FailedCells,6} {r.Checks.Count,7} {r.ChecksDiffering,6} {r.TotalMs / 1000,7:0.0}"));
        var checks = s.Runs.SelectMany(r => r.Checks).ToList();
        if (checks.Count > 0)
        {
            output.WriteLine();
            WriteChecksTable(checks, output);
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{s.Notebooks} notebooks, {s.FailedNotebooks} with failures, {s.Checks} checks ({s.ChecksDiffering} differ), {s.TotalMs / 1000:0.0} s; outputs in {s.Out}"));
    }
}
