using IronNotebooks.Calibration;
using IronNotebooks.FatWater;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;
using IronNotebooks.Simulation;
using Xunit;

namespace IronNotebooks.Tests.FatWater;

/// <summary>Spectra, noiseless recovery, bad input (issue 18) and calibrations keyed by R2* kind.</summary>
public sealed class FatWaterInputTests
{
    private static double[] Clean(double field, double pdff, double rate) =>
        [.. ChemicalShiftSimulation.EchoTimesMs(field).Select(t => ChemicalShiftSimulation.Signal(FatSpectra.Hamilton2011, field, t, 1000, pdff, rate).Magnitude)];

    [Fact]
    public void Hamilton2011_FrequenciesAt1p5T_FollowThePpmTimesGammaTimesB0()
    {
        var s = FatSpectra.Get("HAMILTON2011");
        Assert.Equal(1.0, s.RelativeAmplitudes.Sum(), 12);
        Assert.Equal(-3.40 * 42.577478 * 1.5, s.MainPeakHz(1.5), 9);      // ≈ −217.1 Hz (docs/methods.md §6)
        Assert.Equal(-3.80 * 42.577478 * 3.0, s.FrequenciesHz(3.0)[0], 9);
        Assert.Equal(1.0, s.Modulation(0, 1.5).Real, 12);
        Assert.Throws<ArgumentException>(() => FatSpectra.Get("ren2008"));
    }

    [Theory]
    [InlineData(1.5, 0, 30)]
    [InlineData(1.5, 18, 250)]
    [InlineData(3.0, 35, 120)]
    [InlineData(3.0, 8, 600)]
    public void FitMagnitude_NoiselessMultiPeakSignal_ReturnsTheTruth(double field, double pdff, double rate)
    {
        var fit = FatWaterFit.FitMagnitude(ChemicalShiftSimulation.EchoTimesMs(field), Clean(field, pdff, rate), FatWaterOptions.At(field));
        Assert.Equal(pdff, fit.FatFractionPercent, 1e-4);
        Assert.Equal(rate, fit.R2StarPerSecond, rate * 1e-6);
        Assert.Equal(1000 * (1 - pdff / 100), fit.WaterSignal, 1e-2);
        Assert.Equal(FatWaterBranch.WaterDominant, fit.Branch);
        Assert.False(fit.SwapSuspected);
        Assert.True(fit.BranchMargin > 100);
    }

    [Fact]
    public void FitComplex_NoiselessSignalWithOffResonance_ReturnsFieldMapAndTruth()
    {
        var te = ChemicalShiftSimulation.EchoTimesMs(3.0);
        var s = te.Select(t => ChemicalShiftSimulation.Signal(FatSpectra.Hamilton2011, 3.0, t, 1000, 22, 180, 137, 0.8)).ToArray();
        var fit = FatWaterFit.FitComplex(te, [.. s.Select(c => c.Real)], [.. s.Select(c => c.Imaginary)], FatWaterOptions.At(3.0));
        Assert.Equal(22, fit.FatFractionPercent, 1e-4);
        Assert.Equal(180, fit.R2StarPerSecond, 1e-3);
        Assert.Equal(137, fit.FieldMapHz!.Value, 1e-3);
    }

    [Fact]
    public void FitMagnitude_ThreeEchoes_ThrowsNamingTheMinimum()
    {
        var ex = Assert.Throws<ArgumentException>(() => FatWaterFit.FitMagnitude([1.2, 2.2, 3.2], [900, 700, 600], FatWaterOptions.At(1.5)));
        Assert.Contains("at least 4 echoes; got 3", ex.Message);
    }

    [Fact]
    public void FitMagnitude_NoEchoNearOpposedPhase_ThrowsWithTheOpposedPhaseTimes()
    {
        // At 1.5 T the main fat peak is in phase every 4.6 ms: echoes at multiples of 4.6 ms never see opposed phase.
        double period = 1000 / 217.148;
        double[] te = [.. Enumerable.Range(1, 5).Select(k => Math.Round(k * period, 3))];
        var ex = Assert.Throws<ArgumentException>(() => FatWaterFit.FitMagnitude(te, [900, 800, 700, 600, 500], FatWaterOptions.At(1.5)));
        Assert.Contains("No echo near opposed phase at 1.5 T", ex.Message);
        Assert.Contains("2.30", ex.Message);
    }

    [Fact]
    public void FromMagnitudeAndPhase_PhaseWithOtherEchoTimes_ThrowsNamingTheEcho()
    {
        var v = ChemicalShiftSimulation.Volume(1.5, size: 16);
        var mag = v.Series.Magnitude;
        var shifted = MultiEchoSeries.FromPlanes("phase", [.. mag.EchoTimesMs.Select((t, i) => i == 2 ? t + 0.1 : t)], v.Series.PhaseRadians!.Slices, 1.5, "phase folder");
        var ex = Assert.Throws<ImagingException>(() => ChemicalShiftSeries.FromMagnitudeAndPhase(mag, shifted));
        Assert.Contains("echo 3 is 3.3 ms in the phase series and 3.2 ms in the magnitude series", ex.Message);
        Assert.Contains("phase folder", ex.Message);
    }

    [Fact]
    public void FromMagnitudeAndPhase_PhaseWithFewerEchoes_ThrowsWithBothCounts()
    {
        var v = ChemicalShiftSimulation.Volume(1.5, size: 16);
        var mag = v.Series.Magnitude;
        var phase = v.Series.PhaseRadians!;
        var fewer = MultiEchoSeries.FromPlanes("phase", [.. phase.EchoTimesMs.Take(5)], [.. phase.Slices.Select(s => s with { Echoes = [.. s.Echoes.Take(5)] })], 1.5, "phase folder");
        var ex = Assert.Throws<ImagingException>(() => ChemicalShiftSeries.FromMagnitudeAndPhase(mag, fewer));
        Assert.Contains("5 phase echoes for 6 magnitude echoes", ex.Message);
        Assert.Contains("phase folder", ex.Message);
    }

    [Fact]
    public void FromMagnitudeAndPhase_PhaseWithAnotherMatrix_ThrowsNamingTheSlice()
    {
        var mag = ChemicalShiftSimulation.Volume(1.5, size: 16).Series.Magnitude;
        var phase = ChemicalShiftSimulation.Volume(1.5, size: 12).Series.PhaseRadians!;
        var ex = Assert.Throws<ImagingException>(() => ChemicalShiftSeries.FromMagnitudeAndPhase(mag, phase));
        Assert.Contains("slice 0 is 12 × 12 in phase and 16 × 16 in magnitude", ex.Message);
    }

    [Fact]
    public void FromMagnitudeAndPhase_PhaseWithAnotherSliceCount_ThrowsWithBothCounts()
    {
        var mag = ChemicalShiftSimulation.Volume(1.5, size: 16, slices: 2).Series.Magnitude;
        var phase = ChemicalShiftSimulation.Volume(1.5, size: 16, slices: 1).Series.PhaseRadians!;
        var ex = Assert.Throws<ImagingException>(() => ChemicalShiftSeries.FromMagnitudeAndPhase(mag, phase));
        Assert.Contains("1 phase slices for 2 magnitude slices", ex.Message);
    }

    [Fact]
    public void FromMagnitudeAndPhase_MagnitudeGivenAsPhase_ThrowsNamingTheValueAndTheScale()
    {
        var mag = ChemicalShiftSimulation.Volume(1.5, size: 16).Series.Magnitude;
        var ex = Assert.Throws<ImagingException>(() => ChemicalShiftSeries.FromMagnitudeAndPhase(mag, mag));
        Assert.Contains("beyond ±2π", ex.Message);
        Assert.Contains("radiansPerUnit", ex.Message);
    }

    [Fact]
    public void FromMagnitudeAndPhase_IntegerPhaseWithItsScale_IsAccepted()
    {
        var v = ChemicalShiftSimulation.Volume(1.5, size: 16);
        var phase = v.Series.PhaseRadians!;
        var asIntegers = MultiEchoSeries.FromPlanes("phase", phase.EchoTimesMs,
            [.. phase.Slices.Select(s => s with { Echoes = [.. s.Echoes.Select(p => new ImagePlane([.. p.Pixels.ToArray().Select(r => MathF.Round(r / MathF.PI * 4096))], p.Geometry, p.EchoTimeMs, p.Source))] })], 1.5, "phase folder");
        var paired = ChemicalShiftSeries.FromMagnitudeAndPhase(v.Series.Magnitude, asIntegers, Math.PI / 4096);
        Assert.True(paired.HasPhase);
        Assert.Throws<ImagingException>(() => ChemicalShiftSeries.FromMagnitudeAndPhase(v.Series.Magnitude, asIntegers));
    }

    [Fact]
    public void FitComplex_TwoEchoes_ThrowsNamingTheMinimum()
    {
        var ex = Assert.Throws<ArgumentException>(() => FatWaterFit.FitComplex([1.2, 2.3], [900, 700], [0, 10], FatWaterOptions.At(1.5)));
        Assert.Contains("complex fat–water model needs at least 3 echoes; got 2", ex.Message);
        Assert.Equal("echoTimesMs", ex.ParamName);
    }

    [Fact]
    public void FitComplex_RealAndImaginaryOfDifferentLengths_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => FatWaterFit.FitComplex([1.2, 2.2, 3.2, 4.2], [900, 700, 600, 500], [0, 10, 5], FatWaterOptions.At(1.5)));
        Assert.Contains("imaginary", ex.Message);
    }

    [Fact]
    public void ComputeComplex_MagnitudeOnlySeries_ThrowsAskingForPhase()
    {
        var v = ChemicalShiftSimulation.Volume(1.5, size: 16);
        var ex = Assert.Throws<ArgumentException>(() => FatWaterMap.ComputeComplex(ChemicalShiftSeries.FromMagnitude(v.Series.Magnitude), FatWaterMapOptions.At(1.5)));
        Assert.Contains("needs phase images", ex.Message);
    }

    [Fact]
    public void FromFit_WaterOnlyR2StarThroughHernando_IsFlaggedAsKindMismatch()
    {
        double[] te = [.. Enumerable.Range(0, 12).Select(i => 0.99 + 1.41 * i)];
        var fit = DecayFit.Fit(te, [.. te.Select(t => 1000 * Math.Exp(-0.1 * t))], DecayModels.Mono);
        var e = LicConversion.FromFit(fit, 3.0, RelaxometryCalibrations.Hernando3T);
        Assert.True(e.R2StarKindMismatch);
        Assert.Equal(R2StarKind.WaterOnly, e.MeasuredR2StarKind);
        Assert.Contains(e.Warnings, w => w.Contains("derived on confounder-corrected R2*"));
        Assert.False(LicConversion.FromFit(fit, 1.5, RelaxometryCalibrations.Wood2005).R2StarKindMismatch);
    }

    [Fact]
    public void FromFatWater_CcR2StarThroughHernandoAndWood_FlagsOnlyTheWaterOnlyCalibration()
    {
        var fit = FatWaterFit.FitMagnitude(ChemicalShiftSimulation.EchoTimesMs(1.5), Clean(1.5, 20, 200), FatWaterOptions.At(1.5));
        var hernando = LicConversion.FromFatWater(fit, RelaxometryCalibrations.Hernando1p5T);
        Assert.False(hernando.R2StarKindMismatch);
        Assert.Equal(0.02603 * 200 - 0.16, hernando.Lic!.Value.MgPerGram, 1e-4);
        var wood = LicConversion.FromFatWater(fit, RelaxometryCalibrations.Wood2005);
        Assert.True(wood.R2StarKindMismatch);
        Assert.Contains(wood.Warnings, w => w.Contains("derived on water-only R2*"));
        Assert.True(LicConversion.FromRate(200, 1.5, RelaxometryCalibrations.Hernando1p5T, R2StarKind.WaterOnly).R2StarKindMismatch);
    }
}
