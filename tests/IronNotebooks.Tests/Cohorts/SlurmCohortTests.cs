using IronNotebooks.Cohorts;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Exams;
using IronNotebooks.Simulation;
using IronNotebooks.Tests.Exams;
using Xunit;
using Xunit.Abstractions;

namespace IronNotebooks.Tests.Cohorts;

/// <summary>
/// environment/slurm/cohort-array.sbatch on a real single-node Slurm (Debian slurm-wlm 22.05 + munge, started on
/// 127.0.0.1 in a temporary folder by environment/slurm/single-node.sh and stopped after): two array tasks, then the
/// merge job, must give the bytes of one in-process run.
/// </summary>
public sealed class SlurmCohortTests(ITestOutputHelper log) : IDisposable
{
    private readonly SyntheticExams _exams = new();

    public void Dispose() => _exams.Dispose();

    [ToolFact("slurmctld", "slurmd", "munged", "sbatch", "squeue")]
    public void ArrayOfShardsThenMerge_OnSingleNodeSlurm_GivesTheResultsOfOneRun()
    {
        var lines = new System.Text.StringBuilder("exam,folder,truth\n");
        foreach (var (id, lic) in new[] { ("A", 30.0), ("B", 90.0), ("C", 150.0) })
        {
            _exams.Write(id, lic, SynthProtocol.MultiEchoGre, SynthProtocol.Rennes);
            lines.Append($"{id},{id},{lic}\n");
        }
        string manifest = Path.Combine(_exams.Root, "cohort.csv");
        File.WriteAllText(manifest, lines.ToString());
        var local = CohortRun.Run(CohortManifest.Read(manifest), Path.Combine(_exams.Root, "local"), CohortRunOptions.Default with { Jobs = 1 });

        string script = Path.Combine(TestPaths.RepositoryRoot, "environment", "slurm", "cohort-test.sh");
        string ironnb = $"dotnet {Path.Combine(AppContext.BaseDirectory, "ironnb.dll")}";
        var psi = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { script, manifest, Path.Combine(_exams.Root, "slurm"), "2" }) psi.ArgumentList.Add(a);
        psi.Environment["IRONNB"] = ironnb;
        psi.Environment["TIMEOUT"] = "240";
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(300_000), "Slurm cohort test did not finish in 300 s");
        log.WriteLine(stderr.Result);
        Assert.True(p.ExitCode == 0, $"exit {p.ExitCode}: {stderr.Result}{stdout.Result}");
        string merged = stdout.Result.Trim().Split('\n')[^1];
        Assert.Equal(File.ReadAllBytes(Path.Combine(local.OutDir, CohortRun.ResultsCsv)), File.ReadAllBytes(Path.Combine(merged, CohortRun.ResultsCsv)));
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(_exams.Root, "slurm"), "shard-*").Length);
        Assert.Equal(3, CohortRun.Status(merged).Finished);
    }
}
