using IronNotebooks.SignalRatio;
using Xunit;

namespace IronNotebooks.Tests.SignalRatio;

public class PhantomCalibrationTests
{
    private static readonly DateOnly Day = new(2026, 11, 22);

    private static PhantomCalibration Sedia(double iw, double t2) => PhantomCalibration.Derive("site-A 1.5T", Day, "alustiza2004",
        [new("FeCl3 0.5 mg Fe/mL", "IW", iw, 0.95), new("FeCl3 0.3 mg Fe/mL", "T2", t2, 0.47)], "sedia");

    [Fact]
    public void Derive_ScannerReading20PercentLow_FactorsAreReferenceOverMeasured_ApplyCorrection()
    {
        // IW 0.76 vs 0.95 → 1.25; T2 0.376 vs 0.47 → 1.25.
        var c = Sedia(0.76, 0.376);
        Assert.Equal(1.25, c.Factors["IW"], 1e-12);
        Assert.Equal(1.25, c.Factors["T2"], 1e-12);
        Assert.Equal(PhantomVerdict.ApplyCorrection, c.Verdict);
    }

    [Fact]
    public void Derive_Within10Percent_IsWithinVariability()
    {
        var c = Sedia(0.92, 0.45);
        Assert.Equal(PhantomVerdict.WithinVariability, c.Verdict);
    }

    [Fact]
    public void Derive_VialsOfOneSequenceDisagree_VerdictIsChangeTheProtocol()
    {
        // Factors 0.95/0.95 = 1.00 and 0.95/0.75 = 1.267 (two vials, same sequence, same reference): spread 27 % > 10 %.
        var c = PhantomCalibration.Derive("site-B", Day, "alustiza2004", [new("v1", "IW", 0.95, 0.95), new("v2", "IW", 0.75, 0.95)], "custom");
        Assert.Equal(PhantomVerdict.ChangeProtocol, c.Verdict);
        Assert.Equal(Math.Sqrt(1.0 * 0.95 / 0.75), c.Factors["IW"], 1e-12);   // geometric mean
        Assert.Contains(c.Notes, n => n.Contains("change the protocol", StringComparison.Ordinal));
        var e = Assert.Throws<SignalRatioException>(() => SirLic.Estimate("alustiza2004", new Dictionary<string, double> { ["IW"] = 0.9, ["T2"] = 0.5 },
            new SirLicOptions(Phantom: c)));
        Assert.Contains("must be changed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Derive_FactorBeyondTheAllowedMaximum_VerdictIsChangeTheProtocol()
    {
        var c = PhantomCalibration.Derive("site-C", Day, "alustiza2004", [new("v", "IW", 0.5, 0.95)], "sedia", maximumCorrectionFraction: 0.5);
        Assert.Equal(PhantomVerdict.ChangeProtocol, c.Verdict);
    }

    [Fact]
    public void SavedAndLoaded_AppliedToALaterExam_CorrectsRatiosBeforeTheFormula()
    {
        var c = Sedia(0.76, 0.376);
        var path = Path.Combine(Path.GetTempPath(), $"ironnb-phantom-{Guid.NewGuid():N}.json");
        try
        {
            c.Save(path);
            var text = File.ReadAllText(path);
            Assert.Contains("\"schema\": \"ironnotebooks/sir-phantom-calibration\"", text, StringComparison.Ordinal);
            Assert.Contains("\"scannerId\": \"site-A 1.5T\"", text, StringComparison.Ordinal);
            Assert.Contains("\"date\": \"2026-11-22\"", text, StringComparison.Ordinal);
            var loaded = PhantomCalibration.Load(path);
            Assert.Equal(c.Factors, loaded.Factors);
            Assert.Equal(2, loaded.Measurements.Count);
            // The scanner reads the SEDIA vials as 0.76 / 0.376; a patient read the same way gets exactly the SEDIA LIC, 52.128 µmol/g.
            var e = SirLic.Estimate("alustiza2004", new Dictionary<string, double> { ["IW"] = 0.76, ["T2"] = 0.376 }, new SirLicOptions(Phantom: loaded));
            Assert.Equal(52.128, e.Lic!.Value.UmolPerGram, 0.005);
            Assert.Equal("site-A 1.5T, 2026-11-22", e.PhantomCalibration);
            Assert.Contains(e.Warnings, w => w.StartsWith("Phantom correction of scanner 'site-A 1.5T'", StringComparison.Ordinal));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Apply_ToAnotherProtocol_IsRefused()
    {
        var c = Sedia(0.76, 0.376);
        Assert.Throws<SignalRatioException>(() => c.Apply(SirProtocols.Rennes1p5T, [LiverMuscleRatio.FromRatio("T2", 0.5)]));
    }

    [Theory]
    [InlineData("{\"schema\":\"something-else\",\"version\":1}")]
    [InlineData("{\"schema\":\"ironnotebooks/sir-phantom-calibration\",\"version\":2}")]
    [InlineData("{\"schema\":\"ironnotebooks/sir-phantom-calibration\",\"version\":1,\"scannerId\":\"x\",\"protocol\":\"alustiza2004\",\"factors\":{\"IW\":0}}")]
    [InlineData("not json")]
    public void FromJson_BadFiles_AreRefused(string json) =>
        Assert.Throws<SignalRatioException>(() => PhantomCalibration.FromJson(json, "bad.json"));

    [Fact]
    public void SediaReference_HoldsThePublishedVials()
    {
        var s = PhantomReference.Get("sedia");
        Assert.Equal(0.95, s.ForSequence("IW")!.ReferenceRatio);
        Assert.Equal(0.5, s.ForSequence("IW")!.IronMgPerMl);
        Assert.Equal(0.47, s.ForSequence("T2")!.ReferenceRatio);
        Assert.Equal(0.3, s.ForSequence("T2")!.IronMgPerMl);
    }
}
