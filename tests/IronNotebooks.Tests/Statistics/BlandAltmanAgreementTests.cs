using IronNotebooks.Statistics;
using Xunit;

namespace IronNotebooks.Tests.Statistics;

/// <summary>Bland–Altman on three scales and repeatability against the formulas evaluated in R (make_reference.R; lm, aov).</summary>
public class BlandAltmanAgreementTests
{
    public static TheoryData<string, string, string, string, string> Cases()
    {
        var d = new TheoryData<string, string, string, string, string>();
        foreach (var scale in new[] { "difference", "percent", "log" })
        {
            d.Add("ba_method_comparison", "method_comparison.csv", "biopsy_lic_mg_g", "mri_lic_mg_g", scale);
            d.Add("ba_pefr", "bland_altman_pefr_1986.csv", "wright", "mini_wright", scale);
            d.Add("ba_small_n", "small_n.csv", "x", "y", scale);
        }
        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_OnReferenceData_MatchesBiasLimitsTheirIntervalsAndTheProportionalBiasFit(string ds, string file, string ca, string cb, string scale)
    {
        var data = RReference.Dataset(file);
        var a = data.GetNumbers(ca);
        var b = data.GetNumbers(cb);
        var s = BlandAltmanScales.Get(scale == "log" ? "log-ratio" : scale);
        var r99 = BlandAltman.Compute(a, b, BlandAltmanOptions.Default with { Scale = s });
        var r86 = BlandAltman.Compute(a, b, BlandAltmanOptions.Default with { Scale = s, LimitCiMethod = LimitsOfAgreementCiMethod.BlandAltman1986 });
        string p = scale + ".";
        Assert.Equal(RReference.Get(ds, p + "n"), r99.N);
        RReference.Near("Bland–Altman bias/SD/limits", ds, p + "bias", r99.Bias);
        RReference.Near("Bland–Altman bias/SD/limits", ds, p + "sd", r99.SdDifference);
        RReference.Near("Bland–Altman bias/SD/limits", ds, p + "loa.low", r99.LowerLimit);
        RReference.Near("Bland–Altman bias/SD/limits", ds, p + "loa.high", r99.UpperLimit);
        RReference.Near("Bland–Altman intervals", ds, p + "bias.low", r99.BiasCi.Lower);
        RReference.Near("Bland–Altman intervals", ds, p + "bias.high", r99.BiasCi.Upper);
        RReference.Near("Bland–Altman intervals", ds, p + "loa.low.ci99.low", r99.LowerLimitCi.Lower);
        RReference.Near("Bland–Altman intervals", ds, p + "loa.low.ci99.high", r99.LowerLimitCi.Upper);
        RReference.Near("Bland–Altman intervals", ds, p + "loa.high.ci99.low", r99.UpperLimitCi.Lower);
        RReference.Near("Bland–Altman intervals", ds, p + "loa.high.ci99.high", r99.UpperLimitCi.Upper);
        RReference.Near("Bland–Altman intervals", ds, p + "loa.low.ci86.low", r86.LowerLimitCi.Lower);
        RReference.Near("Bland–Altman intervals", ds, p + "loa.low.ci86.high", r86.LowerLimitCi.Upper);
        RReference.Near("Bland–Altman intervals", ds, p + "loa.high.ci86.low", r86.UpperLimitCi.Lower);
        RReference.Near("Bland–Altman intervals", ds, p + "loa.high.ci86.high", r86.UpperLimitCi.Upper);
        RReference.Near("proportional bias (lm)", ds, p + "prop.slope", r99.ProportionalBias.Slope);
        RReference.Near("proportional bias (lm)", ds, p + "prop.intercept", r99.ProportionalBias.Intercept);
        RReference.Near("proportional bias (lm)", ds, p + "prop.slope.se", r99.ProportionalBias.SlopeStandardError!.Value);
        RReference.Near("proportional bias (lm)", ds, p + "prop.slope.p", r99.ProportionalBias.SlopeP!.Value);
        Assert.Equal(scale == "log", r99.Ratios is not null);
        if (r99.Ratios is { } ratio) Assert.Equal(Math.Exp(r99.Bias), ratio.Bias, 15);
    }

    [Fact]
    public void Compute_OnThePublishedPefrData_ReproducesTheBiasAndSdOfBlandAndAltman1986()
    {
        // Paper: mean difference (Wright − mini) −2.1 l/min, SD 38.8 l/min; ours is b − a = mini − Wright.
        var data = RReference.Dataset("bland_altman_pefr_1986.csv");
        var r = BlandAltman.Compute(data.GetNumbers("wright"), data.GetNumbers("mini_wright"));
        Assert.Equal(2.1, r.Bias, 1);
        Assert.Equal(38.8, r.SdDifference, 1);
    }

    [Fact]
    public void Repeatability_OnUnbalancedReplicates_MatchesAovWithinSubjectSdAndItsChiSquareInterval()
    {
        var data = RReference.Dataset("repeatability.csv");
        var r = Repeatability.Compute(data.GetStrings("subject"), data.GetNumbers("r2star_per_s"));
        Assert.Equal(RReference.Get("repeatability", "df"), r.DegreesOfFreedom);
        RReference.Near("repeatability", "repeatability", "within_sd", r.WithinSubjectSd);
        RReference.Near("repeatability", "repeatability", "within_sd.low", r.WithinSubjectSdCi.Lower);
        RReference.Near("repeatability", "repeatability", "within_sd.high", r.WithinSubjectSdCi.Upper);
        RReference.Near("repeatability", "repeatability", "rc", r.RepeatabilityCoefficient);
    }
}
