using System.Globalization;
using IronNotebooks.Relaxometry.Internal;

namespace IronNotebooks.Relaxometry;

/// <summary>
/// Fits a multi-echo signal decay: <c>DecayFit.Fit(echoTimesMs, signal, DecayModels.Offset)</c>. Echo times are in ms,
/// rates come back in s⁻¹ (R2* = 1000 / T2*ms). The same machinery serves spin-echo R2 (<see cref="FitSpinEcho"/>).
/// </summary>
public static class DecayFit
{
    /// <summary>Fits <paramref name="model"/> to one decay.</summary>
    /// <param name="echoTimesMs">Echo times, ms, strictly increasing, finite, ≥ 0.</param>
    /// <param name="signal">Magnitude signal per echo (any linear unit), finite; the same length as the echo times.</param>
    /// <param name="model">A model of <see cref="DecayModels"/>.</param>
    /// <param name="options">Engine settings; <see cref="DecayFitOptions.Default"/> when null.</param>
    /// <returns>The fit, with status and warnings. Never throws for bad data (noise, negative signal): see the status.</returns>
    /// <exception cref="ArgumentException">Length mismatch; unsorted or duplicate echo times; NaN or infinite values;
    /// fewer echoes than <see cref="DecayModel.MinimumEchoes"/>; the truncation or Rician model without a noise σ for Rician.</exception>
    public static DecayFitResult Fit(IReadOnlyList<double> echoTimesMs, IReadOnlyList<double> signal, DecayModel model, DecayFitOptions? options = null)
    {
        Guard.NotNull(echoTimesMs);
        Guard.NotNull(signal);
        Guard.NotNull(model);
        var o = options ?? DecayFitOptions.Default;
        Validate(echoTimesMs, signal, model, o);
        if (signal.All(v => v == 0))
            throw new IronNotebooksException($"All {signal.Count} echoes have signal 0: there is no decay to fit (an ROI in air, a blank image, or values lost in export).",
                new ErrorContext { Argument = "signal" });
        int m = echoTimesMs.Count;
        var ws = new FitWorkspace(echoTimesMs);
        for (int i = 0; i < m; i++) ws.Signal[i] = signal[i];
        var raw = DecayEngines.Fit(model.Kind, m, o, ws);
        return NoDecayIsNoValue(ToResult(model, raw, echoTimesMs, signal, o), echoTimesMs);
    }

    /// <summary>
    /// A decay that loses less than 1 % of its signal over the echo train (or grows) has no measurable rate: a usable fit
    /// there would report T2* in seconds or beyond (a flat decay once gave T2* = 1.2e16 ms). Such a fit becomes
    /// <see cref="DecayFitStatus.Failed"/> with the reason, so no number is reported. Single decays only: pixel maps
    /// keep their own per-pixel statuses.
    /// </summary>
    private static DecayFitResult NoDecayIsNoValue(DecayFitResult r, IReadOnlyList<double> te)
    {
        if (!r.IsUsable) return r;
        double lost = r.R2StarPerSecond * (te[^1] - te[0]) / 1000.0;
        if (lost >= 0.01) return r;
        string reason = string.Create(CultureInfo.InvariantCulture,
            $"no measurable decay: the fitted R2* {r.R2StarPerSecond:G3} s⁻¹ loses {Math.Max(lost, 0) * 100:0.##} % of the signal over the echo train ({te[0]:G4}–{te[^1]:G4} ms); a flat or rising signal has no R2*");
        return r with { Status = DecayFitStatus.Failed, ExitReason = reason, Warnings = [$"No estimate: {reason}.", .. r.Warnings] };
    }

    /// <summary>Spin-echo R2: the same models and engines, named R2 / T2 (see <see cref="SpinEchoFitResult"/>).</summary>
    /// <exception cref="ArgumentException">As <see cref="Fit"/>.</exception>
    public static SpinEchoFitResult FitSpinEcho(IReadOnlyList<double> echoTimesMs, IReadOnlyList<double> signal, DecayModel model, DecayFitOptions? options = null) =>
        new(Fit(echoTimesMs, signal, model, options));

    internal static void Validate(IReadOnlyList<double> te, IReadOnlyList<double> s, DecayModel model, DecayFitOptions o)
    {
        Guard.SameLength(te.Count, s.Count, "echoTimesMs", "signal");
        if (te.Count < model.MinimumEchoes)
            throw new ArgumentException($"The {model.Name} model needs at least {model.MinimumEchoes} echoes; got {te.Count}.", nameof(te));
        for (int i = 0; i < te.Count; i++)
        {
            if (!double.IsFinite(te[i]) || te[i] < 0)
                throw new ArgumentException($"Echo {i + 1} has TE {te[i]} ms; echo times must be finite numbers ≥ 0 (ms).", "echoTimesMs");
            if (!double.IsFinite(s[i]))
                throw new ArgumentException($"The signal of echo {i + 1} is {s[i]}: not finite; remove the echo or fix the data.", "signal");
            if (i > 0 && !(te[i] > te[i - 1]))
                throw new ArgumentException(te[i] == te[i - 1]
                    ? $"Echoes {i} and {i + 1} both have TE {te[i]} ms (a duplicate); average or drop repeated echoes."
                    : $"Echo times must be strictly increasing: echo {i} has TE {te[i - 1]} ms and echo {i + 1} has {te[i]} ms.", "echoTimesMs");
        }
        if (o.NoiseSigma is double sigma && !(sigma > 0 && double.IsFinite(sigma)))
            throw new ArgumentException($"NoiseSigma = {sigma} must be a finite number above 0.", nameof(o));
        if (model.Kind is DecayModelKind.Rician or DecayModelKind.SecondMoment && o.NoiseSigma is null)
            throw new ArgumentException($"The {model.Name} (noise-corrected) model needs DecayFitOptions.NoiseSigma, e.g. from NoiseEstimate.FromBackground.", nameof(o));
        Guard.InRange(o.CoilCount, 1, 128, "CoilCount");
        Guard.InRange(o.MaxIterations, 1, 10_000, "MaxIterations");
        Guard.InRange(o.RelativeTolerance, 1e-16, 1e-2, "RelativeTolerance");
        Guard.InRange(o.TruncationNoiseFactor, 0.0, 100.0, "TruncationNoiseFactor");
    }

    internal static DecayFitResult ToResult(DecayModel model, RawFit raw, IReadOnlyList<double> te, IReadOnlyList<double> s, DecayFitOptions o)
    {
        var warnings = new List<string>();
        int nonPositive = s.Count(v => v <= 0);
        if (nonPositive > 0)
            warnings.Add(model.Kind == DecayModelKind.LogLinear
                ? $"{nonPositive} echo(es) with zero or negative signal were excluded from the log-linear fit."
                : $"{nonPositive} echo(es) have zero or negative signal (magnitude data should be positive).");
        int? echoesAboveNoise = null;
        if (o.NoiseSigma is double sigma)
        {
            int above = s.Count(v => v >= o.TruncationNoiseFactor * sigma);
            echoesAboveNoise = above;
            if (above < MeasurableRange.EchoesAboveNoiseNeeded)
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"Too few echoes above noise: {above} of {s.Count} are ≥ {o.TruncationNoiseFactor}·σ = {o.TruncationNoiseFactor * sigma:G4}; R2* is poorly determined (beyond measurable range?)."));
        }
        else if (model.Kind == DecayModelKind.Truncation)
            warnings.Add("No noise σ was given, so nothing was truncated: this is a plain mono-exponential fit.");
        if (raw.Status == DecayFitStatus.MaxIterations)
            warnings.Add($"Did not converge within {o.MaxIterations} iterations; the last iterate is reported.");
        if (raw.Status is DecayFitStatus.Failed or DecayFitStatus.TooFewEchoes)
            warnings.Add($"No estimate: {raw.ExitReason}.");
        bool usable = raw.Status is DecayFitStatus.Converged or DecayFitStatus.ClosedForm or DecayFitStatus.MaxIterations;
        if (usable)
        {
            double t2 = 1000.0 / raw.R2StarPerSecond;
            if (raw.R2StarPerSecond <= 0)
                warnings.Add("R2* ≤ 0: the signal does not decay; check the echo order and the ROI.");
            else if (t2 < te[0])
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"First echo too late for the decay: T2* = {t2:G4} ms is shorter than the first TE ({te[0]:G4} ms); the value is beyond the measurable range."));
            if (raw.R2StarPerSecond > 0 && raw.R2StarPerSecond * (te[^1] - te[0]) / 1000.0 < 0.1)
                warnings.Add("The decay over the echo train is under 10 %: R2* is poorly determined (echo train too short for this T2*).");
        }
        double? Opt(double v) => double.IsFinite(v) ? v : null;
        string? beyond = MeasurableRange.Check(raw.RanOff ? double.PositiveInfinity : raw.R2StarPerSecond, te[0], echoesAboveNoise, s.Count, null);
        return new DecayFitResult(model.Name, raw.R2StarPerSecond, 1000.0 / raw.R2StarPerSecond, raw.S0,
            raw.HasOffset ? raw.Offset : null, raw.Rmse, raw.EchoesUsed, raw.Iterations, raw.Status, raw.ExitReason ?? "",
            Opt(raw.SeR2Star), Opt(raw.SeS0), raw.HasOffset ? Opt(raw.SeOffset) : null,
            raw.HasSecond && usable ? new DecayComponent(raw.S0Slow, raw.R2StarSlowPerSecond, Opt(raw.SeR2StarSlow)) : null,
            o.NoiseSigma, warnings)
        {
            FirstEchoTimeMs = te[0],
            EchoesAboveNoise = echoesAboveNoise,
            BeyondMeasurableRange = beyond,
        };
    }
}
