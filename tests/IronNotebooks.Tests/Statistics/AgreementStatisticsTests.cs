using IronNotebooks.Statistics;
using Xunit;

namespace IronNotebooks.Tests.Statistics;

/// <summary>Kappa (vcd, psych), McNemar, Bowker and confusion-matrix metrics against R.</summary>
public class AgreementStatisticsTests
{
    private static (int[] A, int[] B) Grades()
    {
        var d = RReference.Dataset("kappa_grades.csv");
        return (d.GetNumbers("reader_a").Select(v => (int)v).ToArray(), d.GetNumbers("reader_b").Select(v => (int)v).ToArray());
    }

    [Theory]
    [InlineData("none")]
    [InlineData("linear")]
    [InlineData("quadratic")]
    public void Kappa_OnTwoReaders_MatchesVcdKappaAseIntervalAndTheNullTest(string weights)
    {
        var (a, b) = Grades();
        var k = CohenKappa.Compute(a, b, KappaWeightings.Get(weights), [0, 1, 2, 3]);
        RReference.Near("kappa", "kappa_grades", weights + ".kappa", k.Kappa);
        RReference.Near("kappa SE (vcd ASE)", "kappa_grades", weights + ".se", k.StandardError);
        RReference.Near("kappa SE (vcd ASE)", "kappa_grades", weights + ".low", k.Ci.Lower);
        RReference.Near("kappa SE (vcd ASE)", "kappa_grades", weights + ".high", k.Ci.Upper);
        RReference.Near("kappa", "kappa_grades", weights + ".po", k.ObservedAgreement);
        RReference.Near("kappa", "kappa_grades", weights + ".pe", k.ExpectedAgreement);
        RReference.Near("kappa null SE, z, p", "kappa_grades", weights + ".se0", k.StandardErrorUnderNull);
        RReference.Near("kappa null SE, z, p", "kappa_grades", weights + ".z", k.Z);
        RReference.Near("kappa null SE, z, p", "kappa_grades", weights + ".p", k.P);
        Assert.Equal(4, k.Table.CategoryCount);
    }

    [Fact]
    public void Kappa_Unweighted_AgreesWithPsychButPsychsWeightedVarianceDoesNot()
    {
        var (a, b) = Grades();
        var none = CohenKappa.Compute(a, b);
        var quad = CohenKappa.Compute(a, b, KappaWeightings.Quadratic);
        RReference.Near("kappa", "kappa_grades", "psych.kappa", none.Kappa);
        RReference.Near("kappa SE (vcd ASE)", "kappa_grades", "psych.var", none.StandardError * none.StandardError);
        RReference.Near("kappa", "kappa_grades", "psych.weighted_kappa", quad.Kappa);
        // psych 2.2.9 reports var.weighted = 0 here (its weighted formula goes negative and is floored at 0); vcd
        // and the Fleiss–Cohen–Everitt formula give a positive variance. A documented difference between packages.
        Assert.Equal(0, RReference.Get("kappa_grades", "psych.var_weighted"));
        Assert.True(quad.StandardError > 0.03);
    }

    [Fact]
    public void Bowker_OnTheCategoriesBothReadersUsed_MatchesMcNemarTest()
    {
        var (a, b) = Grades();
        var full = ConfusionMatrix.FromPairs(a, b, [0, 1, 2, 3]);
        var counts = new int[3, 3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) counts[i, j] = full[i, j];
        var bw = McNemar.Bowker(ConfusionMatrix.FromCounts(counts, ["0", "1", "2"]));
        RReference.Near("McNemar/Bowker", "kappa_grades", "bowker3.statistic", bw.ChiSquare);
        Assert.Equal(RReference.Get("kappa_grades", "bowker3.df"), bw.DegreesOfFreedom);
        RReference.Near("McNemar/Bowker", "kappa_grades", "bowker3.p", bw.P);
    }

    [Theory]
    [InlineData("discordant_15_5")]
    [InlineData("one_sided")]
    [InlineData("large")]
    [InlineData("few")]
    public void McNemar_FromCounts_MatchesMcNemarTestAndBinomTest(string name)
    {
        var rows = RReference.Dataset("mcnemar_tables.csv");
        int r = rows.GetStrings("name").ToList().IndexOf(name);
        int C(string c) => (int)rows.GetNumbers(c)[r];
        var m = McNemar.FromCounts(C("a"), C("b"), C("c"), C("d"));
        string ds = "mcnemar_" + name;
        RReference.Near("McNemar/Bowker", ds, "chisq", m.ChiSquare!.Value);
        RReference.Near("McNemar/Bowker", ds, "p_chisq", m.PChiSquare!.Value);
        RReference.Near("McNemar/Bowker", ds, "chisq_corrected", m.ChiSquareCorrected!.Value);
        RReference.Near("McNemar/Bowker", ds, "p_chisq_corrected", m.PChiSquareCorrected!.Value);
        RReference.Near("McNemar/Bowker", ds, "p_exact", m.PExact);
    }

    [Fact]
    public void ConfusionMatrix_PerClassRecallPrecisionAndAccuracy_MatchBinomTest()
    {
        var (a, b) = Grades();
        var m = ConfusionMatrix.FromPairs(a, b, [0, 1, 2, 3]);
        foreach (var c in m.PerClass())
        {
            string p = $"class{c.Label}.";
            Assert.Equal(RReference.Has("confusion_grades", p + "recall"), c.Recall is not null);
            Assert.Equal(RReference.Has("confusion_grades", p + "precision"), c.Precision is not null);
            if (c.Recall is { } rec) Proportion(p + "recall", rec);
            if (c.Precision is { } pre) Proportion(p + "precision", pre);
        }
        Proportion("accuracy", m.Accuracy());
    }

    private static void Proportion(string name, ProportionEstimate p)
    {
        RReference.Near("proportions", "confusion_grades", name, p.Value);
        RReference.Near("Clopper–Pearson", "confusion_grades", name + ".cp.low", p.ClopperPearson.Lower);
        RReference.Near("Clopper–Pearson", "confusion_grades", name + ".cp.high", p.ClopperPearson.Upper);
        RReference.Near("Wilson", "confusion_grades", name + ".wilson.low", p.Wilson.Lower);
        RReference.Near("Wilson", "confusion_grades", name + ".wilson.high", p.Wilson.Upper);
    }
}
