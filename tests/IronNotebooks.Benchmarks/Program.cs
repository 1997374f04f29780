using System.IO.Compression;
using BenchmarkDotNet.Running;
using IronNotebooks.Benchmarks;
using IronNotebooks.Testing;

// dotnet run -c Release --project tests/IronNotebooks.Benchmarks -- series            BenchmarkDotNet series read
// dotnet run -c Release --project tests/IronNotebooks.Benchmarks -- make-series [DIR] write the series for pydicom
// dotnet run -c Release --project tests/IronNotebooks.Benchmarks -- fuzz [N] [SEED]   long mutation fuzz over the corpus
// dotnet run -c Release --project tests/IronNotebooks.Benchmarks -- fuzz-j2k [N] [SEED]  the same, JPEG 2000 seeds only (OpenJPEG path)
// dotnet run -c Release --project tests/IronNotebooks.Benchmarks -- stats             BenchmarkDotNet ROC + DeLong at 10⁴…10⁶ cases
// dotnet run -c Release --project tests/IronNotebooks.Benchmarks -- relaxometry       BenchmarkDotNet R2* maps of 256×256×32×12
// dotnet run -c Release --project tests/IronNotebooks.Benchmarks -- proposal-eval N [SEED] [MATRIX|drawn] [CSV]  ROI proposal + LIC interval on N random-anatomy exams
// dotnet run -c Release --project tests/IronNotebooks.Benchmarks -- proposal          BenchmarkDotNet ROI proposal on a 256×256×12-echo exam, one core
// dotnet run -c Release --project tests/IronNotebooks.Benchmarks -- fatwater          BenchmarkDotNet fat-water vs offset map, 256×256×32×6
// dotnet run -c Release --project tests/IronNotebooks.Benchmarks -- fatwater-accuracy [DRAWS] [SEED]  48-cell PDFF/CC-R2* bias table, likelihood vs bias-corrected
// dotnet run -c Release --project tests/IronNotebooks.Benchmarks -- notebooks         BenchmarkDotNet first-cell latency (cold, warm) and a whole notebook
// dotnet run -c Release --project tests/IronNotebooks.Benchmarks -- exam DIR [N]       exam measure in-process, median of N (see exam_side_by_side.py)
switch (args.FirstOrDefault())
{
    case "series":
        BenchmarkRunner.Run<SeriesReadBenchmark>(args: args[1..]);
        return 0;
    case "stats": BenchmarkRunner.Run<StatisticsBenchmarks>(args: args[1..]); return 0;
    case "relaxometry": BenchmarkRunner.Run<RelaxometryBenchmarks>(args: args[1..]); return 0;
    case "fatwater": BenchmarkRunner.Run<FatWaterBenchmarks>(args: args[1..]); return 0;
    case "fatwater-accuracy":
        return FatWaterAccuracyEvaluation.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10000,
            args.Length > 2 ? ulong.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 4242);
    case "notebooks": BenchmarkRunner.Run([typeof(NotebookColdStartBenchmarks), typeof(NotebookBenchmarks)], args: args[1..]); return 0;
    case "exam": return ExamTiming.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
    case "proposal-eval": return ProposalEvaluationCommand.Run(args[1..]);
    case "proposal-one": // SEED INDEX MATRIX|drawn DIR ABSENT_PROBABILITY: keep one evaluation exam for a look
        Console.WriteLine(ProposalEvaluation.RunOne(ulong.Parse(args[1]), int.Parse(args[2]), args[3] == "drawn" ? null : int.Parse(args[3]), args[4], 50, double.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture), keep: true));
        return 0;
    case "proposal":
        // The real GE UKAT 3 T coronal exam (256 × 256 × 5 slices × 12 echoes) is benchmarked when the corpus is beside the repository.
        if (FindCorpus() is { } ukat && Directory.Exists(Path.Combine(ukat, "ukat", "r2star", "ge")))
            Environment.SetEnvironmentVariable(RoiProposalBenchmarks.UkatGeVariable, Path.Combine(ukat, "ukat", "r2star", "ge"));
        BenchmarkRunner.Run<RoiProposalBenchmarks>(args: args[1..]);
        return 0;
    case "make-series":
        Console.WriteLine(SeriesFiles.Ensure(args.Length > 1 ? args[1] : null));
        return 0;
    case "fuzz":
        return Fuzz(args.Length > 1 ? int.Parse(args[1]) : 20000, args.Length > 2 ? int.Parse(args[2]) : 12345);
    case "fuzz-j2k":
        return Fuzz(args.Length > 1 ? int.Parse(args[1]) : 20000, args.Length > 2 ? int.Parse(args[2]) : 12345, DicomMutationFuzzer.Jpeg2000CorpusSeeds);
    default:
        Console.Error.WriteLine("usage: series [BenchmarkDotNet args] | make-series [DIR] | fuzz [N] [SEED] | fuzz-j2k [N] [SEED] | stats [BenchmarkDotNet args] | relaxometry [BenchmarkDotNet args] | fatwater [BenchmarkDotNet args] | fatwater-accuracy [DRAWS] [SEED] | notebooks [BenchmarkDotNet args] | exam DIR [N] | proposal-eval N [SEED] [MATRIX|drawn] [CSV] | proposal [BenchmarkDotNet args]");
        return 2;
}

static int Fuzz(int inputs, int seed, IReadOnlyList<string>? only = null)
{
    var corpus = FindCorpus() ?? throw new DirectoryNotFoundException("../shared/corpus not found beside the repository");
    // Every corpus DICOM file under 1 MB is a seed (the large ones only slow the run without new paths).
    var files = only?.Select(f => Path.Combine(corpus, f)) ?? Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories)
        .Where(p => p.EndsWith(".dcm") || p.EndsWith(".dcm.gz") || p.EndsWith("zipMR.gz"))
        .Where(p => new FileInfo(p).Length < 1_000_000)
        .GroupBy(p => Path.GetDirectoryName(p)).SelectMany(g => g.Take(8));
    var seeds = files.Select(p => (Path.GetRelativePath(corpus, p), Unzip(File.ReadAllBytes(p)))).ToList();
    var result = DicomMutationFuzzer.Run(seeds, inputs, seed, TimeSpan.FromSeconds(30));
    Console.WriteLine($"seeds {seeds.Count}, inputs {result.Inputs}: read {result.Read}, DicomException {result.TypedErrors}, crashes {result.Crashes.Count}");
    Console.WriteLine($"slowest input {result.MaxMilliseconds:F1} ms ({result.Slowest})");
    foreach (var c in result.Crashes.Take(20)) Console.WriteLine($"CRASH {c}");
    return result.Crashes.Count == 0 ? 0 : 1;
}

static byte[] Unzip(byte[] bytes)
{
    if (bytes.Length < 2 || bytes[0] != 0x1F || bytes[1] != 0x8B) return bytes;
    using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
    using var ms = new MemoryStream();
    gz.CopyTo(ms);
    return ms.ToArray();
}

static string? FindCorpus()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "IronNotebooks.sln")))
            return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
    return null;
}
