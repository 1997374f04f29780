using System.Text;
using IronNotebooks.Cohorts;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Exams;
using IronNotebooks.Simulation;
using IronNotebooks.Tests.Exams;
using Xunit;

namespace IronNotebooks.Tests.Cohorts;

public sealed class CohortRunTests : IDisposable
{
    private readonly SyntheticExams _exams = new();

    public void Dispose() => _exams.Dispose();

    private static readonly ExamMeasurementOptions Fast = ExamMeasurementOptions.Default with { R2StarModels = ["rician"], R2StarCalibrations = ["wood2005"] };

    /// <summary>Five exams (one with a truncated echo, one without its Rennes T2) and their manifest with the truth as a column.</summary>
    private string Manifest(int count = 5)
    {
        var lines = new StringBuilder("exam,folder,truthLicUmolPerGram\n");
        double[] lic = [25, 60, 110, 150, 240, 30, 90, 200];
        for (int i = 0; i < count; i++)
        {
            var e = _exams.Write($"SYN-{i:D2}", lic[i % lic.Length], SynthProtocol.Rennes, SynthProtocol.MultiEchoGre, SynthProtocol.MultiEchoSe);
            lines.Append($"SYN-{i:D2},SYN-{i:D2},{lic[i % lic.Length]}\n");
            if (i == 1)
            {
                var echo = Directory.GetFiles(Path.Combine(e.Folder, "06_MGRE")).Order(StringComparer.Ordinal).ElementAt(5);
                using var f = new FileStream(echo, FileMode.Open);
                f.SetLength(1500);
            }
            if (i == 2) Directory.Delete(Path.Combine(e.Folder, "03_T2"), recursive: true);
        }
        string path = Path.Combine(_exams.Root, "cohort.csv");
        File.WriteAllText(path, lines.ToString());
        return path;
    }

    [Fact]
    public void Run_DamagedExams_CompletesAndFailsOnlyTheRowsThatNeededTheMissingFiles()
    {
        var manifest = CohortManifest.Read(Manifest());
        var result = CohortRun.Run(manifest, Path.Combine(_exams.Root, "run"), CohortRunOptions.Default with { Jobs = 2, Measurement = Fast });

        Assert.Equal(5, result.Exams);
        Assert.Equal(0, result.FailedExams);
        var table = CohortTable.Load(result.OutDir);
        var failed = table.Where(r => r.Status == MeasurementStatus.Failed).Select(r => (r.Exam, r.Method, r.Model)).ToList();
        Assert.Equal([("SYN-01", "r2star", "rician"), ("SYN-02", "sir", "rennes-1.5T")], failed);
        Assert.Contains("06_MGRE", table.Single(r => r.Exam == "SYN-01" && r.Method == "r2star").Error!, StringComparison.Ordinal);
        Assert.Contains("T2", table.Single(r => r.Exam == "SYN-02" && r.Model == "rennes-1.5T").Error!, StringComparison.Ordinal);
        // Long CSV: the pinned header and one line per row; wide CSV: one line per exam with the covariate.
        var csv = File.ReadAllLines(Path.Combine(result.OutDir, CohortRun.ResultsCsv));
        Assert.Equal(ExamMeasurementCsv.Header, csv[0]);
        Assert.Equal(table.Count + 1, csv.Length);
        var wide = CsvTable.Read(Path.Combine(result.OutDir, CohortRun.ResultsWideCsv));
        Assert.Equal(5, wide.RowCount);
        Assert.Contains("truthLicUmolPerGram", wide.Headers);
        Assert.Contains("r2star/rician/wood2005:licUmolPerGram", wide.Headers);
        Assert.Equal(table.Count, File.ReadAllLines(Path.Combine(result.OutDir, CohortRun.ResultsJsonl)).Length);
    }

    [Fact]
    public void Resume_AfterAKillThatCutTheJournalMidLine_MeasuresOnlyUnfinishedExamsAndGivesByteIdenticalResults()
    {
        var manifest = CohortManifest.Read(Manifest());
        var full = CohortRun.Run(manifest, Path.Combine(_exams.Root, "full"), CohortRunOptions.Default with { Jobs = 2, Measurement = Fast });

        // The state a SIGKILL leaves: manifest copy, run.json, two committed exams and half of the third line.
        string killed = Path.Combine(_exams.Root, "killed");
        Directory.CreateDirectory(killed);
        foreach (var f in new[] { CohortRun.ManifestCopy, CohortRun.RunInfo }) File.Copy(Path.Combine(full.OutDir, f), Path.Combine(killed, f));
        var journal = File.ReadAllLines(Path.Combine(full.OutDir, CohortJournal.FileName));
        File.WriteAllText(Path.Combine(killed, CohortJournal.FileName), journal[0] + "\n" + journal[1] + "\n" + journal[2][..(journal[2].Length / 2)]);

        Assert.Throws<ExamException>(() => CohortRun.Run(manifest, killed, CohortRunOptions.Default with { Measurement = Fast }));   // no --resume: refused
        var resumed = CohortRun.Run(manifest, killed, CohortRunOptions.Default with { Jobs = 2, Resume = true, Measurement = Fast });

        Assert.Equal(2, resumed.Resumed);
        Assert.Equal(3, resumed.Measured);
        Assert.Equal(File.ReadAllBytes(Path.Combine(full.OutDir, CohortRun.ResultsCsv)), File.ReadAllBytes(Path.Combine(killed, CohortRun.ResultsCsv)));
        Assert.Equal(File.ReadAllBytes(Path.Combine(full.OutDir, CohortRun.ResultsWideCsv)), File.ReadAllBytes(Path.Combine(killed, CohortRun.ResultsWideCsv)));
        Assert.Equal(5, CohortJournal.Read(killed).Count);
    }

    [Fact]
    public void Shards_RunSeparatelyAndMerged_GiveTheSameResultsAsOneRun()
    {
        string manifestPath = Manifest();
        var manifest = CohortManifest.Read(manifestPath);
        var one = CohortRun.Run(manifest, Path.Combine(_exams.Root, "one"), CohortRunOptions.Default with { Jobs = 2, Measurement = Fast });
        var dirs = new[] { "s1", "s2" }.Select(d => Path.Combine(_exams.Root, d)).ToList();
        var a = CohortRun.Run(manifest, dirs[0], CohortRunOptions.Default with { Jobs = 1, Shard = CohortShard.Parse("1/2"), Measurement = Fast });
        var b = CohortRun.Run(manifest, dirs[1], CohortRunOptions.Default with { Jobs = 1, Shard = CohortShard.Parse("2/2"), Measurement = Fast });
        Assert.Equal(3, a.Exams);
        Assert.Equal(2, b.Exams);

        var merged = CohortRun.Merge(dirs, Path.Combine(_exams.Root, "merged"));
        Assert.Empty(merged.Missing);
        Assert.Equal(File.ReadAllBytes(Path.Combine(one.OutDir, CohortRun.ResultsCsv)), File.ReadAllBytes(Path.Combine(merged.OutDir, CohortRun.ResultsCsv)));
        Assert.Equal(5, CohortRun.Status(merged.OutDir).Finished);

        var partial = CohortRun.Merge([dirs[0]], Path.Combine(_exams.Root, "partial"));
        Assert.Equal(["SYN-01", "SYN-03"], partial.Missing);
    }

    [Theory]
    [InlineData("exam,folder\nA,SYN-00\nB,NOPE\n", "line 3: exam 'B': folder 'NOPE' does not exist")]
    [InlineData("exam,folder\nA,SYN-00\nA,SYN-01\n", "line 3: duplicate exam id 'A' (first on line 2)")]
    [InlineData("exam,dir\nA,SYN-00\n", "column 'folder' is missing")]
    [InlineData("exam,folder\n,SYN-00\n", "line 2: empty exam id")]
    [InlineData("exam,folder,rois\nA,SYN-00,nope.json\n", "line 2: exam 'A': ROI file 'nope.json' does not exist")]
    public void CohortRun_BadManifest_ExitsTwoNamingTheRowAndWritesNothing(string text, string message)
    {
        _exams.Write("SYN-00", 60, SynthProtocol.MultiEchoGre);
        _exams.Write("SYN-01", 60, SynthProtocol.MultiEchoGre);
        string path = Path.Combine(_exams.Root, "bad.csv"), outDir = Path.Combine(_exams.Root, "out");
        File.WriteAllText(path, text);
        var (code, _, error) = CliHarness.Run("cohort", "run", path, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void CohortRun_BinaryManifest_IsRefusedAsNotText()
    {
        Directory.CreateDirectory(_exams.Root);
        string path = Path.Combine(_exams.Root, "bad.csv");
        File.WriteAllBytes(path, [0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe, 0x00, 0x41]);
        var (code, _, error) = CliHarness.Run("cohort", "run", path, "--out", Path.Combine(_exams.Root, "out"));
        Assert.Equal(2, code);
        Assert.Contains("not a CSV text file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CohortRun_OutputInsideAnExamFolder_IsRefused()
    {
        string manifest = Manifest(1);
        var (code, _, error) = CliHarness.Run("cohort", "run", manifest, "--out", Path.Combine(_exams.Root, "SYN-00", "results"));
        Assert.Equal(2, code);
        Assert.Contains("inside the exam folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SyntheticCohort_CountsCensoredAndFailedAndWritesOfflineHtml()
    {
        var manifest = CohortManifest.Read(Manifest(8));
        var run = CohortRun.Run(manifest, Path.Combine(_exams.Root, "run"), CohortRunOptions.Default with { Jobs = 2, Measurement = Fast });
        string html = Path.Combine(_exams.Root, "validation.html");
        var (code, output, error) = CliHarness.Run("cohort", "validate", run.OutDir, "--reference", "truthLicUmolPerGram", "--threshold", "80", "--threshold", "36",
            "--html", html, "--json");
        Assert.True(code == 0, error);
        var json = System.Text.Json.JsonDocument.Parse(output).RootElement;
        var methods = json.GetProperty("methods").EnumerateArray().ToDictionary(m => m.GetProperty("key").GetString()!);
        var r2star = methods["r2star/rician/wood2005"];
        Assert.Equal(1, r2star.GetProperty("failed").GetInt32());          // SYN-01's truncated echo
        Assert.Equal(7, r2star.GetProperty("n").GetInt32());
        Assert.Equal(1, methods.Values.Single(m => m.GetProperty("key").GetString()!.StartsWith("sir/rennes", StringComparison.Ordinal)).GetProperty("failed").GetInt32());
        Assert.InRange(r2star.GetProperty("medianAbsoluteErrorPercent").GetDouble(), 0, 10);
        Assert.Equal(2, r2star.GetProperty("thresholds").GetArrayLength());
        Assert.True(File.Exists(html));
        Assert.Contains("Cohort validation against truthLicUmolPerGram", File.ReadAllText(html), StringComparison.Ordinal);
    }
}
