using System.Numerics;
using IronNotebooks.FatWater;
using IronNotebooks.Simulation;
using Xunit;

namespace IronNotebooks.Tests.FatWater;

/// <summary>When Box's second-order bias correction of magnitude fits applies, how big it is, and what it says (docs/methods.md §6.1).</summary>
public sealed class FatWaterBiasCorrectionTests
{
    private static double[] Magnitudes(double field, double pdff, double rate, int seed)
    {
        var rng = SeededRandom.Derive((ulong)seed, "bias-correction-rules");
        return [.. ChemicalShiftSimulation.EchoTimesMs(field).Select(t =>
            (ChemicalShiftSimulation.Signal(FatSpectra.Hamilton2011, field, t, 1000, pdff, rate, 0, 0) + new Complex(20 * rng.NextGaussian(), 20 * rng.NextGaussian())).Magnitude)];
    }

    [Fact]
    public void FitMagnitude_WithoutNoiseSigma_HasNoBiasCorrection()
    {
        var fit = FatWaterFit.FitMagnitude(ChemicalShiftSimulation.EchoTimesMs(1.5), Magnitudes(1.5, 10, 200, 1), FatWaterOptions.At(1.5));
        Assert.Null(fit.BiasCorrection);
    }

    [Fact]
    public void FitMagnitude_WithSigmaAndPdffWellInsideTheWaterBranch_ReportsTheCorrectedValuesAndTheShift()
    {
        var te = ChemicalShiftSimulation.EchoTimesMs(1.5);
        var fit = FatWaterFit.FitMagnitude(te, Magnitudes(1.5, 5, 500, 2), FatWaterOptions.At(1.5) with { NoiseSigma = 20 });
        var b = fit.BiasCorrection!;
        Assert.True(b.Applied, b.Reason);
        Assert.NotEqual(0, b.FatFractionShiftPercent);
        Assert.StartsWith("Box 1971", b.Reason, StringComparison.Ordinal);
        // The shift is a fraction of a standard error: the expansion's regime.
        Assert.True(Math.Abs(b.FatFractionShiftPercent) < fit.FatFractionStandardErrorPercent!.Value, $"shift {b.FatFractionShiftPercent} vs SE {fit.FatFractionStandardErrorPercent}");
        Assert.Equal(fit.FatFractionPercent, 100 * fit.FatSignal / (fit.WaterSignal + fit.FatSignal), 9);
    }

    [Fact]
    public void FitMagnitude_PdffWithinTwoStandardErrorsOfFifty_IsNotCorrectedAndSaysWhy()
    {
        var te = ChemicalShiftSimulation.EchoTimesMs(3.0);
        var fit = FatWaterFit.FitMagnitude(te, Magnitudes(3.0, 48, 500, 3), FatWaterOptions.At(3.0) with { NoiseSigma = 20 });
        var b = fit.BiasCorrection!;
        Assert.False(b.Applied);
        Assert.Equal(0, b.FatFractionShiftPercent);
        Assert.Equal(0, b.R2StarShiftPerSecond);
        Assert.Contains("PDFF 50 %", b.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FitMagnitude_MeanOfNPixels_ScalesTheStandardErrorsByOneOverRootNAndTheShiftByOneOverN()
    {
        var te = ChemicalShiftSimulation.EchoTimesMs(1.5);
        var signal = Magnitudes(1.5, 10, 300, 4);
        var one = FatWaterFit.FitMagnitude(te, signal, FatWaterOptions.At(1.5) with { NoiseSigma = 20 });
        var mean = FatWaterFit.FitMagnitude(te, signal, FatWaterOptions.At(1.5) with { NoiseSigma = 20, AveragedPixels = 100 });
        Assert.True(one.BiasCorrection!.Applied && mean.BiasCorrection!.Applied);
        Assert.Equal(one.R2StarStandardErrorPerSecond!.Value / 10, mean.R2StarStandardErrorPerSecond!.Value, 9);
        Assert.Equal(one.BiasCorrection.FatFractionShiftPercent / 100, mean.BiasCorrection.FatFractionShiftPercent, 9);
        // The branch margin stays in one pixel's noise variances (model error outweighs σ²/N in an ROI mean).
        Assert.Equal(one.BranchMargin, mean.BranchMargin, 9);
    }

    [Fact]
    public void FitMagnitude_AveragedPixelsBelowOne_IsRejected() =>
        Assert.ThrowsAny<ArgumentException>(() => FatWaterFit.FitMagnitude(ChemicalShiftSimulation.EchoTimesMs(1.5), Magnitudes(1.5, 10, 100, 5),
            FatWaterOptions.At(1.5) with { NoiseSigma = 20, AveragedPixels = 0 }));
}
