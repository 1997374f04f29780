using IronNotebooks.Statistics;
using Xunit;

namespace IronNotebooks.Tests.Statistics;

/// <summary>Correlation, OLS, Deming, Passing–Bablok and Lin's CCC against R (cor.test, lm, and base-R transcriptions by other routes).</summary>
public class MethodComparisonAgreementTests
{
    public static TheoryData<string, string, string, string> Cases() => new()
    {
        { "corr_method_comparison", "method_comparison.csv", "biopsy_lic_mg_g", "mri_lic_mg_g" },
        { "corr_pefr", "bland_altman_pefr_1986.csv", "wright", "mini_wright" },
        { "corr_small_n", "small_n.csv", "x", "y" },
    };

    private static (double[] X, double[] Y) Load(string file, string cx, string cy)
    {
        var d = RReference.Dataset(file);
        return (d.GetNumbers(cx), d.GetNumbers(cy));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PearsonAndSpearman_MatchCorTest(string ds, string file, string cx, string cy)
    {
        var (x, y) = Load(file, cx, cy);
        var p = Correlation.Pearson(x, y);
        RReference.Near("Pearson", ds, "pearson.r", p.Coefficient);
        RReference.Near("Pearson", ds, "pearson.low", p.Ci!.Lower);
        RReference.Near("Pearson", ds, "pearson.high", p.Ci.Upper);
        RReference.Near("Pearson", ds, "pearson.p", p.P);
        var s = Correlation.Spearman(x, y);
        RReference.Near("Spearman", ds, "spearman.rho", s.Coefficient);
        RReference.Near("Spearman", ds, "spearman.p", s.P);
        RReference.Near("Spearman", ds, "spearman.low", s.Ci!.Lower);
        RReference.Near("Spearman", ds, "spearman.high", s.Ci.Upper);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ols_MatchesLm(string ds, string file, string cx, string cy)
    {
        var (x, y) = Load(file, cx, cy);
        var f = MethodComparison.Ols(x, y);
        RReference.Near("OLS", ds, "ols.slope", f.Slope);
        RReference.Near("OLS", ds, "ols.intercept", f.Intercept);
        RReference.Near("OLS", ds, "ols.slope.se", f.SlopeStandardError!.Value);
        RReference.Near("OLS", ds, "ols.intercept.se", f.InterceptStandardError!.Value);
        RReference.Near("OLS", ds, "ols.slope.low", f.SlopeCi.Lower);
        RReference.Near("OLS", ds, "ols.slope.high", f.SlopeCi.Upper);
        RReference.Near("OLS", ds, "ols.intercept.low", f.InterceptCi.Lower);
        RReference.Near("OLS", ds, "ols.intercept.high", f.InterceptCi.Upper);
        RReference.Near("OLS", ds, "ols.slope.p", f.SlopeP!.Value);
        RReference.Near("OLS", ds, "ols.r2", f.RSquared!.Value);
        RReference.Near("OLS", ds, "ols.sigma", f.ResidualStandardDeviation!.Value);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Deming_WithErrorRatios1And2_MatchesTheEigenvectorRouteAndItsJackknife(string ds, string file, string cx, string cy)
    {
        var (x, y) = Load(file, cx, cy);
        foreach (var lambda in new[] { 1.0, 2.0 })
        {
            var f = MethodComparison.Deming(x, y, DemingOptions.Default with { ErrorVarianceRatio = lambda });
            string p = FormattableString.Invariant($"deming{lambda:G}.");
            RReference.Near("Deming", ds, p + "slope", f.Slope);
            RReference.Near("Deming", ds, p + "intercept", f.Intercept);
            RReference.Near("Deming", ds, p + "slope.se", f.SlopeStandardError!.Value);
            RReference.Near("Deming", ds, p + "intercept.se", f.InterceptStandardError!.Value);
            RReference.Near("Deming", ds, p + "slope.low", f.SlopeCi.Lower);
            RReference.Near("Deming", ds, p + "slope.high", f.SlopeCi.Upper);
            RReference.Near("Deming", ds, p + "intercept.low", f.InterceptCi.Lower);
            RReference.Near("Deming", ds, p + "intercept.high", f.InterceptCi.Upper);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PassingBablok_MatchesTheAllPairsTranscription(string ds, string file, string cx, string cy)
    {
        var (x, y) = Load(file, cx, cy);
        var f = MethodComparison.PassingBablok(x, y);
        RReference.Near("Passing–Bablok", ds, "pb.slope", f.Slope);
        RReference.Near("Passing–Bablok", ds, "pb.intercept", f.Intercept);
        RReference.Near("Passing–Bablok", ds, "pb.slope.low", f.SlopeCi.Lower);
        RReference.Near("Passing–Bablok", ds, "pb.slope.high", f.SlopeCi.Upper);
        RReference.Near("Passing–Bablok", ds, "pb.intercept.low", f.InterceptCi.Lower);
        RReference.Near("Passing–Bablok", ds, "pb.intercept.high", f.InterceptCi.Upper);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Concordance_MatchesLinsFormula(string ds, string file, string cx, string cy)
    {
        var (x, y) = Load(file, cx, cy);
        var c = MethodComparison.Concordance(x, y);
        RReference.Near("Lin CCC", ds, "ccc", c.Ccc);
        RReference.Near("Lin CCC", ds, "ccc.low", c.Ci!.Lower);
        RReference.Near("Lin CCC", ds, "ccc.high", c.Ci.Upper);
        RReference.Near("Lin CCC", ds, "ccc.cb", c.BiasCorrectionFactor);
        Assert.Equal(c.PearsonR * c.BiasCorrectionFactor, c.Ccc, 12);
    }
}
