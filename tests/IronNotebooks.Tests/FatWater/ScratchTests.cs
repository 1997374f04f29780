using System.Numerics;
using IronNotebooks.FatWater;
using IronNotebooks.Simulation;
using Xunit;
using Xunit.Abstractions;
namespace IronNotebooks.Tests.FatWater;
public sealed class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Scratch()
    {
        double field = 1.5, pdff = 0, rate = 250, sigma = 20;
        var te = ChemicalShiftSimulation.EchoTimesMs(field);
        var options = FatWaterOptions.At(field) with { NoiseSigma = sigma };
        var rng = SeededRandom.Derive(18, "x");
        var clean = te.Select(t => ChemicalShiftSimulation.Signal(FatSpectra.Hamilton2011, field, t, 1000, pdff, rate, 20, 0.4)).ToArray();
        for (int n = 0; n < 40; n++)
        {
            var mag = clean.Select(c => (c + new Complex(sigma * rng.NextGaussian(), sigma * rng.NextGaussian())).Magnitude).ToArray();
            var f = FatWaterFit.FitMagnitude(te, mag, options);
            var f0 = FatWaterFit.FitMagnitude(te, mag, options with { NoiseSigma = null });
            output.WriteLine($"{f.FatFractionPercent,7:0.0} {f.R2StarPerSecond,6:0} other {f.OtherBranchFatFractionPercent,6:0.0} {f.OtherBranchR2StarPerSecond,6:0} m {f.BranchMargin,8:0.0} it {f.Iterations} | plain {f0.FatFractionPercent,6:0.0} {f0.R2StarPerSecond,5:0} m {f0.BranchMargin:0.0}");
        }
    }
}
