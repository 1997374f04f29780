using IronNotebooks.SignalRatio;
using Xunit;

namespace IronNotebooks.Tests.SignalRatio;

/// <summary>The reconstruction against hand computations on ratios that decay exactly as exp(−ΔR2*·TE).</summary>
public class SirReconstructionTests
{
    /// <summary>L/M = K·exp(−ΔR·TE) on every sequence of a protocol (T1 at the same value as PD: it is not fitted).</summary>
    private static Dictionary<string, double> Exact(string protocol, double deltaRPerSecond, double k = 1.0)
    {
        var p = SirProtocols.Get(protocol);
        return p.Acquisition.Steps.ToDictionary(s => s.Label, s => k * Math.Exp(-deltaRPerSecond * s.EchoTimeMs / 1000));
    }

    [Fact]
    public void Rennes15T_DeltaR100_GivesLiverR2Star130_AndWood2005Lic3Point504MgPerGram()
    {
        // muscle 30 + ΔR 100 = 130 s⁻¹; Wood 2005: 0.0254·130 + 0.202 = 3.504 mg/g.
        var e = SirReconstruction.Rennes("rennes-1.5T", Exact("rennes-1.5T", 100, k: 1.13));
        Assert.Equal(130, e.LiverR2StarPerSecond!.Value, 1e-9);
        Assert.Equal(3.504, e.Lic!.Value.MgPerGram, 1e-9);
        Assert.Equal(SirMethodStatus.Reconstruction, e.Status);
        Assert.Contains("reconstruction", e.Method, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(e.Warnings, w => w.StartsWith("Reconstruction, not the official Rennes worksheet", StringComparison.Ordinal));
        Assert.Equal("wood2005", e.R2StarConversion!.Calibration);
    }

    [Fact]
    public void Rennes1T_DeltaR100_ConvertsR2StarTo15TLinearlyInField_5Point015MgPerGram()
    {
        // R2*(1.0 T) = 130 → R2*(1.5 T) = 11 + 1.5/1.0·(130 − 11) = 189.5 s⁻¹ → Wood 0.0254·189.5 + 0.202 = 5.0153 mg/g.
        var e = SirReconstruction.Rennes("rennes-1.0T", Exact("rennes-1.0T", 100));
        Assert.Equal(5.0153, e.Lic!.Value.MgPerGram, 1e-9);
        Assert.Equal(SirReconstruction.FieldExtensionName, e.R2StarConversion!.FieldScaling);
        Assert.Contains(e.Warnings, w => w.Contains("189.5", StringComparison.Ordinal));
        Assert.Contains(e.Warnings, w => w.StartsWith("Muscle R2* 30 s⁻¹ is assumed at 1 T", StringComparison.Ordinal));
    }

    [Fact]
    public void Rennes3T_DeltaR100_UsesHernando3T_1Point7237MgPerGram()
    {
        // 0.01349·130 − 0.03 = 1.7237 mg/g.
        var e = SirReconstruction.Rennes("rennes-3T", Exact("rennes-3T", 100));
        Assert.Equal(1.7237, e.Lic!.Value.MgPerGram, 1e-9);
        Assert.Equal("hernando-3t", e.R2StarConversion!.Calibration);
    }

    [Fact]
    public void Rennes_ChosenCalibrationAndMuscleR2Star_AreUsed()
    {
        // muscle 25 + ΔR 100 = 125; Hernando 1.5 T: 0.02603·125 − 0.16 = 3.09375 mg/g.
        var e = SirReconstruction.Rennes("rennes-1.5T", Exact("rennes-1.5T", 100),
            new SirReconstructionOptions(MuscleR2StarPerSecond: 25, R2StarCalibration: "hernando-1.5t"));
        Assert.Equal(3.09375, e.Lic!.Value.MgPerGram, 1e-9);
    }

    [Fact]
    public void Rennes_OnlyPdAboveTheFloor_IsSaturatedWithTheModelFreeLowerBound()
    {
        // PD 0.2 at 4 ms, T2 0.03 < 0.05 at 9 ms: ΔR > ln(0.2/0.05)/5 ms = 277.26 s⁻¹ → R2* > 307.26 → Wood > 8.0064 mg/g = 143.37 µmol/g.
        var r = new Dictionary<string, double> { ["T1"] = 0.3, ["PD"] = 0.2, ["T2"] = 0.03, ["T2+"] = 0.02, ["T2++"] = 0.02 };
        var e = SirReconstruction.Rennes("rennes-1.5T", r);
        Assert.True(e.AboveRange);
        Assert.Null(e.Lic);
        Assert.Equal(143.37, e.LicLowerBound!.Value.UmolPerGram, 0.01);
        Assert.True(e.LilleRecommended);
        Assert.Contains(e.Warnings, w => w.StartsWith("Saturated", StringComparison.Ordinal));
    }

    [Fact]
    public void Rennes_EverythingBelowTheFloor_IsSaturatedWithoutABound()
    {
        var r = new Dictionary<string, double> { ["T1"] = 0.06, ["PD"] = 0.04, ["T2"] = 0.03, ["T2+"] = 0.03, ["T2++"] = 0.03 };
        var e = SirReconstruction.Rennes("rennes-1.5T", r);
        Assert.True(e.AboveRange);
        Assert.Null(e.LicLowerBound);
    }

    [Fact]
    public void Rennes_AbovePublishedCeiling_WarnsAndRecommendsLille()
    {
        // ΔR 800 s⁻¹ with the floor lowered so every sequence is used: R2* 830 → Wood 0.0254·830 + 0.202 = 21.284 mg/g = 381 µmol/g > 350.
        var e = SirReconstruction.Rennes("rennes-1.5T", Exact("rennes-1.5T", 800), SirReconstructionOptions.Default with { MinimumUsableRatio = 1e-6 });
        Assert.Equal((0.0254 * 830 + 0.202) * 17.907, e.Lic!.Value.UmolPerGram, 1e-6);
        Assert.Contains(e.Decisions, d => d.Outcome == "above-range");
        Assert.Contains(e.Warnings, w => w.Contains("upper limit", StringComparison.Ordinal));
        Assert.True(e.LilleRecommended);
    }

    [Fact]
    public void Lille_HandComputedFromTheSpoiledGreEquation()
    {
        // K = 0.95·f(586) / f(856) with f(T1) = sin60°(1 − e^{−48/T1})/(1 − cos60°·e^{−48/T1}).
        double F(double t1) { double e1 = Math.Exp(-48 / t1); return Math.Sin(Math.PI / 3) * (1 - e1) / (1 - 0.5 * e1); }
        double k = 0.95 * F(586) / F(856);
        double ratio = 0.3, deltaR = Math.Log(k / ratio) / 1.8 * 1000, r2 = 30 + deltaR;
        var e = SirReconstruction.Lille(ratio);
        Assert.Equal(r2, e.LiverR2StarPerSecond!.Value, 1e-9);
        Assert.Equal(0.0254 * r2 + 0.202, e.Lic!.Value.MgPerGram, 1e-9);
        Assert.Equal(SirMethodStatus.Reconstruction, e.Status);
        Assert.Contains(e.Warnings, w => w.StartsWith("Reconstruction, not the Lille formula", StringComparison.Ordinal));
    }

    [Fact]
    public void SirLic_RennesSaturatedWithLilleRatio_ReportsTheLilleEstimate()
    {
        var r = new Dictionary<string, double> { ["T1"] = 0.3, ["PD"] = 0.2, ["T2"] = 0.03, ["T2+"] = 0.02, ["T2++"] = 0.02, ["Lille"] = 0.3 };
        var e = SirLic.Estimate("rennes-1.5T", r);
        Assert.Equal("lille-addon-1.5T", e.Protocol);
        Assert.Equal(SirReconstruction.Lille(0.3).Lic!.Value.MgPerGram, e.Lic!.Value.MgPerGram, 1e-12);
        Assert.Contains(e.Warnings, w => w.StartsWith("Rennes (", StringComparison.Ordinal));
        Assert.Contains(e.Decisions, d => d.Rule.StartsWith("Rennes: L/M < 0.88", StringComparison.Ordinal));
    }

    [Fact]
    public void SirLic_RennesBelow300WithLilleRatio_KeepsRennesAndSaysWhy()
    {
        var r = Exact("rennes-1.5T", 100);
        r["Lille"] = 0.5;
        var e = SirLic.Estimate("rennes-1.5T", r);
        Assert.Equal("rennes-1.5T", e.Protocol);
        Assert.Contains(e.Warnings, w => w.StartsWith("A Lille ratio was given", StringComparison.Ordinal));
    }

    [Fact]
    public void Rennes_MissingSequence_NamesIt()
    {
        var r = Exact("rennes-1.5T", 100);
        r.Remove("T2+");
        var e = Assert.Throws<SignalRatioException>(() => SirReconstruction.Rennes("rennes-1.5T", r));
        Assert.Equal("T2+", e.Sequence);
        Assert.Contains("T2+ = 120/14/20°", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SirLic_ExamAtAnotherField_IsRefused()
    {
        var e = Assert.Throws<SignalRatioException>(() => SirLic.Estimate("rennes-1.5T", Exact("rennes-1.5T", 100), new SirLicOptions(FieldStrengthT: 1.0)));
        Assert.Contains("1 T", e.Message, StringComparison.Ordinal);
    }
}
