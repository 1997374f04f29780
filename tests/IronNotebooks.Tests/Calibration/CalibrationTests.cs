using IronNotebooks.Calibration;
using Xunit;

namespace IronNotebooks.Tests.Calibration;

public sealed class CalibrationTests
{
    [Fact]
    public void LiverIronConcentration_OneMgPerGram_Is17907UmolAnd1000Microgram()
    {
        var lic = LiverIronConcentration.FromMgPerGram(1);
        Assert.Equal(17.907, lic.UmolPerGram, 12);
        Assert.Equal(1000, lic.MicrogramsPerGram, 12);
        Assert.Equal(2.0, LiverIronConcentration.FromUmolPerGram(2 * 17.907).MgPerGram, 12);
        Assert.Equal(0.5, LiverIronConcentration.FromMicrogramsPerGram(500).MgPerGram, 12);
    }

    [Fact]
    public void LiverIronConcentration_NaN_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LiverIronConcentration.FromMgPerGram(double.NaN));

    [Theory]
    [InlineData("wood2005", 100, 0.0254 * 100 + 0.202)]
    [InlineData("hankins2009", 100, 0.02802 * 100 - 0.45485)]
    [InlineData("henninger2015", 100, 0.024 * 100 + 0.277)]
    [InlineData("hernando-1.5t", 100, 0.02603 * 100 - 0.16)]
    [InlineData("hernando-2.89t", 200, 0.01400 * 200 - 0.03)]
    [InlineData("hernando-3t", 200, 0.01349 * 200 - 0.03)]
    public void FromRate_LinearCalibrationsAtTheirField_ApplyThePublishedFormula(string name, double r2s, double expectedMgPerGram)
    {
        var c = RelaxometryCalibrations.Get(name);
        var e = LicConversion.FromRate(r2s, c.FieldStrengthT, c);
        Assert.Equal(expectedMgPerGram, e.Lic!.Value.MgPerGram, 12);
        Assert.DoesNotContain(e.Warnings, w => w.StartsWith("Field strength differs", StringComparison.Ordinal));
    }

    [Fact]
    public void FromRate_Garbowski_MatchesItsT2StarForm()
    {
        // 0.0290·R2*^1.014 with R2* = 1000/T2*: 0.0290·1000^1.014 = 31.94 (docs/methods.md), so LIC = 31.94/T2*^1.014.
        var e = LicConversion.FromRate(1000.0 / 5, 1.5, RelaxometryCalibrations.Garbowski2014);
        Assert.Equal(31.94 / Math.Pow(5, 1.014), e.Lic!.Value.MgPerGram, 0.01);
    }

    [Fact]
    public void FromRate_WoodOutsideItsValidityRange_WarnsButStillReports()
    {
        var e = LicConversion.FromRate(2000, 1.5, RelaxometryCalibrations.Wood2005); // 51 mg/g > 32.9
        Assert.Contains(e.Warnings, w => w.StartsWith("Outside the calibration's validity range", StringComparison.Ordinal));
        Assert.Equal("1.33–32.9 mg/g", e.ValidityRange);
        Assert.Equal(EvidenceStatus.Secondary, e.Status);
    }

    [Fact]
    public void FromRate_CalibrationWithoutStatedRange_SaysNotStated()
    {
        var e = LicConversion.FromRate(100, 1.5, RelaxometryCalibrations.Hankins2009);
        Assert.Equal("not stated", e.ValidityRange);
        Assert.Contains(e.Warnings, w => w.Contains("validity range not stated", StringComparison.Ordinal));
    }

    [Fact]
    public void FromRate_ThreeTeslaValueOnOnePointFiveTeslaCalibration_WarnsFieldDiffers()
    {
        var e = LicConversion.FromRate(100, 3.0, RelaxometryCalibrations.Wood2005);
        Assert.Contains(e.Warnings, w => w.StartsWith("Field strength differs", StringComparison.Ordinal));
        Assert.Null(e.FieldScaling);
        Assert.Equal(100, e.RateUsedPerSecond);
    }

    [Fact]
    public void FromRate_WithStoreyScaling_ConvertsToTheCalibrationFieldAndRecordsTheStep()
    {
        var e = LicConversion.FromRate(189, 3.0, RelaxometryCalibrations.Wood2005, FieldStrengthScalings.Storey2007Liver);
        Assert.Equal(100, e.RateUsedPerSecond, 12); // (189 + 11) / 2
        Assert.Equal("storey2007-liver", e.FieldScaling);
        Assert.Equal(0.0254 * 100 + 0.202, e.Lic!.Value.MgPerGram, 12);
    }

    [Fact]
    public void Storey2007Liver_NormalLiver_Maps39To67()
    {
        // 2.00·39 − 11 = 67 s⁻¹ (Storey reports 69 s⁻¹ measured at 3 T; the line is a fit).
        Assert.Equal(67, FieldStrengthScalings.Storey2007Liver.Convert(39, 1.5, 3.0), 12);
        Assert.Equal(39, FieldStrengthScalings.Storey2007Liver.Convert(67, 3.0, 1.5), 12);
        Assert.Throws<ArgumentException>(() => FieldStrengthScalings.Storey2007Liver.Convert(50, 1.0, 3.0));
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(5.0)]
    [InlineData(15.0)]
    [InlineData(30.0)]
    public void StPierre_PublishedInverse_AgreesWithTheForwardCurve(double mgPerGram)
    {
        double r2 = RelaxometryCalibrations.StPierre2005ForwardR2PerSecond(LiverIronConcentration.FromMgPerGram(mgPerGram));
        var e = LicConversion.FromRate(r2, 1.5, RelaxometryCalibrations.StPierre2005);
        // The published inverse uses rounded constants: agreement to 2 % over 1–30 mg/g.
        Assert.Equal(mgPerGram, e.Lic!.Value.MgPerGram, mgPerGram * 0.02);
    }

    [Fact]
    public void StPierre_AboveTheInverseDomain_ReturnsNoLicWithWarning()
    {
        var e = LicConversion.FromRate(400, 1.5, RelaxometryCalibrations.StPierre2005);
        Assert.Null(e.Lic);
        Assert.Contains(e.Warnings, w => w.Contains("gives no value", StringComparison.Ordinal));
    }

    [Fact]
    public void FromRate_HankinsAtVeryLowR2Star_WarnsNegativeLic()
    {
        var e = LicConversion.FromRate(10, 1.5, RelaxometryCalibrations.Hankins2009);
        Assert.True(e.Lic!.Value.MgPerGram < 0);
        Assert.Contains(e.Warnings, w => w.StartsWith("Negative LIC", StringComparison.Ordinal));
    }

    [Fact]
    public void Registry_EveryCalibration_CarriesCitationFieldAndStatus()
    {
        Assert.Equal(8, RelaxometryCalibrations.All.Count);
        Assert.All(RelaxometryCalibrations.All, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Citation));
            Assert.InRange(c.FieldStrengthT, 1.5, 3.0);
            Assert.False(string.IsNullOrWhiteSpace(c.StatusNote));
        });
        Assert.Throws<ArgumentException>(() => RelaxometryCalibrations.Get("ferriscan"));
    }

    [Theory]
    [InlineData(1.79, 0)]
    [InlineData(1.8, 1)]
    [InlineData(3.2, 2)]
    [InlineData(7.0, 3)]
    [InlineData(15.0, 4)]
    [InlineData(40.0, 4)]
    public void Guideline_Boundaries_GoToTheClassAbove(double mgPerGram, int grade) =>
        Assert.Equal(grade, LicClasses.Guideline.Classify(mgPerGram).Index);

    [Theory]
    [InlineData(35.9, "normal")]
    [InlineData(36, "moderate")]
    [InlineData(80, "moderate")]
    [InlineData(80.1, "high")]
    public void BiopsyClasses_FollowTheSirPapers(double umol, string label) =>
        Assert.Equal(label, LicClasses.BiopsyUmol.Classify(umol).Label);

    [Theory]
    [InlineData(10, "severe")]
    [InlineData(10.5, "moderate")]
    [InlineData(20, "moderate")]
    [InlineData(20.1, "no iron")]
    public void CardiacT2Star_ClassesAt15T(double t2sMs, string label) =>
        Assert.Equal(label, LicClasses.CardiacT2Star.Classify(t2sMs).Label);

    [Fact]
    public void Guideline_CustomLabels_AreUsed()
    {
        var scheme = LicClasses.Guideline with { Labels = ["normal", "mild", "moderate", "severe", "very severe"] };
        Assert.Equal("severe", scheme.Classify(10).Label);
        Assert.Throws<ArgumentException>(() => (LicClasses.Guideline with { Labels = ["a"] }).Classify(1));
    }

    [Fact]
    public void FibrosisIndex_DomainExample_Gives558000AboveCutoff()
    {
        var r = IronIndices.FibrosisIndex(LiverIronConcentration.FromUmolPerGram(200), 50);
        Assert.Equal(50 * 200 / 17.907 * 1000, r.Value, 6);
        Assert.InRange(r.Value, 558_000, 558_500);
        Assert.True(r.AboveThreshold);
    }

    [Fact]
    public void HepaticIronIndex_IsUmolPerGramOverAge()
    {
        var r = IronIndices.HepaticIronIndex(LiverIronConcentration.FromUmolPerGram(100), 40);
        Assert.Equal(2.5, r.Value, 12);
        Assert.True(r.AboveThreshold);
    }
}
