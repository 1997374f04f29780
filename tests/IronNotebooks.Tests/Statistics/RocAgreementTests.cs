using System.Globalization;
using IronNotebooks.Statistics;
using Xunit;

namespace IronNotebooks.Tests.Statistics;

/// <summary>ROC curves, AUC, DeLong variance and intervals, cut-offs and AUC comparisons against pROC 1.18.</summary>
public class RocAgreementTests
{
    public static TheoryData<string, string, string, string, RocDirection> Curves() => new()
    {
        { "roc_cohort_r2star", "roc_cohort.csv", "r2star_per_s", "iron_overload", RocDirection.HigherIsPositive },
        { "roc_cohort_t2star", "roc_cohort.csv", "t2star_ms", "iron_overload", RocDirection.LowerIsPositive },
        { "roc_cohort_sir", "roc_cohort.csv", "sir_lic_mg_g", "iron_overload", RocDirection.HigherIsPositive },
        { "roc_cohort_r2star_reversed", "roc_cohort.csv", "r2star_per_s", "iron_overload", RocDirection.LowerIsPositive },
        { "roc_hanley_mcneil", "roc_hanley_mcneil_1982.csv", "rating", "abnormal", RocDirection.HigherIsPositive },
        { "roc_small_ties", "roc_small_ties.csv", "score", "truth", RocDirection.HigherIsPositive },
        { "roc_small_ties_score2", "roc_small_ties.csv", "score2", "truth", RocDirection.HigherIsPositive },
        { "roc_small_ties_lower", "roc_small_ties.csv", "score", "truth", RocDirection.LowerIsPositive },
        { "roc_tiny", "roc_tiny.csv", "score", "truth", RocDirection.HigherIsPositive },
        { "roc_separated", "roc_separated.csv", "score", "truth", RocDirection.HigherIsPositive },
    };

    internal static (double[] Scores, bool[] Truth) Load(string file, string score, string truth)
    {
        var t = RReference.Dataset(file);
        return (t.GetNumbers(score), t.GetNumbers(truth).Select(v => v == 1).ToArray());
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void Compute_OnReferenceData_MatchesPRocAucDeLongVarianceAndIntervals(string ds, string file, string score, string truth, RocDirection direction)
    {
        var (x, t) = Load(file, score, truth);
        var roc = Roc.Compute(x, t, direction);
        Assert.Equal(RReference.Get(ds, "n_positive"), roc.PositiveCount);
        Assert.Equal(RReference.Get(ds, "n_negative"), roc.NegativeCount);
        RReference.Near("AUC", ds, "auc", roc.Auc);
        RReference.Near("DeLong variance", ds, "var_delong", roc.AucVariance!.Value);
        RReference.Near("DeLong CI", ds, "ci_delong.low", roc.AucCi!.Lower);
        RReference.Near("DeLong CI", ds, "ci_delong.high", roc.AucCi.Upper);
        var roc90 = Roc.Compute(x, t, RocOptions.Default with { Direction = direction, ConfidenceLevel = 0.9 });
        RReference.Near("DeLong CI", ds, "ci90_delong.low", roc90.AucCi!.Lower);
        RReference.Near("DeLong CI", ds, "ci90_delong.high", roc90.AucCi.Upper);
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void Compute_OnReferenceData_HasPRocsThresholdsSensitivitiesAndSpecificities(string ds, string file, string score, string truth, RocDirection direction)
    {
        var (x, t) = Load(file, score, truth);
        var roc = Roc.Compute(x, t, direction);
        var coords = RReference.Dataset("roc_coords.csv");
        var dsCol = coords.GetStrings("dataset");
        var rows = Enumerable.Range(0, coords.RowCount).Where(i => dsCol[i] == ds).ToArray();
        double Parse(string s) => s switch { "Inf" => double.PositiveInfinity, "-Inf" => double.NegativeInfinity, _ => double.Parse(s, CultureInfo.InvariantCulture) };
        var r = rows.Select(i => (T: Parse(coords.Cell(i, "threshold")), Se: Parse(coords.Cell(i, "sensitivity")), Sp: Parse(coords.Cell(i, "specificity"))))
            .OrderBy(p => p.T).ToArray();
        var ours = Enumerable.Range(0, roc.PointCount).Select(i => (T: roc.Thresholds[i], Se: roc.Sensitivities[i], Sp: roc.Specificities[i])).OrderBy(p => p.T).ToArray();
        Assert.Equal(RReference.Get(ds, "n_thresholds"), roc.PointCount);
        Assert.Equal(r.Length, ours.Length);
        for (int i = 0; i < r.Length; i++)
        {
            Assert.Equal(r[i].T, ours[i].T); // thresholds are bit-identical midpoints
            Assert.Equal(r[i].Se, ours[i].Se, RReference.Tolerance);
            Assert.Equal(r[i].Sp, ours[i].Sp, RReference.Tolerance);
            RReference.MaxDifference.AddOrUpdate("ROC coordinates", Math.Max(Math.Abs(r[i].Se - ours[i].Se), Math.Abs(r[i].Sp - ours[i].Sp)),
                (_, old) => Math.Max(old, Math.Max(Math.Abs(r[i].Se - ours[i].Se), Math.Abs(r[i].Sp - ours[i].Sp))));
        }
        // Specificity never decreases along our points, whatever the direction.
        for (int i = 1; i < roc.PointCount; i++) Assert.True(roc.Specificities[i] >= roc.Specificities[i - 1]);
    }

    [Theory]
    [MemberData(nameof(Curves))]
    public void FindCutoffs_OnReferenceData_MatchesPRocYoudenAndThe100PercentRule(string ds, string file, string score, string truth, RocDirection direction)
    {
        var (x, t) = Load(file, score, truth);
        var cut = CutoffSearch.Find(Roc.Compute(x, t, direction));
        RReference.Near("cut-offs", ds, "youden.threshold", cut.Youden.Threshold);
        RReference.Near("cut-offs", ds, "youden.sensitivity", cut.Youden.Sensitivity);
        RReference.Near("cut-offs", ds, "youden.specificity", cut.Youden.Specificity);
        Assert.Equal(RReference.Get(ds, "youden.ties"), cut.YoudenTies);
        Assert.Equal(RReference.Has(ds, "ppv100.threshold"), cut.RuleIn is not null);
        if (cut.RuleIn is { } rin)
        {
            RReference.Near("cut-offs", ds, "ppv100.threshold", rin.Threshold);
            RReference.Near("cut-offs", ds, "ppv100.sensitivity", rin.Sensitivity);
            RReference.Near("cut-offs", ds, "ppv100.specificity", rin.Specificity);
            Assert.Equal(1.0, rin.Ppv);
        }
        Assert.Equal(RReference.Has(ds, "npv100.threshold"), cut.RuleOut is not null);
        if (cut.RuleOut is { } rout)
        {
            RReference.Near("cut-offs", ds, "npv100.threshold", rout.Threshold);
            RReference.Near("cut-offs", ds, "npv100.sensitivity", rout.Sensitivity);
            RReference.Near("cut-offs", ds, "npv100.specificity", rout.Specificity);
            Assert.Equal(1.0, rout.Npv);
        }
        Assert.Equal(RReference.Has(ds, "band.count"), cut.Band is not null);
        if (cut.Band is { } band)
        {
            Assert.Equal(RReference.Get(ds, "band.count"), band.Count);
            Assert.Equal(RReference.Get(ds, "band.positive"), band.PositiveCount);
            Assert.Equal(RReference.Get(ds, "band.negative"), band.NegativeCount);
        }
    }

    [Fact]
    public void ThreeBandTable_AtTheCohortsRuleOutAndRuleInCutoffs_MatchesRsCrossTabulation()
    {
        var data = RReference.Dataset("roc_cohort.csv");
        var x = data.GetNumbers("r2star_per_s");
        var truth = data.GetNumbers("iron_overload").Select(v => v == 1).ToArray();
        var cut = CutoffSearch.Find(Roc.Compute(x, truth));
        var table = ThreeBandTable.Compute(x, data.GetStrings("iron_class"), cut, ["normal", "moderate", "high"]);
        foreach (var (band, rName) in new[] { ("rule-out", "rule_out"), ("uncertain", "uncertain"), ("rule-in", "rule_in") })
        foreach (var cls in table.Classes)
            Assert.Equal(RReference.Get("three_band_r2star", $"{rName}.{cls}"), table.Count(band, cls));
        Assert.Equal(x.Length, table.N);
    }

    [Fact]
    public void Bootstrap_OnTheCohort_IsCloseToPRocsAndReproducibleFromItsSeed()
    {
        var (x, t) = Load("roc_cohort.csv", "r2star_per_s", "iron_overload");
        var options = RocOptions.Default with { BootstrapReplicates = 2000, BootstrapSeed = 42 };
        var a = Roc.Compute(x, t, options).AucBootstrapCi!;
        var b = Roc.Compute(x, t, options).AucBootstrapCi!;
        Assert.Equal(a, b);
        // Different random streams: agreement within Monte-Carlo error of 2000 replicates, not to 1e-9.
        Assert.InRange(a.Lower - RReference.Get("roc_cohort_r2star", "ci_bootstrap.low"), -0.01, 0.01);
        Assert.InRange(a.Upper - RReference.Get("roc_cohort_r2star", "ci_bootstrap.high"), -0.01, 0.01);
        RReference.MaxDifference.AddOrUpdate("bootstrap CI (loose)", Math.Max(Math.Abs(a.Lower - RReference.Get("roc_cohort_r2star", "ci_bootstrap.low")),
            Math.Abs(a.Upper - RReference.Get("roc_cohort_r2star", "ci_bootstrap.high"))), (_, o) => o);
        var other = Roc.Compute(x, t, options with { BootstrapSeed = 43 }).AucBootstrapCi!;
        Assert.NotEqual(a, other);
    }

    public static TheoryData<string, string, string, RocDirection, string, RocDirection> Pairs() => new()
    {
        { "compare_r2star_sir", "roc_cohort.csv", "r2star_per_s", RocDirection.HigherIsPositive, "sir_lic_mg_g", RocDirection.HigherIsPositive },
        { "compare_t2star_sir", "roc_cohort.csv", "t2star_ms", RocDirection.LowerIsPositive, "sir_lic_mg_g", RocDirection.HigherIsPositive },
        { "compare_small_ties", "roc_small_ties.csv", "score", RocDirection.HigherIsPositive, "score2", RocDirection.HigherIsPositive },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Paired_OnReferenceData_MatchesRocTestDeLongZAndP(string ds, string file, string s1, RocDirection d1, string s2, RocDirection d2)
    {
        var data = RReference.Dataset(file);
        string truthCol = data.HasColumn("iron_overload") ? "iron_overload" : "truth";
        var truth = data.GetNumbers(truthCol).Select(v => v == 1).ToArray();
        var c = RocComparison.Paired(data.GetNumbers(s1), data.GetNumbers(s2), truth, d1, d2);
        RReference.Near("AUC", ds, "auc1", c.Auc1);
        RReference.Near("AUC", ds, "auc2", c.Auc2);
        RReference.Near("DeLong paired z", ds, "z", c.Statistic);
        RReference.Near("DeLong paired p", ds, "p", c.P);
        Assert.True(c.Paired);
    }

    [Fact]
    public void Unpaired_OnTwoHalvesOfTheCohort_MatchesPRocsWelchTAndTheNormalZ()
    {
        var data = RReference.Dataset("roc_cohort.csv");
        var truth = data.GetNumbers("iron_overload").Select(v => v == 1).ToArray();
        var r2 = data.GetNumbers("r2star_per_s");
        var sir = data.GetNumbers("sir_lic_mg_g");
        var first = Roc.Compute(r2[..60], truth[..60]);
        var second = Roc.Compute(sir[60..], truth[60..]);
        var welch = RocComparison.Unpaired(first, second, UnpairedAucTest.PRocWelchT);
        RReference.Near("DeLong unpaired", "compare_unpaired", "t", welch.Statistic);
        RReference.Near("DeLong unpaired", "compare_unpaired", "df", welch.DegreesOfFreedom!.Value);
        RReference.Near("DeLong unpaired", "compare_unpaired", "p_t", welch.P);
        var normal = RocComparison.Unpaired(first, second);
        RReference.Near("DeLong unpaired", "compare_unpaired", "z", normal.Statistic);
        RReference.Near("DeLong unpaired", "compare_unpaired", "p_z", normal.P);
        Assert.Null(normal.DegreesOfFreedom);
    }
}
