using BenchmarkDotNet.Attributes;
using IronNotebooks.Calibration;
using IronNotebooks.Imaging;
using IronNotebooks.RoiProposals;
using IronNotebooks.Simulation;

namespace IronNotebooks.Benchmarks;

/// <summary>
/// ROI proposal on one 256 × 256 × 12-echo exam (a seeded `--anatomy random` body forced to 256², 1.5 T, LIC 100 µmol/g,
/// SNR 50), single-threaded (the proposer has no parallel code; BenchmarkDotNet runs it on one thread). Target ≤ 1 s.
/// Also the proposal plus the LIC interval (200 bootstrap refits, 40 spatial positions), and the proposal on the real GE
/// UKAT 3 T coronal exam (256 × 256, 5 slices × 12 echoes: every slice is tried; shading correction and the coronal
/// vertebral-column search included) when Program sets <see cref="UkatGeVariable"/> (corpus present).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class RoiProposalBenchmarks
{
    /// <summary>Environment variable naming the GE UKAT r2star folder.</summary>
    public const string UkatGeVariable = "IRONNB_BENCH_UKAT_GE";

    private MultiEchoSeries _series = null!;
    private MultiEchoSeries? _ukatGe;
    private string _folder = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "ironnb-proposal-bench");
        if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
        var variation = AnatomyVariation.Random(3, "BENCH-0001", 0) with { MatrixSize = 256 };
        var options = variation.Apply(new SimulationOptions(3, 1.5));
        SyntheticExamWriter.WritePatient(new VirtualPatient("BENCH-0001", LiverIronConcentration.FromUmolPerGram(100)), [SynthProtocol.MultiEchoGre], _folder, options);
        _series = ProposalInput.Load(_folder);
        if (Environment.GetEnvironmentVariable(UkatGeVariable) is { Length: > 0 } ge) _ukatGe = MultiEchoSeries.FromNiftiFolder(ge);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, true);

    [Benchmark(Baseline = true)]
    public RoiProposal Propose() => RoiProposer.Propose(_series);

    [Benchmark]
    public LicEstimate ProposeAndInterval()
    {
        var p = RoiProposer.Propose(_series);
        return LicUncertainty.Estimate(_series, p.SliceIndex, p.RoiSet, 1.5, RelaxometryCalibrations.Get("wood2005"));
    }

    [Benchmark]
    public RoiProposal? ProposeUkatGeCoronalFiveSlices() => _ukatGe is null ? null : RoiProposer.Propose(_ukatGe);
}
