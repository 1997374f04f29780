using System.Diagnostics;
using System.Text;
using System.Text.Json;
using IronNotebooks.Exams;

namespace IronNotebooks.Cohorts;

/// <summary>
/// Measures every exam of a manifest (<see cref="ExamMeasurement"/>), in parallel, committing each finished exam to the
/// run folder's journal (<see cref="CohortJournal"/>) so a killed run resumes where it stopped; a failing exam is
/// recorded with its reason and the run goes on. The run folder gets `manifest.csv` (a copy), `run.json`, `journal.jsonl`
/// and, at the end, `results.csv` (long: exam × method), `results-wide.csv` (one row per exam) and `results.jsonl`, each
/// written atomically. Outputs are ordered by manifest position, never by finishing order, so reruns, resumed runs and
/// merged shards give the same bytes.
/// </summary>
public static class CohortRun
{
    /// <summary>File names inside a run folder.</summary>
    public const string ResultsCsv = "results.csv", ResultsWideCsv = "results-wide.csv", ResultsJsonl = "results.jsonl",
        ManifestCopy = "manifest.csv", RunInfo = "run.json";

    /// <summary>Runs (or resumes) the cohort into <paramref name="outDir"/>.</summary>
    /// <exception cref="ExamException">The folder already holds another run (without <see cref="CohortRunOptions.Resume"/>),
    /// holds a run of another manifest or shard, or lies inside an exam folder.</exception>
    public static CohortRunResult Run(CohortManifest manifest, string outDir, CohortRunOptions? options = null,
        IProgress<CohortProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(manifest);
        options ??= CohortRunOptions.Default;
        Guard.InRange(options.Jobs, 1, 256, nameof(options.Jobs));
        var clock = Stopwatch.StartNew();
        string dir = Path.GetFullPath(Guard.NotNull(outDir));
        foreach (var row in manifest.Rows)
            if (IsInside(dir, row.Folder)) throw new ExamException($"the output folder lies inside the exam folder of '{row.Exam}' ({row.Folder}); outputs never go into input folders.", dir);
        string manifestText = File.ReadAllText(manifest.Path);
        string runInfo = RunInfoJson(options);
        bool existing = File.Exists(Path.Combine(dir, CohortJournal.FileName));
        if (existing && !options.Resume)
            throw new ExamException($"already holds a cohort run ({CohortJournal.FileName}); use --resume to continue it, or choose another --out.", dir);
        if (existing)
        {
            if (!File.Exists(Path.Combine(dir, ManifestCopy)) || File.ReadAllText(Path.Combine(dir, ManifestCopy)) != manifestText)
                throw new ExamException($"the run there was started from another manifest (its {ManifestCopy} differs from {manifest.Path}); resume with the same manifest or choose another --out.", dir);
            if (File.Exists(Path.Combine(dir, RunInfo)) && File.ReadAllText(Path.Combine(dir, RunInfo)) != runInfo)
                throw new ExamException($"the run there used other options or another shard ({RunInfo}: {File.ReadAllText(Path.Combine(dir, RunInfo)).Trim()}); resume with the same options.", dir);
        }
        else if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
            throw new ExamException("the output folder exists and is not empty; a cohort run needs a new or empty folder.", dir);
        Directory.CreateDirectory(dir);
        if (!existing)
        {
            AtomicFile.WriteAllText(Path.Combine(dir, ManifestCopy), manifestText);
            AtomicFile.WriteAllText(Path.Combine(dir, RunInfo), runInfo);
        }

        var mine = manifest.Rows.Where(r => options.Shard.Contains(r.Index)).ToList();
        int measured = 0, resumed;
        using (var journal = CohortJournal.Open(dir))
        {
            var done = journal.Entries.Select(e => e.Exam).ToHashSet(StringComparer.Ordinal);
            var pending = mine.Where(r => !done.Contains(r.Exam)).ToList();
            resumed = mine.Count - pending.Count;
            int finished = resumed;
            Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(pending, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = options.Jobs, CancellationToken = cancellationToken }, row =>
                {
                    var entry = MeasureOne(row, options.Measurement);
                    journal.Append(entry);
                    int n = Interlocked.Increment(ref finished);
                    Interlocked.Increment(ref measured);
                    progress?.Report(new CohortProgress(row.Exam, n, mine.Count, entry.Error is not null || entry.Rows.Any(x => x.Status == MeasurementStatus.Failed), entry.DurationMs));
                });
        }
        var entries = CohortJournal.Read(dir);
        var files = WriteOutputs(dir, manifest, mine, entries);
        return Summary(dir, mine, entries, measured, resumed, files, clock);
    }

    /// <summary>Measures one exam; any failure of the exam as a whole becomes one failed row with the reason.</summary>
    public static CohortJournalEntry MeasureOne(CohortManifestRow row, ExamMeasurementOptions options)
    {
        Guard.NotNull(row);
        var clock = Stopwatch.StartNew();
        try
        {
            var result = ExamMeasurement.Measure(row.Folder, row.Rois, options, row.Exam);
            return new CohortJournalEntry { Exam = row.Exam, Index = row.Index, Rows = result.Rows, DurationMs = clock.Elapsed.TotalMilliseconds };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            string error = $"{e.GetType().Name}: {e.Message}";
            return new CohortJournalEntry
            {
                Exam = row.Exam, Index = row.Index, Error = error, DurationMs = clock.Elapsed.TotalMilliseconds,
                Rows = [new ExamMeasurementRow { Exam = row.Exam, Method = "exam", Model = "", Calibration = "", Status = MeasurementStatus.Failed, Error = error,
                    Warnings = [], Series = [], Files = 0, EchoTimesMs = [] }],
            };
        }
    }

    /// <summary>
    /// Merges the run folders of shards (same manifest) into <paramref name="outDir"/>: one journal in manifest order and
    /// the result tables. Exams missing from every shard are listed in <see cref="CohortRunResult.Missing"/>.
    /// </summary>
    /// <exception cref="ExamException">No folders, a folder that is not a run, runs of different manifests, or one exam in two shards with different rows.</exception>
    public static CohortRunResult Merge(IReadOnlyList<string> runDirs, string outDir)
    {
        Guard.NotNull(runDirs);
        var clock = Stopwatch.StartNew();
        if (runDirs.Count == 0) throw new ExamException("no run folders to merge.");
        string? manifestText = null;
        string? manifestFrom = null;
        var byExam = new Dictionary<string, (CohortJournalEntry Entry, string Dir)>(StringComparer.Ordinal);
        foreach (var d in runDirs.Select(Path.GetFullPath))
        {
            string copy = Path.Combine(d, ManifestCopy);
            if (!File.Exists(copy) || !File.Exists(Path.Combine(d, CohortJournal.FileName)))
                throw new ExamException($"not a cohort run folder (no {ManifestCopy} or {CohortJournal.FileName}).", d);
            string text = File.ReadAllText(copy);
            if (manifestText is null) (manifestText, manifestFrom) = (text, d);
            else if (text != manifestText) throw new ExamException($"was run from another manifest than {manifestFrom}; only shards of one manifest merge.", d);
            foreach (var e in CohortJournal.Read(d))
            {
                if (byExam.TryGetValue(e.Exam, out var other))
                {
                    if (ExamMeasurementCsv.ToCsv(other.Entry.Rows) != ExamMeasurementCsv.ToCsv(e.Rows))
                        throw new ExamException($"exam '{e.Exam}' is in {other.Dir} and {d} with different results.", d);
                    continue;
                }
                byExam[e.Exam] = (e, d);
            }
        }
        string dir = Path.GetFullPath(outDir);
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
            throw new ExamException("the merge output folder exists and is not empty.", dir);
        Directory.CreateDirectory(dir);
        string manifestPath = Path.Combine(dir, ManifestCopy);
        AtomicFile.WriteAllText(manifestPath, manifestText!);
        // Relative folders in the copied manifest resolve against the original manifest's folder; read rows without checking folders.
        var rows = ManifestRowsOf(manifestPath, manifestFrom!);
        var entries = rows.Where(r => byExam.ContainsKey(r.Exam)).Select(r => byExam[r.Exam].Entry).ToList();
        AtomicFile.WriteAllText(Path.Combine(dir, CohortJournal.FileName),
            string.Concat(entries.Select(e => JsonSerializer.Serialize(e, CohortJson.Options) + "\n")));
        AtomicFile.WriteAllText(Path.Combine(dir, RunInfo), File.ReadAllText(Path.Combine(manifestFrom!, RunInfo)));
        var files = WriteOutputs(dir, rows, entries);
        var result = Summary(dir, rows, entries, 0, entries.Count, files, clock);
        return result;
    }

    /// <summary>Progress of a run folder: exams of its shard, finished, failed, still to do.</summary>
    /// <exception cref="ExamException">Not a run folder.</exception>
    public static CohortStatus Status(string runDir)
    {
        string dir = Path.GetFullPath(Guard.NotNull(runDir));
        if (!File.Exists(Path.Combine(dir, ManifestCopy)) || !File.Exists(Path.Combine(dir, RunInfo)))
            throw new ExamException($"not a cohort run folder (no {ManifestCopy} or {RunInfo}).", dir);
        var info = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, RunInfo))).RootElement;
        var shard = CohortShard.Parse(info.GetProperty("shard").GetString()!);
        var rows = ManifestRowsOf(Path.Combine(dir, ManifestCopy), dir).Where(r => shard.Contains(r.Index)).ToList();
        var entries = CohortJournal.Read(dir);
        var done = entries.Select(e => e.Exam).ToHashSet(StringComparer.Ordinal);
        return new CohortStatus
        {
            OutDir = dir,
            Shard = shard.ToString(),
            Exams = rows.Count,
            Finished = entries.Count,
            FailedExams = [.. entries.Where(e => e.Error is not null).Select(e => $"{e.Exam}: {e.Error}")],
            ExamsWithFailedRows = entries.Count(e => e.Error is null && e.Rows.Any(r => r.Status == MeasurementStatus.Failed)),
            Remaining = [.. rows.Where(r => !done.Contains(r.Exam)).Select(r => r.Exam)],
            ResultsWritten = File.Exists(Path.Combine(dir, ResultsCsv)),
            MeanExamMs = entries.Count > 0 ? entries.Average(e => e.DurationMs) : null,
        };
    }

    /// <summary>Manifest rows of a copied manifest (no folder checks: the run already validated them).</summary>
    internal static IReadOnlyList<CohortManifestRow> ManifestRowsOf(string manifestCopy, string _)
    {
        var table = CsvTable.Read(manifestCopy);
        var covariates = table.Headers.Where(h => h is not ("exam" or "folder" or "rois")).ToList();
        return [.. Enumerable.Range(0, table.RowCount).Select(i => new CohortManifestRow
        {
            Exam = table.Cell(i, "exam").Trim(), Folder = table.Cell(i, "folder").Trim(), Index = i, Line = table.LineOf(i),
            Covariates = covariates.ToDictionary(c => c, c => table.Cell(i, c).Trim(), StringComparer.Ordinal),
        })];
    }

    private static IReadOnlyList<string> WriteOutputs(string dir, CohortManifest manifest, IReadOnlyList<CohortManifestRow> mine, IReadOnlyList<CohortJournalEntry> entries) =>
        WriteOutputs(dir, mine, entries);

    private static IReadOnlyList<string> WriteOutputs(string dir, IReadOnlyList<CohortManifestRow> mine, IReadOnlyList<CohortJournalEntry> entries)
    {
        var byExam = entries.GroupBy(e => e.Exam).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var ordered = mine.Where(r => byExam.ContainsKey(r.Exam)).Select(r => (Row: r, Entry: byExam[r.Exam])).ToList();
        var table = new CohortTable(ordered.SelectMany(x => x.Entry.Rows).ToList(),
            ordered.ToDictionary(x => x.Row.Exam, x => x.Row.Covariates, StringComparer.Ordinal),
            mine.FirstOrDefault()?.Covariates.Keys.ToList() ?? []);
        string csv = Path.Combine(dir, ResultsCsv), wide = Path.Combine(dir, ResultsWideCsv), jsonl = Path.Combine(dir, ResultsJsonl);
        AtomicFile.WriteAllText(csv, ExamMeasurementCsv.ToCsv(table));
        AtomicFile.WriteAllText(wide, table.ToWideCsv());
        var sb = new StringBuilder();
        foreach (var r in table) sb.Append(JsonSerializer.Serialize(r, CohortJson.Options)).Append('\n');
        AtomicFile.WriteAllText(jsonl, sb.ToString());
        return [csv, wide, jsonl];
    }

    private static CohortRunResult Summary(string dir, IReadOnlyList<CohortManifestRow> mine, IReadOnlyList<CohortJournalEntry> entries, int measured, int resumed,
        IReadOnlyList<string> files, Stopwatch clock)
    {
        var names = mine.Select(r => r.Exam).ToHashSet(StringComparer.Ordinal);
        var have = entries.Where(e => names.Contains(e.Exam)).ToList();
        var haveNames = have.Select(e => e.Exam).ToHashSet(StringComparer.Ordinal);
        return new CohortRunResult
        {
            OutDir = dir, Exams = mine.Count, Measured = measured, Resumed = resumed,
            FailedExams = have.Count(e => e.Error is not null),
            Rows = have.Sum(e => e.Rows.Count),
            FailedRows = have.Sum(e => e.Rows.Count(r => r.Status == MeasurementStatus.Failed)),
            Missing = [.. mine.Where(r => !haveNames.Contains(r.Exam)).Select(r => r.Exam)],
            Files = files,
            DurationMs = clock.Elapsed.TotalMilliseconds,
        };
    }

    private static string RunInfoJson(CohortRunOptions o) => JsonSerializer.Serialize(new
    {
        shard = o.Shard.ToString(),
        methods = o.Measurement.Methods,
        r2StarModels = o.Measurement.R2StarModels,
        r2StarCalibrations = o.Measurement.R2StarCalibrations,
        spinEchoModel = o.Measurement.SpinEchoModel,
    }, CohortJson.Options) + "\n";

    private static bool IsInside(string path, string folder)
    {
        string f = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        return (Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar).StartsWith(f, StringComparison.Ordinal);
    }
}
