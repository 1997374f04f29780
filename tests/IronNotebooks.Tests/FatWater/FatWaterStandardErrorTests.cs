using System.Numerics;
using IronNotebooks.Calibration;
using IronNotebooks.FatWater;
using IronNotebooks.FatWater.Internal;
using IronNotebooks.Relaxometry.Internal;
using IronNotebooks.Simulation;
using Xunit;
using Xunit.Abstractions;

namespace IronNotebooks.Tests.FatWater;

/// <summary>
/// Standard errors of magnitude fat–water fits (issue 18): the Jacobian-based SE reported per fit against the spread of the
/// estimates over repeated noise draws (Monte Carlo, an independent computation of the same quantity), and the Rician
/// likelihood's Bessel approximation against the exact series of the decay models.
/// </summary>
public sealed class FatWaterStandardErrorTests(ITestOutputHelper output)
{
    /// <summary>Complex fits (pixel-independent, ψ = 37 Hz): SEs of R2*, PDFF (magnitude discrimination), |W| and |F| against the
    /// Monte-Carlo spread, σ given (per real component) or estimated from the residual (2m − 6 = 6 degrees of freedom).</summary>
    [Theory]
    [InlineData(1.5, 10, 100, true)]
    [InlineData(3.0, 30, 250, true)]
    [InlineData(1.5, 20, 150, false)]
    [InlineData(3.0, 5, 60, false)]
    public void FitComplex_RepeatedNoiseDraws_StandardErrorsMatchTheSpreadOfTheEstimates(double field, double pdff, double rate, bool sigmaKnown) =>
        AssertStandardErrorsMatchSpread("complex", field, pdff, rate, sigmaKnown, fieldHz: 37, seed: 37,
            (te, y, o) => FatWaterFit.FitComplex(te, [.. y.Select(v => v.Real)], [.. y.Select(v => v.Imaginary)], o));

    [Theory]
    [InlineData(1.5, 10, 100, true)]
    [InlineData(1.5, 30, 250, true)]
    [InlineData(3.0, 20, 50, true)]
    [InlineData(3.0, 5, 250, true)]
    [InlineData(1.5, 20, 150, false)]
    [InlineData(3.0, 30, 100, false)]
    public void FitMagnitude_RepeatedNoiseDraws_StandardErrorsMatchTheSpreadOfTheEstimates(double field, double pdff, double rate, bool sigmaKnown) =>
        AssertStandardErrorsMatchSpread("magnitude", field, pdff, rate, sigmaKnown, fieldHz: 0, seed: 31,
            (te, y, o) => FatWaterFit.FitMagnitude(te, [.. y.Select(v => v.Magnitude)], o));

    /// <summary>600 noisy draws of one signal (complex Gaussian noise, σ = 20, ρ = 1000), each fitted; the reported SEs of R2*,
    /// PDFF, water and fat against the spread of the estimates.</summary>
    private void AssertStandardErrorsMatchSpread(string kind, double field, double pdff, double rate, bool sigmaKnown, double fieldHz, ulong seed,
        Func<IReadOnlyList<double>, Complex[], FatWaterOptions, FatWaterFitResult> fitOne)
    {
        const int draws = 600;
        const double rho = 1000, sigma = 20;
        var te = ChemicalShiftSimulation.EchoTimesMs(field);
        var options = FatWaterOptions.At(field) with { NoiseSigma = sigmaKnown ? sigma : null };
        var rng = SeededRandom.Derive(seed, $"{(kind == "magnitude" ? "" : kind + "-")}se/{field}/{pdff}/{rate}/{sigmaKnown}");
        var clean = te.Select(t => ChemicalShiftSimulation.Signal(FatSpectra.Hamilton2011, field, t, rho, pdff, rate, fieldHz, fieldHz == 0 ? 0 : 0.3)).ToArray();
        var est = new List<double[]>();
        var se = new List<double[]>();
        var y = new Complex[te.Count];
        for (int n = 0; n < draws; n++)
        {
            for (int e = 0; e < te.Count; e++) y[e] = clean[e] + new Complex(sigma * rng.NextGaussian(), sigma * rng.NextGaussian());
            var fit = fitOne(te, y, options);
            Assert.NotNull(fit.R2StarStandardErrorPerSecond);
            est.Add([fit.R2StarPerSecond, fit.FatFractionPercent, fit.WaterSignal, fit.FatSignal]);
            se.Add([fit.R2StarStandardErrorPerSecond!.Value, fit.FatFractionStandardErrorPercent!.Value, fit.WaterSignalStandardError!.Value, fit.FatSignalStandardError!.Value]);
        }
        string[] names = ["R2*", "PDFF", "water", "fat"];
        for (int j = 0; j < names.Length; j++)
        {
            // Robust spread (1.4826 × median absolute deviation): a Jacobian SE describes the local precision, not the rare
            // draws that land on the other branch (those are what BranchMargin and SwapSuspected report).
            double median = Median(est.Select(v => v[j]));
            double sd = 1.4826 * Median(est.Select(v => Math.Abs(v[j] - median)));
            // σ known: the SE is the same formula for every draw up to the estimate, so its median is compared; σ unknown: σ̂²
            // from few degrees of freedom is noisy, so the root-mean-square SE (√ of the mean variance) is compared.
            double reported = sigmaKnown ? Median(se.Select(v => v[j])) : Math.Sqrt(se.Average(v => v[j] * v[j]));
            double ratio = reported / sd;
            output.WriteLine($"{kind} {field} T PDFF {pdff} % R2* {rate} s⁻¹ σ {(sigmaKnown ? "known" : "estimated")}: {names[j]} SE {reported:G4} vs Monte-Carlo SD {sd:G4} (ratio {ratio:0.000})");
            // 600 draws measure a MAD-based SD to ±4.8 % (1 SD); the Jacobian SE is first order in the noise: ±20 % accepted.
            Assert.InRange(ratio, 0.8, 1.2);
        }
    }

    [Fact]
    public void RicianBesselApproximation_AcrossArguments_MatchesTheExactSeriesWithinOneMillionth()
    {
        double worstLog = 0, worstRatio = 0;
        for (double z = 0; z < 5000; z = z < 1 ? z + 0.01 : z * 1.01)
        {
            RicianLikelihood.LogScaledI0AndRatio(z, out double logI0e, out double ratio);
            RicianMean.ScaledBessel(z, out double i0e, out double i1e);
            worstLog = Math.Max(worstLog, Math.Abs(logI0e - Math.Log(i0e)));
            worstRatio = Math.Max(worstRatio, Math.Abs(ratio - i1e / i0e) / Math.Max(i1e / i0e, 1e-3));
        }
        output.WriteLine($"max |Δ log(e^-z I0)| {worstLog:G3}, max relative |Δ I1/I0| {worstRatio:G3}");
        Assert.True(worstLog < 1e-6, $"log I0e off by {worstLog:G3}");
        Assert.True(worstRatio < 2e-6, $"I1/I0 off by {worstRatio:G3}");
    }

    [Fact]
    public void LicInterval_FromFatWaterFitStandardError_ContainsTheEstimateAndWidensWithNoise()
    {
        var te = ChemicalShiftSimulation.EchoTimesMs(1.5);
        var clean = te.Select(t => ChemicalShiftSimulation.Signal(FatSpectra.Hamilton2011, 1.5, t, 1000, 15, 180, 0, 0).Magnitude).ToArray();
        var fit = FatWaterFit.FitMagnitude(te, clean, FatWaterOptions.At(1.5) with { NoiseSigma = 20 });
        var noisier = FatWaterFit.FitMagnitude(te, clean, FatWaterOptions.At(1.5) with { NoiseSigma = 40 });
        Assert.InRange(noisier.R2StarStandardErrorPerSecond!.Value / fit.R2StarStandardErrorPerSecond!.Value, 1.9, 2.1);
        var estimate = LicConversion.FromFatWater(fit, RelaxometryCalibrations.Hernando1p5T);
        var withInterval = LicUncertainty.WithInterval(estimate, fit.R2StarStandardErrorPerSecond!.Value, null);
        var interval = withInterval.Interval!;
        output.WriteLine($"CC-R2* {fit.R2StarPerSecond:0.#} ± {fit.R2StarStandardErrorPerSecond:0.#} s⁻¹ → LIC {estimate.Lic!.Value.UmolPerGram:0.#} µmol/g, CI {interval.CiLowUmolPerGram:0.#}–{interval.CiHighUmolPerGram:0.#}");
        Assert.True(interval.CiLowUmolPerGram < estimate.Lic!.Value.UmolPerGram && estimate.Lic!.Value.UmolPerGram < interval.CiHighUmolPerGram);
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }
}
