using BenchmarkDotNet.Attributes;
using IronNotebooks.Statistics;

namespace IronNotebooks.Benchmarks;

/// <summary>
/// ROC + DeLong interval, cut-off search and the paired DeLong test at cohort and registry scale. The baseline sorts the
/// scores once (Array.Sort of n doubles), the floor of any O(n log n) ROC: the ratio column says how many sorts each
/// analysis costs. With <see cref="Rounded"/> the scores are rounded to 0.1 so ties are common (as for R2* in s⁻¹);
/// without, every score is distinct and the curve has n + 1 points.
/// </summary>
[MemoryDiagnoser]
[WarmupCount(2)]
[IterationCount(10)]
public class StatisticsBenchmarks
{
    private double[] _scores = [];
    private double[] _scores2 = [];
    private bool[] _truth = [];
    private double[] _sortBuffer = [];

    /// <summary>Subjects.</summary>
    [Params(10_000, 1_000_000)]
    public int N { get; set; }

    /// <summary>Round scores to 0.1 (many ties) or keep them continuous (all distinct).</summary>
    [Params(true, false)]
    public bool Rounded { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(6001);
        _truth = new bool[N];
        _scores = new double[N];
        _scores2 = new double[N];
        for (int i = 0; i < N; i++)
        {
            _truth[i] = rng.NextDouble() < 0.3;
            double latent = (_truth[i] ? 1.2 : 0) + Gaussian(rng);
            _scores[i] = 100 + 30 * latent;
            _scores2[i] = 100 + 30 * (latent + 0.8 * Gaussian(rng));
            if (Rounded) (_scores[i], _scores2[i]) = (Math.Round(_scores[i], 1), Math.Round(_scores2[i], 1));
        }
        _sortBuffer = new double[N];
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>Sorting the scores once: the floor.</summary>
    [Benchmark(Baseline = true)]
    public double SortOnly()
    {
        _scores.CopyTo(_sortBuffer, 0);
        Array.Sort(_sortBuffer);
        return _sortBuffer[0];
    }

    /// <summary>Curve, AUC, DeLong variance and 95 % interval.</summary>
    [Benchmark]
    public double RocWithDeLongCi() => Roc.Compute(_scores, _truth).AucCi!.Lower;

    /// <summary>The above plus Youden, rule-in, rule-out and the uncertain band.</summary>
    [Benchmark]
    public double RocWithCutoffs() => CutoffSearch.Find(Roc.Compute(_scores, _truth)).Youden.Threshold;

    /// <summary>Paired DeLong test of two scores (per-subject placements, two index sorts per score).</summary>
    [Benchmark]
    public double PairedDeLong() => RocComparison.Paired(_scores, _scores2, _truth).P;
}
