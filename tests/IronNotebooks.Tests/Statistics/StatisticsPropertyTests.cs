using IronNotebooks.Statistics;
using Xunit;

namespace IronNotebooks.Tests.Statistics;

/// <summary>
/// Properties that must hold for any data, checked on seeded random datasets (FsCheck is not available here; the seeds
/// make every failure reproducible). Scores are small integers so ties are frequent.
/// </summary>
public class StatisticsPropertyTests
{
    private const int Trials = 200;

    private static (double[] Scores, bool[] Truth) RandomRoc(Random rng)
    {
        int n = rng.Next(4, 60);
        var t = new bool[n];
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            t[i] = i < 4 ? i < 2 : rng.NextDouble() < 0.4; // at least two cases and two controls
            x[i] = rng.Next(0, 12) + (t[i] ? rng.Next(0, 5) : 0);
        }
        return (x, t);
    }

    [Fact]
    public void Auc_OfNegatedScores_IsOneMinusAuc_AndLowerIsPositiveEqualsNegation()
    {
        var rng = new Random(1);
        for (int trial = 0; trial < Trials; trial++)
        {
            var (x, t) = RandomRoc(rng);
            var neg = x.Select(v => -v).ToArray();
            var a = Roc.Compute(x, t);
            var b = Roc.Compute(neg, t);
            var lower = Roc.Compute(neg, t, RocDirection.LowerIsPositive);
            Assert.Equal(1 - a.Auc, b.Auc, 14);
            Assert.Equal(a.AucVariance!.Value, b.AucVariance!.Value, 14);
            Assert.Equal(a.Auc, lower.Auc, 15);
            Assert.Equal(a.Thresholds.Select(v => -v), lower.Thresholds);
        }
    }

    [Fact]
    public void AucAndDeLongVariance_EqualTheirBruteForceDefinitions()
    {
        var rng = new Random(2);
        for (int trial = 0; trial < Trials; trial++)
        {
            var (x, t) = RandomRoc(rng);
            var cases = x.Where((_, i) => t[i]).ToArray();
            var controls = x.Where((_, i) => !t[i]).ToArray();
            static double Psi(double c, double k) => c > k ? 1 : c == k ? 0.5 : 0;
            var v10 = cases.Select(c => controls.Average(k => Psi(c, k))).ToArray();
            var v01 = controls.Select(k => cases.Average(c => Psi(c, k))).ToArray();
            double auc = v10.Average();
            double Var(double[] v) => v.Sum(e => (e - auc) * (e - auc)) / (v.Length - 1);
            var roc = Roc.Compute(x, t);
            Assert.Equal(auc, roc.Auc, 14);
            Assert.Equal(Var(v10) / cases.Length + Var(v01) / controls.Length, roc.AucVariance!.Value, 14);
            // Trapezoidal area of the reported curve equals the Mann–Whitney AUC.
            double area = 0;
            for (int i = 1; i < roc.PointCount; i++)
                area += (roc.Specificities[i] - roc.Specificities[i - 1]) * (roc.Sensitivities[i] + roc.Sensitivities[i - 1]) / 2;
            Assert.Equal(roc.Auc, area, 13);
        }
    }

    [Fact]
    public void Roc_UnderAStrictlyIncreasingTransform_KeepsAucVarianceAndCutoffCounts()
    {
        var rng = new Random(3);
        for (int trial = 0; trial < Trials; trial++)
        {
            var (x, t) = RandomRoc(rng);
            var a = Roc.Compute(x, t);
            var b = Roc.Compute(x.Select(v => Math.Exp(v / 3)).ToArray(), t);
            Assert.Equal(a.Auc, b.Auc);
            Assert.Equal(a.AucVariance!.Value, b.AucVariance!.Value, 15);
            var ca = CutoffSearch.Find(a);
            var cb = CutoffSearch.Find(b);
            Assert.Equal((ca.Youden.TruePositives, ca.Youden.FalsePositives), (cb.Youden.TruePositives, cb.Youden.FalsePositives));
            Assert.Equal(ca.Band?.Count, cb.Band?.Count);
        }
    }

    [Fact]
    public void Youden_IsTheMaximumOverAllPoints_AndRuleInRuleOutHaveNoErrorsOnTheirSide()
    {
        var rng = new Random(4);
        for (int trial = 0; trial < Trials; trial++)
        {
            var (x, t) = RandomRoc(rng);
            var roc = Roc.Compute(x, t);
            var cut = CutoffSearch.Find(roc);
            Assert.Equal(roc.Points.Max(p => p.YoudenIndex), cut.Youden.YoudenIndex, 14);
            if (cut.RuleIn is { } rin) Assert.True(rin.FalsePositives == 0 && rin.TruePositives > 0);
            if (cut.RuleOut is { } rout) Assert.True(rout.FalseNegatives == 0 && rout.TrueNegatives > 0);
            if (cut.Band is { } band)
            {
                // Recount the band from the scores with the documented rule.
                int inBand = x.Count(v => v >= band.RuleOutThreshold && v < band.RuleInThreshold);
                Assert.Equal(inBand, band.Count);
            }
        }
    }

    [Fact]
    public void PairedComparison_OfAScoreWithItselfIsNull_AndSwappingScoresNegatesZ()
    {
        var rng = new Random(5);
        for (int trial = 0; trial < Trials; trial++)
        {
            var (x, t) = RandomRoc(rng);
            var y = x.Select(v => v + rng.Next(-3, 4)).ToArray();
            var self = RocComparison.Paired(x, x, t);
            Assert.Equal(0, self.Difference);
            Assert.Equal(1, self.P);
            var ab = RocComparison.Paired(x, y, t);
            var ba = RocComparison.Paired(y, x, t);
            Assert.Equal(-ab.Statistic, ba.Statistic, 12);
            Assert.Equal(ab.P, ba.P, 12);
            Assert.Equal(Roc.Compute(x, t).Auc, ab.Auc1, 15);
        }
    }

    [Fact]
    public void BlandAltman_SwappingMethodsFlipsBiasAndLimits_ShiftingBShiftsOnlyTheBias()
    {
        var rng = new Random(6);
        for (int trial = 0; trial < Trials; trial++)
        {
            int n = rng.Next(3, 50);
            var a = Enumerable.Range(0, n).Select(_ => 1 + rng.NextDouble() * 100).ToArray();
            var b = a.Select(v => v * (0.9 + 0.2 * rng.NextDouble()) + rng.NextDouble()).ToArray();
            foreach (var scale in BlandAltmanScales.All)
            {
                var options = BlandAltmanOptions.Default with { Scale = scale };
                var ab = BlandAltman.Compute(a, b, options);
                var ba = BlandAltman.Compute(b, a, options);
                Assert.Equal(-ab.Bias, ba.Bias, 10);
                Assert.Equal(ab.SdDifference, ba.SdDifference, 10);
                Assert.Equal(-ab.UpperLimit, ba.LowerLimit, 10);
                Assert.Equal(-ab.LowerLimit, ba.UpperLimit, 10);
            }
            var shifted = BlandAltman.Compute(a, b.Select(v => v + 5).ToArray());
            var plain = BlandAltman.Compute(a, b);
            Assert.Equal(plain.Bias + 5, shifted.Bias, 10);
            Assert.Equal(plain.SdDifference, shifted.SdDifference, 10);
            var scaled = BlandAltman.Compute(a, b.Select(v => v * 2).ToArray(), BlandAltmanOptions.LogRatio);
            Assert.Equal(BlandAltman.Compute(a, b, BlandAltmanOptions.LogRatio).Bias + Math.Log(2), scaled.Bias, 10);
        }
    }

    [Fact]
    public void Kappa_IsSymmetricInTheRaters_AndOneForPerfectAgreement()
    {
        var rng = new Random(7);
        for (int trial = 0; trial < Trials; trial++)
        {
            int n = rng.Next(5, 80);
            var a = Enumerable.Range(0, n).Select(_ => rng.Next(0, 4)).ToArray();
            var b = a.Select(v => Math.Clamp(v + rng.Next(-1, 2), 0, 3)).ToArray();
            int[] levels = [0, 1, 2, 3];
            if (a.Concat(b).Distinct().Count() < 2) continue;
            foreach (var w in KappaWeightings.All)
            {
                var ab = CohenKappa.Compute(a, b, w, levels);
                var ba = CohenKappa.Compute(b, a, w, levels);
                Assert.Equal(ab.Kappa, ba.Kappa, 12);
                Assert.Equal(ab.StandardError, ba.StandardError, 12);
                Assert.Equal(ab.StandardErrorUnderNull, ba.StandardErrorUnderNull, 12);
                var perfect = CohenKappa.Compute(a, a, w, levels);
                if (a.Distinct().Count() > 1) Assert.Equal(1, perfect.Kappa, 12);
            }
        }
    }

    [Fact]
    public void DemingWithEqualErrors_IsSymmetric_AndConcordanceIsSymmetric_AndSpearmanIgnoresMonotoneTransforms()
    {
        var rng = new Random(8);
        for (int trial = 0; trial < 100; trial++)
        {
            int n = rng.Next(4, 40);
            var x = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 10).ToArray();
            var y = x.Select(v => 0.5 + 1.1 * v + rng.NextDouble()).ToArray();
            var xy = MethodComparison.Deming(x, y);
            var yx = MethodComparison.Deming(y, x);
            Assert.Equal(1 / xy.Slope, yx.Slope, 10);
            Assert.Equal(MethodComparison.Concordance(x, y).Ccc, MethodComparison.Concordance(y, x).Ccc, 12);
            Assert.Equal(Correlation.Spearman(x, y).Coefficient, Correlation.Spearman(x.Select(Math.Exp).ToArray(), y).Coefficient, 12);
        }
    }

    [Fact]
    public void BinomialIntervals_AreMirrorImagesUnderXToNMinusX_AndContainTheEstimate()
    {
        for (int n = 1; n <= 40; n++)
        for (int x = 0; x <= n; x++)
        {
            var cp = BinomialInterval.ClopperPearson(x, n);
            var cpMirror = BinomialInterval.ClopperPearson(n - x, n);
            Assert.Equal(cp.Lower, 1 - cpMirror.Upper, 12);
            var wi = BinomialInterval.Wilson(x, n);
            var wiMirror = BinomialInterval.Wilson(n - x, n);
            Assert.Equal(wi.Lower, 1 - wiMirror.Upper, 12);
            Assert.True(cp.Contains((double)x / n) && wi.Contains((double)x / n));
            Assert.True(cp.Lower <= wi.Lower + 1e-12 || x == 0, "Clopper–Pearson is the wider interval at the lower end");
        }
    }
}
