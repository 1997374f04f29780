using IronNotebooks.Simulation;
using Xunit;

namespace IronNotebooks.Tests.Simulation;

public sealed class SignalEquationsTests
{
    private static TissueRelaxation Tissue1(double pd, double t1, double r2, double r2Star, double fat = 0, double field = 1.5) =>
        new(Tissue.Liver, field, pd, t1, r2, r2Star, fat, ValueStatus.Assumed, "test");

    [Fact]
    public void SpoiledGradientEcho_IsTheDomainFormula()
    {
        // 1000·0.7·sin20°·(1 − E1)/(1 − cos20°·E1)·exp(−4 ms·39 s⁻¹), E1 = exp(−120/586): 161.87518348430046 (python).
        Assert.Equal(161.87518348430046, SignalEquations.SpoiledGradientEcho(Tissue1(0.7, 586, 25, 39), 120, 4, 20, 343), 9);
    }

    [Fact]
    public void SpoiledGradientEcho_PeaksAtTheErnstAngle()
    {
        var t = Tissue1(1, 800, 20, 30);
        double ernst = Math.Acos(Math.Exp(-120.0 / 800)) * 180 / Math.PI;
        double atErnst = SignalEquations.SpoiledGradientEcho(t, 120, 4, ernst, 343);
        Assert.True(atErnst > SignalEquations.SpoiledGradientEcho(t, 120, 4, ernst - 1, 343));
        Assert.True(atErnst > SignalEquations.SpoiledGradientEcho(t, 120, 4, ernst + 1, 343));
    }

    [Fact]
    public void Fat_CancelsWaterOutOfPhaseAndAddsInPhase()
    {
        // Half fat with the same T1: opposed phase at 6.8/(2·1.5) ms gives |W − F| = 0; in phase at 6.8/1.5 ms gives W + F.
        var fatty = Tissue1(1, 600, 20, 30, fat: 0.5);
        var lean = Tissue1(1, 600, 20, 30);
        Assert.Equal(0, SignalEquations.SpoiledGradientEcho(fatty, 120, 6.8 / 3, 20, 600), 9);
        Assert.Equal(SignalEquations.SpoiledGradientEcho(lean, 120, 6.8 / 1.5, 20, 600),
            SignalEquations.SpoiledGradientEcho(fatty, 120, 6.8 / 1.5, 20, 600), 9);
    }

    [Fact]
    public void SpinEcho_IsTheIdealFormula()
    {
        // 1000·0.75·(1 − exp(−1000/856))·exp(−12 ms·25 s⁻¹) = 382.86307041809965 (python).
        Assert.Equal(382.86307041809965, SignalEquations.SpinEcho(Tissue1(0.75, 856, 25, 30), 1000, 12, 343), 9);
    }

    [Fact]
    public void RicianMagnitude_OfNoSignal_HasTheRayleighMean()
    {
        var random = new SeededRandom(11);
        const int n = 100_000;
        double sum = 0;
        for (int i = 0; i < n; i++) sum += SignalEquations.RicianMagnitude(0, 10, random);
        // Rayleigh mean σ·√(π/2) = 12.533; SD of the mean ≈ 6.55/√n = 0.021.
        Assert.InRange(sum / n, 12.533 - 0.1, 12.533 + 0.1);
    }
}
