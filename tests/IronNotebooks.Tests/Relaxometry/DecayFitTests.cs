using IronNotebooks.Relaxometry;
using Xunit;

namespace IronNotebooks.Tests.Relaxometry;

public sealed class DecayFitTests
{
    private static readonly double[] Henninger = Enumerable.Range(0, 12).Select(i => 0.99 + 1.41 * i).ToArray();

    private static double[] Decay(double[] te, double s0, double r2s, double offset = 0) =>
        te.Select(t => s0 * Math.Exp(-r2s * t / 1000) + offset).ToArray();

    public static TheoryData<string, double> NoiselessCases()
    {
        var data = new TheoryData<string, double>();
        foreach (var m in new[] { "mono", "offset", "truncation", "loglinear", "arlo", "biexp", "rician" })
            foreach (var r in new[] { 20.0, 100, 400, 1000 })
                data.Add(m, r);
        return data;
    }

    [Theory]
    [MemberData(nameof(NoiselessCases))]
    public void Fit_NoiselessMonoExponentialDecay_ReturnsItsR2Star(string model, double r2s)
    {
        var s = Decay(Henninger, 1000, r2s);
        // The Rician model needs σ; with σ tiny against the signal its mean is the amplitude, so it must still return R2*.
        var options = DecayFitOptions.Default with { NoiseSigma = model is "rician" or "truncation" ? 1e-3 : null };
        var fit = DecayFit.Fit(Henninger, s, DecayModels.Get(model), options);
        Assert.True(fit.IsUsable, fit.ExitReason);
        // ARLO is a discretised integral (Simpson's rule over echo pairs): exact only as the spacing → 0.
        double tol = model == "arlo" ? 0.05 : model == "biexp" ? 1e-3 : 1e-6;
        Assert.Equal(r2s, fit.R2StarPerSecond, r2s * tol);
        Assert.Equal(1000.0 / fit.R2StarPerSecond, fit.T2StarMs, 1e-9);
    }

    [Fact]
    public void Fit_ArloWithFineEchoSpacing_IsNearlyExact()
    {
        var te = Enumerable.Range(0, 40).Select(i => 1.0 + 0.1 * i).ToArray();
        var fit = DecayFit.Fit(te, Decay(te, 1000, 200), DecayModels.Arlo);
        Assert.Equal(200, fit.R2StarPerSecond, 0.01);
        Assert.Equal(DecayFitStatus.ClosedForm, fit.Status);
        Assert.Equal(0, fit.Iterations);
    }

    [Fact]
    public void Fit_OffsetModelWithConstant_RecoversOffsetAndStandardErrors()
    {
        var fit = DecayFit.Fit(Henninger, Decay(Henninger, 800, 150, 40), DecayModels.Offset);
        Assert.Equal(DecayFitStatus.Converged, fit.Status);
        Assert.Equal(150, fit.R2StarPerSecond, 1e-6);
        Assert.Equal(40, fit.Offset!.Value, 1e-6);
        Assert.NotNull(fit.R2StarStandardErrorPerSecond);
        Assert.True(fit.Iterations > 0);
    }

    [Fact]
    public void Fit_UnsortedEchoTimes_ThrowsArgumentExceptionNamingTheEchoes()
    {
        var e = Assert.Throws<ArgumentException>(() => DecayFit.Fit([1.0, 3.0, 2.0], [10.0, 8, 9], DecayModels.Mono));
        Assert.Contains("strictly increasing", e.Message);
    }

    [Fact]
    public void Fit_DuplicateEchoTimes_ThrowsArgumentException() =>
        Assert.Contains("duplicate", Assert.Throws<ArgumentException>(() => DecayFit.Fit([1.0, 2.0, 2.0], [10.0, 8, 7], DecayModels.Mono)).Message);

    [Fact]
    public void Fit_LengthMismatch_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => DecayFit.Fit([1.0, 2.0, 3.0], [10.0, 8], DecayModels.Mono));

    [Fact]
    public void Fit_NaNSignal_ThrowsArgumentException() =>
        Assert.Contains("not finite", Assert.Throws<ArgumentException>(() => DecayFit.Fit([1.0, 2.0, 3.0], [10.0, double.NaN, 7], DecayModels.Mono)).Message);

    [Fact]
    public void Fit_FewerEchoesThanTheModelNeeds_ThrowsArgumentException() =>
        Assert.Contains("at least 3", Assert.Throws<ArgumentException>(() => DecayFit.Fit([1.0, 2.0], [10.0, 8], DecayModels.Offset)).Message);

    [Fact]
    public void Fit_RicianWithoutNoiseSigma_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => DecayFit.Fit(Henninger, Decay(Henninger, 1000, 100), DecayModels.Rician));

    [Fact]
    public void Get_UnknownModel_ThrowsListingTheKnownNames() =>
        Assert.Contains("offset", Assert.Throws<ArgumentException>(() => DecayModels.Get("quadratic")).Message);

    [Fact]
    public void Fit_T2StarShorterThanFirstEcho_WarnsFirstEchoTooLate()
    {
        double[] te = [3.0, 5, 7, 9];
        var fit = DecayFit.Fit(te, Decay(te, 1000, 500), DecayModels.Mono);
        Assert.Contains(fit.Warnings, w => w.StartsWith("First echo too late", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_NegativeSignalInLogLinear_ExcludesItAndWarns()
    {
        var s = Decay(Henninger, 1000, 100);
        s[^1] = -3;
        var fit = DecayFit.Fit(Henninger, s, DecayModels.LogLinear);
        Assert.Equal(11, fit.EchoesUsed);
        Assert.Contains(fit.Warnings, w => w.Contains("excluded", StringComparison.Ordinal));
        Assert.Equal(100, fit.R2StarPerSecond, 1e-9);
    }

    [Fact]
    public void Fit_TruncationWithAlmostNoEchoAboveNoise_ReportsTooFewEchoesAndNaN()
    {
        var s = Decay(Henninger, 100, 2000).Select(v => v + 5).ToArray(); // only the first echo is above 2σ = 20
        var fit = DecayFit.Fit(Henninger, s, DecayModels.Truncation, DecayFitOptions.Default with { NoiseSigma = 10 });
        Assert.Equal(DecayFitStatus.TooFewEchoes, fit.Status);
        Assert.True(double.IsNaN(fit.R2StarPerSecond));
        Assert.Contains(fit.Warnings, w => w.StartsWith("Too few echoes above noise", StringComparison.Ordinal));
        Assert.False(fit.IsUsable);
    }

    [Fact]
    public void Fit_TruncationWithoutNoiseSigma_WarnsThatNothingWasTruncated()
    {
        var fit = DecayFit.Fit(Henninger, Decay(Henninger, 1000, 100), DecayModels.Truncation);
        Assert.Contains(fit.Warnings, w => w.Contains("nothing was truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_IterationLimitOfOne_ReportsMaxIterationsAndWarns()
    {
        var fit = DecayFit.Fit(Henninger, Decay(Henninger, 800, 150, 40), DecayModels.Offset, DecayFitOptions.Default with { MaxIterations = 1 });
        Assert.Equal(DecayFitStatus.MaxIterations, fit.Status);
        Assert.Contains(fit.Warnings, w => w.StartsWith("Did not converge", StringComparison.Ordinal));
    }

    [Fact]
    public void FitSpinEcho_NoiselessDecay_NamesTheRateR2()
    {
        double[] te = [10, 20, 30, 40, 50];
        var fit = DecayFit.FitSpinEcho(te, Decay(te, 500, 25), DecayModels.Mono);
        Assert.Equal(25, fit.R2PerSecond, 1e-6);
        Assert.Equal(40, fit.T2Ms, 1e-6);
    }

    [Fact]
    public void Registry_EveryModel_HasCitationAndUniqueName()
    {
        Assert.Equal(DecayModels.All.Count, DecayModels.All.Select(m => m.Name).Distinct().Count());
        Assert.All(DecayModels.All, m => Assert.False(string.IsNullOrWhiteSpace(m.Citation)));
    }

    [Theory]
    [InlineData(1, 300)]
    [InlineData(4, 300)]
    [InlineData(4, 900)]
    public void Fit_SecondMomentOfExactNoisePower_ReturnsTheTrueR2StarForItsCoilCount(int coils, double r2s)
    {
        // M = √(S0²·e^(−2R·TE) + 2Lσ²): exactly the root of the expected power of an L-coil non-central χ magnitude.
        const double s0 = 1000, sigma = 15;
        var s = Henninger.Select(t => Math.Sqrt(s0 * s0 * Math.Exp(-2 * r2s * t / 1000) + 2 * coils * sigma * sigma)).ToArray();
        var options = DecayFitOptions.Default with { NoiseSigma = sigma, CoilCount = coils };
        var fit = DecayFit.Fit(Henninger, s, DecayModels.SecondMoment, options);
        Assert.True(fit.IsUsable, fit.ExitReason);
        Assert.Equal(r2s, fit.R2StarPerSecond, r2s * 1e-9);
        Assert.Equal(s0, fit.S0, s0 * 1e-9);
        // The wrong coil count leaves noise power in the decay (or removes too much) and biases R2*.
        var wrong = DecayFit.Fit(Henninger, s, DecayModels.SecondMoment, options with { CoilCount = coils == 1 ? 4 : 1 });
        Assert.NotEqual(r2s, wrong.R2StarPerSecond, r2s * 1e-3);
    }

    [Fact]
    public void Fit_SecondMomentWithoutNoiseSigma_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => DecayFit.Fit(Henninger, Decay(Henninger, 1000, 100), DecayModels.SecondMoment));
}
