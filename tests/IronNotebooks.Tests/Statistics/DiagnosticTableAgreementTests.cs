using IronNotebooks.Statistics;
using Xunit;

namespace IronNotebooks.Tests.Statistics;

/// <summary>2×2 tables and binomial intervals against R (binom.test, prop.test, and the published formulas in make_reference.R).</summary>
public class DiagnosticTableAgreementTests
{
    public static TheoryData<string> Tables() => new() { "typical", "zero_fp", "zero_fn", "small", "large" };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(19)]
    [InlineData(20)]
    public void BinomialIntervals_OfXOutOf20_MatchBinomTestAndPropTest(int x)
    {
        var cp = BinomialInterval.ClopperPearson(x, 20);
        var wi = BinomialInterval.Wilson(x, 20);
        var cp90 = BinomialInterval.ClopperPearson(x, 20, 0.9);
        RReference.Near("Clopper–Pearson", "binomial_20", $"cp.{x}.low", cp.Lower);
        RReference.Near("Clopper–Pearson", "binomial_20", $"cp.{x}.high", cp.Upper);
        RReference.Near("Clopper–Pearson", "binomial_20", $"cp90.{x}.low", cp90.Lower);
        RReference.Near("Clopper–Pearson", "binomial_20", $"cp90.{x}.high", cp90.Upper);
        RReference.Near("Wilson", "binomial_20", $"wilson.{x}.low", wi.Lower);
        RReference.Near("Wilson", "binomial_20", $"wilson.{x}.high", wi.Upper);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void FromCounts_OnEachReferenceTable_MatchesRForEveryProportionRatioAndYouden(string name)
    {
        var rows = RReference.Dataset("diagnostic_tables.csv");
        int r = rows.GetStrings("name").ToList().IndexOf(name);
        int Count(string c) => (int)rows.GetNumbers(c)[r];
        var t = DiagnosticTable.FromCounts(Count("tp"), Count("fp"), Count("fn"), Count("tn"));
        string ds = "diag_" + name;
        Proportion(ds, "sensitivity", t.Sensitivity);
        Proportion(ds, "specificity", t.Specificity);
        Proportion(ds, "ppv", t.Ppv!);
        Proportion(ds, "npv", t.Npv!);
        Proportion(ds, "accuracy", t.Accuracy);

        RReference.Near("likelihood ratios", ds, "lr_pos", t.PositiveLikelihoodRatio.Value);
        RReference.Near("likelihood ratios", ds, "lr_neg", t.NegativeLikelihoodRatio.Value);
        Interval("likelihood ratios", ds, "lr_pos", t.PositiveLikelihoodRatio.Interval);
        Interval("likelihood ratios", ds, "lr_neg", t.NegativeLikelihoodRatio.Interval);

        RReference.Near("Youden MOVER", ds, "youden", t.Youden.Value);
        Interval("Youden MOVER", ds, "youden.wilson", t.Youden.Wilson);
        Interval("Youden MOVER", ds, "youden.cp", t.Youden.ClopperPearson);

        foreach (var prevalence in new[] { 0.1, 0.3 })
        {
            var pv = t.AtPrevalence(prevalence);
            string p = FormattableString.Invariant($"{prevalence:F1}");
            RReference.Near("prevalence-adjusted PPV/NPV", ds, $"ppv_at_{p}", pv.Ppv!.Value);
            RReference.Near("prevalence-adjusted PPV/NPV", ds, $"npv_at_{p}", pv.Npv!.Value);
            Interval("prevalence-adjusted PPV/NPV", ds, $"ppv_at_{p}", pv.PpvCi);
            Interval("prevalence-adjusted PPV/NPV", ds, $"npv_at_{p}", pv.NpvCi);
        }
    }

    [Fact]
    public void FromCounts_WithNoFalsePositives_ReportsInfiniteLrPlusWithoutIntervalAndSaysWhy()
    {
        var t = DiagnosticTable.FromCounts(30, 0, 8, 42);
        Assert.Equal(double.PositiveInfinity, t.PositiveLikelihoodRatio.Value);
        Assert.Null(t.PositiveLikelihoodRatio.Interval);
        Assert.Contains(t.Warnings, w => w.Contains("LR+ is infinite"));
        Assert.Null(t.AtPrevalence(0.2).PpvCi);
    }

    [Fact]
    public void FromCounts_WithNoTestPositives_HasNullPpvAndAWarning()
    {
        var t = DiagnosticTable.FromCounts(0, 0, 5, 10);
        Assert.Null(t.Ppv);
        Assert.Contains(t.Warnings, w => w.Contains("PPV undefined"));
        Assert.True(double.IsNaN(t.PositiveLikelihoodRatio.Value));
        Assert.NotNull(t.PositiveLikelihoodRatio.Note);
    }

    [Fact]
    public void FromCounts_WithoutReferenceNegatives_Throws()
    {
        var e = Assert.Throws<InsufficientDataException>(() => DiagnosticTable.FromCounts(3, 0, 2, 0));
        Assert.Contains("no negatives", e.Message);
    }

    [Fact]
    public void FromClassifications_CountsTheCellsLikeFromCounts()
    {
        bool[] truth = [true, true, true, false, false, false, false];
        bool[] test = [true, false, true, true, false, false, false];
        var t = DiagnosticTable.FromClassifications(truth, test);
        Assert.Equal((2, 1, 1, 3), (t.TruePositives, t.FalsePositives, t.FalseNegatives, t.TrueNegatives));
        Assert.Equal(DiagnosticTable.FromCounts(2, 1, 1, 3).Sensitivity, t.Sensitivity);
    }

    private static void Proportion(string ds, string name, ProportionEstimate p)
    {
        RReference.Near("proportions", ds, name, p.Value);
        RReference.Near("Clopper–Pearson", ds, name + ".cp.low", p.ClopperPearson.Lower);
        RReference.Near("Clopper–Pearson", ds, name + ".cp.high", p.ClopperPearson.Upper);
        RReference.Near("Wilson", ds, name + ".wilson.low", p.Wilson.Lower);
        RReference.Near("Wilson", ds, name + ".wilson.high", p.Wilson.Upper);
    }

    internal static void Interval(string family, string ds, string name, ConfidenceInterval? ci)
    {
        bool rHas = RReference.Has(ds, name + ".low");
        Assert.True(rHas == ci is not null, $"{ds}/{name}: R interval {(rHas ? "present" : "absent")}, ours {(ci is null ? "absent" : "present")}");
        if (ci is null) return;
        RReference.Near(family, ds, name + ".low", ci.Lower);
        RReference.Near(family, ds, name + ".high", ci.Upper);
    }
}
