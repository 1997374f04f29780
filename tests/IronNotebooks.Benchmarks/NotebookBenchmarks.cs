using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using IronNotebooks.Notebooks.Kernel;
using IronNotebooks.Notebooks.Running;

namespace IronNotebooks.Benchmarks;

/// <summary>
/// First-cell latency of the headless kernel and the time of a whole notebook. "Cold process" launches a fresh process
/// per measurement and times its first cell, which is what `ironnb run` pays (Roslyn's own start-up, framework metadata,
/// JIT); "new kernel, warm process" is a later notebook in `ironnb reproduce`. The whole-notebook case runs
/// notebooks/00-runner-example.ipynb (library load, a value, a published-figure check). The cold case is
/// <see cref="NotebookColdStartBenchmarks"/>.
/// </summary>
[WarmupCount(2)]
[IterationCount(8)]
public class NotebookBenchmarks
{
    private const string Cell = "var echoes = new[] { 1.2, 2.4, 3.6 };\nechoes.Sum()";

    /// <summary>A new kernel in a process that already ran cells.</summary>
    [Benchmark]
    public CellExecution FirstCellNewKernelWarmProcess() => new CSharpKernel().Execute(Cell);

    /// <summary>The example notebook from file to executed document, in a warm process.</summary>
    [Benchmark]
    public NotebookRun WholeExampleNotebook() => NotebookRunner.RunFile(ExampleNotebook());

    private static string ExampleNotebook()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IronNotebooks.sln"))) return Path.Combine(dir.FullName, "notebooks", "00-runner-example.ipynb");
        throw new FileNotFoundException("IronNotebooks.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Cold start: one measured invocation per process, several processes.</summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 5, warmupCount: 0, iterationCount: 1)]
public class NotebookColdStartBenchmarks
{
    /// <summary>The first cell of the process.</summary>
    [Benchmark]
    public CellExecution FirstCellColdProcess() => new CSharpKernel().Execute("var echoes = new[] { 1.2, 2.4, 3.6 };\nechoes.Sum()");
}
