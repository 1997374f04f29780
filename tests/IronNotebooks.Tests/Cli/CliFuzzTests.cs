using System.Diagnostics;
using System.Globalization;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace IronNotebooks.Tests.Cli;

/// <summary>
/// Fuzzing of the command line (issue 13): random mutations of files (truncation, bit flips, zero-filling, random
/// bytes, deletion, duplication, empty files, directory symlink loops), of folders and of arguments (numbers out of
/// range, NaN, text, malformed ROIs, outputs inside inputs or on existing files) for every data verb. For each case:
/// the exit code is 0, 1 or 2, and 1 (an internal error) is itself a failure here, since every generated input is
/// either valid or bad input; stderr carries no stack trace; a failed run leaves no output file and no temporary file;
/// no case runs longer than <see cref="CaseLimit"/>. Deterministic per seed; IRONNB_FUZZ_CASES raises the count
/// and IRONNB_FUZZ_SEED changes the sequence (the default, 60 cases, keeps the test to well under a minute on two cores).
/// </summary>
public sealed class CliFuzzTests : IClassFixture<SynthCohortFixture>, IDisposable
{
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(30);
    private readonly SynthCohortFixture _cohort;
    private readonly ITestOutputHelper _log;
    private readonly string _dir = Directory.CreateTempSubdirectory("ironnb-fuzz-").FullName;

    public CliFuzzTests(SynthCohortFixture cohort, ITestOutputHelper log)
    {
        _cohort = cohort;
        _log = log;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Numbers = ["0", "-1", "-5", "1e9", "1e308", "NaN", "Infinity", "abc", "", "0.5", "3", "1.5", "2147483648", "-0"];
    private static readonly string[] Rois = ["circle:15,29,2", "circle:15,29,0", "circle:-5,-5,2", "circle:1e9,1,1", "rect:0,0,63,63", "rect:1,1", "polygon:1,1,2,2",
        "ellipse:30,30,5,2,45", "hexagon:1,2,3", "circle:NaN,1,2", ":", "circle:", "circle:15,29,2,9"];
    private static readonly string[] Models = ["mono", "offset", "arlo", "loglinear", "truncation", "rician", "biexp", "nonsense", ""];

    private enum FileMutation { None, Truncate, FlipBytes, ZeroFill, RandomBytes, Delete, Duplicate, Empty, SymlinkLoop, ExtraJunk }

    private static void Mutate(string folder, Random random, FileMutation mutation)
    {
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) return;
        var victim = files[random.Next(files.Length)];
        switch (mutation)
        {
            case FileMutation.Truncate:
                using (var f = new FileStream(victim, FileMode.Open, FileAccess.Write)) f.SetLength(random.Next((int)Math.Max(1, f.Length)));
                break;
            case FileMutation.FlipBytes:
                var bytes = File.ReadAllBytes(victim);
                for (int i = 0; i < 1 + random.Next(16) && bytes.Length > 0; i++) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                File.WriteAllBytes(victim, bytes);
                break;
            case FileMutation.ZeroFill:
                File.WriteAllBytes(victim, new byte[new FileInfo(victim).Length]);
                break;
            case FileMutation.RandomBytes:
                var junk = new byte[random.Next(1, 9000)];
                random.NextBytes(junk);
                File.WriteAllBytes(victim, junk);
                break;
            case FileMutation.Delete:
                File.Delete(victim);
                break;
            case FileMutation.Duplicate:
                File.Copy(victim, victim + ".copy.dcm");
                break;
            case FileMutation.Empty:
                File.WriteAllBytes(victim, []);
                break;
            case FileMutation.SymlinkLoop:
                Directory.CreateSymbolicLink(Path.Combine(folder, "loop"), folder);
                break;
            case FileMutation.ExtraJunk:
                File.WriteAllText(Path.Combine(folder, "notes.txt"), "not an image");
                break;
        }
    }

    private string Pick(Random r, string[] pool) => pool[r.Next(pool.Length)];

    /// <summary>One random command over a mutated private copy of an exam; returns the args and the paths it may write.</summary>
    private (string[] Args, string? Out) Case(Random r, int n)
    {
        var root = Path.Combine(_dir, $"case{n}");
        var exam = _cohort.CopyExam("SYN-0002", root);
        var mgre = Directory.GetDirectories(exam, "*_MGRE").Single();
        var mutation = (FileMutation)r.Next(Enum.GetValues<FileMutation>().Length);
        var target = r.Next(4) == 0 ? exam : mgre;
        Mutate(target, r, mutation);
        string dir = r.Next(10) == 0 ? Path.Combine(root, "missing") : target;
        string outPath = r.Next(6) switch
        {
            0 => mgre,                                           // inside the input
            1 => Path.Combine(mgre, "map.csv"),
            2 => Path.Combine(root, "exists.txt"),               // an existing file
            3 => Path.Combine(root, "new-map"),
            4 => Path.Combine(root, "no", "such", "map.csv"),
            _ => Path.Combine(root, "map.csv"),
        };
        File.WriteAllText(Path.Combine(root, "exists.txt"), "keep");
        string slice = r.Next(3) == 0 ? Pick(r, Numbers) : "0";
        string series = r.Next(3) == 0 ? Pick(r, ["9", "999", "abc", "-1"]) : "9";
        var csv = Path.Combine(root, "t.csv");
        File.WriteAllText(csv, r.Next(3) == 0 ? "score,truth\n1,0\n2,1\nx,1\n" : "score,truth,a,b\n1,0,1,1\n2,1,2,2\n3,0,1,2\n4,1,2,2\n5,1,2,1\n0.5,0,1,1\n");
        string[] args = r.Next(12) switch
        {
            0 => ["dicom", "info", Directory.GetFiles(mgre).FirstOrDefault() ?? mgre, "--json"],
            1 => ["dicom", "tree", dir, "--json"],
            2 => ["roi", "stats", dir, "--roi", Pick(r, Rois), "--slice", slice, "--series", series, "--json"],
            3 or 4 => ["fit", dir, "--roi", Pick(r, Rois), "--slice", slice, "--series", series, "--model", Pick(r, Models), "--json"],
            5 => ["fit", "--te", string.Join(",", Enumerable.Range(0, 1 + r.Next(8)).Select(_ => Pick(r, Numbers))),
                "--signal", string.Join(",", Enumerable.Range(0, 1 + r.Next(8)).Select(_ => Pick(r, Numbers))), "--model", Pick(r, Models), "--json"],
            6 or 7 => ["map", dir, "--model", Pick(r, ["loglinear", "arlo", "mono", "nonsense"]), "--out", outPath, "--series", series, "--json"],
            8 => ["lic", "r2star", "--value", Pick(r, Numbers), "--field", Pick(r, Numbers), "--calibration", Pick(r, ["wood2005", "hernando-3t", "nope"]), "--json"],
            9 => ["lic", "sir", exam, "--rois", Path.Combine(exam, r.Next(4) == 0 ? "missing.json" : "rois.json"), "--slice", slice, "--json"],
            10 => ["lic", "sir", "--protocol", Pick(r, ["alustiza2004", "rennes-1.5T", "x"]), "--ratio", $"IW={Pick(r, Numbers)}", "--ratio", $"T2={Pick(r, Numbers)}", "--json"],
            _ => ["stats", Pick(r, ["roc", "bland-altman", "kappa"]), csv, "--score", "score", "--truth", "truth", "--a", "a", "--b", "b", "--json"],
        };
        // Options the verb does not take are parse errors (exit 2), which is a fine case too; keep most cases valid.
        if (args[0] == "stats" && args[1] != "roc") args = [.. args.Where((_, i) => i < 3 || (args[i - 1] != "--score" && args[i - 1] != "--truth" && args[i] != "--score" && args[i] != "--truth"))];
        if (args[0] == "stats" && args[1] == "roc") args = [.. args.Take(7), "--json"];
        return (args, args[0] == "map" ? outPath : null);
    }

    [Fact]
    public async Task EveryVerb_RandomlyMutatedFilesFoldersAndArguments_ExitsZeroOrTwoWithoutStackTraceHangOrPartialOutput()
    {
        int cases = int.TryParse(Environment.GetEnvironmentVariable("IRONNB_FUZZ_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : 60;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("IRONNB_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 1313;
        var random = new Random(seed);
        var failures = new List<string>();
        var codes = new Dictionary<int, int>();
        var total = Stopwatch.StartNew();
        for (int n = 0; n < cases; n++)
        {
            var (args, outPath) = Case(random, n);
            bool outExisted = outPath is not null && (File.Exists(outPath) || Directory.Exists(outPath));
            var clock = Stopwatch.StartNew();
            var run = Task.Run(() => CliHarness.Run(args));
            if (await Task.WhenAny(run, Task.Delay(CaseLimit)) != run)
            {
                failures.Add($"hang (> {CaseLimit.TotalSeconds} s): ironnb {string.Join(' ', args)}");
                break;
            }
            var (code, _, error) = await run;
            codes[code] = codes.GetValueOrDefault(code) + 1;
            string cmd = "ironnb " + string.Join(' ', args.Select(a => a.Contains(' ') || a.Length == 0 ? $"'{a}'" : a));
            if (code is not (0 or 2)) failures.Add($"exit {code} ({clock.ElapsedMilliseconds} ms): {cmd}\n{error}");
            if (error.Contains("   at ", StringComparison.Ordinal)) failures.Add($"stack trace on stderr: {cmd}\n{error}");
            if (outPath is not null && code != 0 && !outExisted && (File.Exists(outPath) || Directory.Exists(outPath)))
                failures.Add($"failed run left its output {outPath}: {cmd}");
            var temps = Directory.GetFileSystemEntries(Path.Combine(_dir, $"case{n}"), "*.tmp", SearchOption.AllDirectories);
            if (temps.Length > 0) failures.Add($"temporary file left: {temps[0]}: {cmd}");
        }
        _log.WriteLine($"{cases} cases in {total.Elapsed.TotalSeconds:0.0} s; exit codes: {string.Join(", ", codes.OrderBy(k => k.Key).Select(k => $"{k.Key}×{k.Value}"))}");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(codes.GetValueOrDefault(0) > 0 && codes.GetValueOrDefault(2) > 0, "the fuzz cases should include both good and bad input");
    }
}
