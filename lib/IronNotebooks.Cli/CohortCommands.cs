using System.CommandLine;
using System.Globalization;
using IronNotebooks.Cohorts;
using Spectre.Console;

namespace IronNotebooks.Cli;

/// <summary>The `ironnb cohort run | status | merge | validate` verbs: thin clients of <see cref="CohortRun"/> and <see cref="CohortValidation"/>.</summary>
public static class CohortCommands
{
    /// <summary>Builds `cohort`.</summary>
    public static Command Build(TextWriter output)
    {
        var cohort = new Command("cohort", "A manifest of exams: measure all (parallel, resumable, shardable), check progress, merge shards, validate against a reference.");
        cohort.Subcommands.Add(BuildRun(output));
        cohort.Subcommands.Add(BuildStatus(output));
        cohort.Subcommands.Add(BuildMerge(output));
        cohort.Subcommands.Add(BuildValidate(output));
        return cohort;
    }

    private static Command BuildRun(TextWriter output)
    {
        var manifest = new Argument<FileInfo>("MANIFEST") { Description = "CSV with columns exam, folder (absolute or relative to the CSV), optional rois; other columns are kept as covariates." };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "Run folder (new or empty; with --resume the folder of the interrupted run).", Required = true };
        var jobs = new Option<int?>("--jobs") { Description = "Exams measured at once (default: number of cores)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out: exams already in its journal are not measured again." };
        var shard = new Option<string?>("--shard") { Description = "K/N: measure only the exams at manifest positions i with i mod N = K−1 (a Slurm array task); merge the shard folders with `cohort merge`." };
        var methods = new Option<string?>("--methods") { Description = "Comma-separated methods: r2star, r2, sir, fatwater (default all; fatwater runs on chemical-shift series)." };
        var models = new Option<string?>("--models") { Description = "Comma-separated R2* decay models (default rician,secondmoment with an air ROI, else arlo)." };
        var calibrations = new Option<string?>("--calibrations") { Description = "Comma-separated R2* calibrations (default all valid at each exam's field)." };
        var json = new Option<bool>("--json") { Description = "Print the run summary as JSON (outDir, exams, measured, resumed, failedExams, rows, failedRows, missing, files, durationMs)." };
        var run = new Command("run", "Measure every exam of a manifest into DIR/results.csv (long), results-wide.csv and results.jsonl; one failing exam is recorded and the run goes on.")
            { manifest, outDir, jobs, resume, shard, methods, models, calibrations, json };
        run.SetAction(p => Run(p.GetValue(manifest)!, p.GetValue(outDir)!, p.GetValue(jobs), p.GetValue(resume), p.GetValue(shard), p.GetValue(methods),
            p.GetValue(models), p.GetValue(calibrations), p.GetValue(json), output));
        return run;
    }

    private static int Run(FileInfo manifestFile, DirectoryInfo outDir, int? jobs, bool resume, string? shardText, string? methods, string? models, string? calibrations,
        bool json, TextWriter output)
    {
        if (jobs is int j && (j < 1 || j > 256)) throw new BadInputException($"--jobs {j} is outside 1…256.");
        CohortShard shard;
        try { shard = shardText is null ? CohortShard.All : CohortShard.Parse(shardText); }
        catch (ArgumentException e) { throw new BadInputException(e.Message); }
        var options = CohortRunOptions.Default with
        {
            Jobs = jobs ?? Environment.ProcessorCount, Resume = resume, Shard = shard,
            Measurement = ExamCommands.Options(methods, models, calibrations),
        };
        var manifest = CohortManifest.Read(manifestFile.FullName);
        CohortRunResult result;
        if (!json && !Console.IsErrorRedirected && ReferenceEquals(output, Console.Out))
        {
            // People at a terminal: a progress bar with ETA on stderr.
            result = null!;
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn()).Start(context =>
            {
                var task = context.AddTask($"cohort {shard}", maxValue: Math.Max(1, manifest.Rows.Count(r => shard.Contains(r.Index))));
                result = CohortRun.Run(manifest, outDir.FullName, options, new SyncProgress<CohortProgress>(p => task.Value = p.Done));
            });
        }
        else
        {
            var gate = new object();
            result = CohortRun.Run(manifest, outDir.FullName, options, json ? null : new SyncProgress<CohortProgress>(p =>
            {
                lock (gate) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{p.Done}/{p.Total}] {p.Exam} {(p.Failed ? "with failures" : "ok")} {p.DurationMs:0} ms"));
            }));
        }
        if (json)
        {
            output.WriteLine(CliJson.Serialize(result));
            return ExitCodes.Success;
        }
        double minutes = result.DurationMs / 60000;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Exams} exam(s): {result.Measured} measured, {result.Resumed} already done; {result.FailedExams} failed exam(s), {result.FailedRows} failed row(s) of {result.Rows}; {(result.Measured > 0 && minutes > 0 ? $"{result.Measured / minutes:0.#} exams/min" : "")} → {result.OutDir}"));
        foreach (var f in result.Files) output.WriteLine($"  {f}");
        return ExitCodes.Success;
    }

    private static Command BuildStatus(TextWriter output)
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "A cohort run folder." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var status = new Command("status", "Progress of a cohort run folder: finished, failed, remaining.") { dir, json };
        status.SetAction(p =>
        {
            var s = CohortRun.Status(p.GetValue(dir)!.FullName);
            if (p.GetValue(json)) output.WriteLine(CliJson.Serialize(s));
            else
            {
                output.WriteLine($"shard {s.Shard}: {s.Finished} of {s.Exams} exam(s) finished, {s.Remaining.Count} remaining, {s.FailedExams.Count} failed as a whole, {s.ExamsWithFailedRows} with failed method rows; results.csv {(s.ResultsWritten ? "written" : "not yet written")}");
                foreach (var f in s.FailedExams) output.WriteLine($"  failed: {f}");
                if (s.Remaining.Count > 0) output.WriteLine($"  remaining: {string.Join(", ", s.Remaining.Take(20))}{(s.Remaining.Count > 20 ? ", …" : "")}");
            }
            return ExitCodes.Success;
        });
        return status;
    }

    private static Command BuildMerge(TextWriter output)
    {
        var dirs = new Argument<DirectoryInfo[]>("DIR") { Description = "Run folders of the shards (same manifest).", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<DirectoryInfo>("--out") { Description = "New or empty folder for the merged run.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var merge = new Command("merge", "Merge shard run folders into one run folder (journal, results.csv, results-wide.csv, results.jsonl).") { dirs, outDir, json };
        merge.SetAction(p =>
        {
            var r = CohortRun.Merge([.. p.GetValue(dirs)!.Select(d => d.FullName)], p.GetValue(outDir)!.FullName);
            if (p.GetValue(json)) output.WriteLine(CliJson.Serialize(r));
            else
            {
                output.WriteLine($"{r.Exams} exam(s) in the manifest, {r.Resumed} merged, {r.Missing.Count} missing → {r.OutDir}");
                if (r.Missing.Count > 0) output.WriteLine($"warning: no shard has {string.Join(", ", r.Missing)}");
            }
            return ExitCodes.Success;
        });
        return merge;
    }

    private static Command BuildValidate(TextWriter output)
    {
        var dir = new Argument<DirectoryInfo>("DIR") { Description = "A cohort run folder (or a merged one)." };
        var reference = new Option<string>("--reference") { Description = "Manifest column with the reference LIC, µmol/g (biopsy, or the simulated truth).", Required = true };
        var threshold = new Option<double[]>("--threshold") { Description = "Threshold on the reference, µmol/g (repeat: --threshold 80 --threshold 36).", Required = true };
        var html = new Option<FileInfo?>("--html") { Description = "Write one offline HTML report (table, ROC, Bland–Altman and method-comparison figures)." };
        var json = new Option<bool>("--json") { Description = "Print the validation as JSON (reference, thresholdsUmolPerGram, methods[] with n, censored, failed, errors, Bland–Altman, Deming, Passing–Bablok, kappa, thresholds[] with AUC, DeLong CI, cut-offs, sensitivity/specificity and exact CIs)." };
        var validate = new Command("validate", "Every method of a cohort against a reference column: ROC/DeLong, cut-offs, diagnostic tables, Bland–Altman (log), Deming/Passing–Bablok, weighted kappa; censored outcomes ranked highest.")
            { dir, reference, threshold, html, json };
        validate.SetAction(p =>
        {
            var table = CohortTable.Load(p.GetValue(dir)!.FullName);
            var result = CohortValidation.Validate(table, p.GetValue(reference)!, p.GetValue(threshold) ?? []);
            if (p.GetValue(html) is { } h)
            {
                if (h.Directory is { Exists: false }) throw new BadInputException($"--html: folder '{h.DirectoryName}' does not exist.");
                string? js = IronNotebooks.Plotting.Plotly.PlotlyJs.Locate() is { } path ? File.ReadAllText(path) : null;
                AtomicFile.WriteAllText(h.FullName, CohortValidation.ToHtml(result, table, js));
            }
            if (p.GetValue(json))
            {
                output.WriteLine(CliJson.Serialize(result));
                return ExitCodes.Success;
            }
            string F(double? v, int d) => v is double x && double.IsFinite(x) ? x.ToString("F" + d, CultureInfo.InvariantCulture) : "–";
            output.WriteLine($"{result.Exams} exam(s) against {result.Reference}");
            output.WriteLine($"{"method",-44} {"n",4} {"cens",4} {"fail",4} {"mean err",9} {"RMS err",8} {"med|err|%",9} {"BA ratio",8} {"κ",6}  " + string.Join("  ", result.ThresholdsUmolPerGram.Select(t => $"AUC>{t:0} (CI)".PadRight(20))));
            foreach (var m in result.Methods)
                output.WriteLine($"{m.Key,-44} {m.N,4} {m.Censored,4} {m.Failed,4} {F(m.MeanErrorUmolPerGram, 1),9} {F(m.RmsErrorUmolPerGram, 1),8} {F(m.MedianAbsoluteErrorPercent, 1),9} {F(m.BlandAltmanRatio, 3),8} {F(m.WeightedKappa, 3),6}  "
                    + string.Join("  ", m.Thresholds.Select(t => $"{F(t.Auc, 3)} ({F(t.AucCiLow, 2)}–{F(t.AucCiHigh, 2)})".PadRight(20))));
            foreach (var f in result.FatFraction)
                output.WriteLine($"PDFF {f.Key} against {f.Reference}: n {f.N}, failed {f.Failed}, mean error {F(f.MeanErrorPercentPoints, 2)} points, RMS {F(f.RmsErrorPercentPoints, 2)}, max |error| {F(f.MaxAbsoluteErrorPercentPoints, 2)}"
                    + (f.BlandAltman is { } ba ? $", limits of agreement {F(ba.LowerLimit, 2)} to {F(ba.UpperLimit, 2)} points" : ""));
            foreach (var n in result.Notes) output.WriteLine($"note: {n}");
            return ExitCodes.Success;
        });
        return validate;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and print after the run).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
