using IronNotebooks.Calibration;
using IronNotebooks.SignalRatio;
using Xunit;

namespace IronNotebooks.Tests.SignalRatio;

public class TwoSequenceModelTests
{
    private static SirEstimate Estimate(double iw, double t2, double field = 1.5) =>
        TwoSequenceModel.Estimate([LiverMuscleRatio.FromRatio("IW", iw), LiverMuscleRatio.FromRatio("T2", t2)], field);

    [Fact]
    public void SediaPhantomPoint_Iw095_T2047_Gives52UmolPerGram_Not62()
    {
        // Hand computation: 5.808 − 0.877·0.47 − 1.518·0.95 = 5.808 − 0.41219 − 1.4421 = 3.95371; e^3.95371 = 52.128.
        var e = Estimate(0.95, 0.47);
        Assert.Equal(52.128, e.Lic!.Value.UmolPerGram, 0.005);
        Assert.NotEqual(62, e.Lic.Value.UmolPerGram, 5.0);   // docs/methods.md §2.2: the printed "≈ 62" is not what the formula gives
        Assert.Equal(SirMethodStatus.Published, e.Status);
    }

    [Fact]
    public void NormalRatios_Iw12_T211_Give20Point5UmolPerGram()
    {
        // 5.808 − 0.877·1.1 − 1.518·1.2 = 5.808 − 0.9647 − 1.8216 = 3.0217; e^3.0217 = 20.526.
        Assert.Equal(20.526, TwoSequenceModel.Lic(1.2, 1.1).UmolPerGram, 0.005);
    }

    [Fact]
    public void LowRatios_Iw06_T205_Give86UmolPerGram_AndRuleHighOverloadIn()
    {
        // 5.808 − 0.4385 − 0.9108 = 4.4587; e^4.4587 = 86.38.
        var e = Estimate(0.6, 0.5);
        Assert.Equal(86.38, e.Lic!.Value.UmolPerGram, 0.01);
        Assert.Equal("ruled-in", Assert.Single(e.Decisions).Outcome);
    }

    [Theory]
    [InlineData(39.99, "ruled-out")]
    [InlineData(40.0, "uncertain")]
    [InlineData(62.0, "uncertain")]
    [InlineData(85.0, "uncertain")]
    [InlineData(85.01, "ruled-in")]
    public void Decision_CutOffs40And85_AreStrict(double umol, string outcome) =>
        Assert.Equal(outcome, TwoSequenceModel.Decide(LiverIronConcentration.FromUmolPerGram(umol)).Outcome);

    [Fact]
    public void Estimate_At1T_WarnsThatTheFormulaIsFor15T()
    {
        var e = Estimate(0.95, 0.47, field: 1.0);
        Assert.Contains(e.Warnings, w => w.Contains("derived at 1.5 T", StringComparison.Ordinal));
    }

    [Fact]
    public void Formula_CannotExceedItsDerivationCohortRange_333UmolPerGramAtZeroRatios()
    {
        // exp(5.808 − …) only falls as the ratios rise, and ratios are > 0 …
        // … so the largest physical value (both ratios → 0) is e^5.808 = 332.95 µmol/g: the model cannot exceed its cohort range.
        Assert.Equal(332.95, TwoSequenceModel.Lic(1e-9, 1e-9).UmolPerGram, 0.01);
        Assert.DoesNotContain(Estimate(0.05, 0.05).Warnings, w => w.Contains("extrapolation", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_MissingT2_NamesTheSequence()
    {
        var e = Assert.Throws<SignalRatioException>(() => TwoSequenceModel.Estimate([LiverMuscleRatio.FromRatio("IW", 0.9)]));
        Assert.Equal("T2", e.Sequence);
        Assert.Contains("missing: T2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_UnknownSequence_NamesItAndListsTheProtocols()
    {
        var e = Assert.Throws<SignalRatioException>(() => TwoSequenceModel.Estimate([LiverMuscleRatio.FromRatio("IW", 0.9), LiverMuscleRatio.FromRatio("T2++", 0.5)]));
        Assert.Equal("T2++", e.Sequence);
        Assert.Contains("IW, T2", e.Message, StringComparison.Ordinal);
    }
}
