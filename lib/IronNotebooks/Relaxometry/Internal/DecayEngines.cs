namespace IronNotebooks.Relaxometry.Internal;

/// <summary>The fitting engines behind <see cref="DecayModels"/>. Inputs are already validated; times in seconds.</summary>
internal static class DecayEngines
{
    /// <summary>Fits <paramref name="kind"/> to the first <paramref name="m"/> entries of ws.TimesSeconds / ws.Signal
    /// (ws.Signal may be overwritten). <paramref name="detailed"/> adds standard errors and the RMSE of closed forms;
    /// pixel maps skip them.</summary>
    public static RawFit Fit(DecayModelKind kind, int m, DecayFitOptions o, FitWorkspace ws, bool detailed = true)
    {
        switch (kind)
        {
            case DecayModelKind.LogLinear: return LogLinear(ws.TimesSeconds, ws.Signal, m, computeErrors: detailed, computeRmse: detailed);
            case DecayModelKind.Arlo: return Arlo(ws, m, detailed);
            case DecayModelKind.Mono: return Projected(offset: false, m, o, ws, detailed);
            case DecayModelKind.Truncation:
            {
                int kept = m;
                if (o.NoiseSigma is double sigma)
                {
                    double threshold = o.TruncationNoiseFactor * sigma;
                    kept = 0;
                    while (kept < m && ws.Signal[kept] >= threshold) kept++;
                }
                if (kept < 2) return RawFit.Fail(DecayFitStatus.TooFewEchoes, $"{kept} echo(es) above {o.TruncationNoiseFactor}·σ; 2 needed", kept);
                return Projected(offset: false, kept, o, ws, detailed);
            }
            case DecayModelKind.Offset: return Projected(offset: true, m, o, ws, detailed);
            case DecayModelKind.SecondMoment: return SecondMoment(m, o, ws, detailed);
            case DecayModelKind.BiExponential:
            {
                var mono = Projected(offset: false, m, o, ws, detailed: false);
                var p = ws.Parameters;
                double s0 = Finite(mono.S0, ws.Signal[0]), r = Math.Abs(Finite(mono.R2StarPerSecond, 1 / ws.TimesSeconds[m - 1]));
                p[0] = 0.5 * s0; p[1] = 2 * r; p[2] = 0.5 * s0; p[3] = 0.5 * r;
                var fit = new RawFit { HasSecond = true };
                LevenbergMarquardt.Solve(kind, 4, m, 0, ws, o, ref fit, detailed);
                fit = Finish(fit, p);
                if (fit.HasSecond && p[3] > p[1])
                {
                    // Report the faster component as R2*.
                    (fit.S0, fit.S0Slow) = (p[2], p[0]);
                    (fit.R2StarPerSecond, fit.R2StarSlowPerSecond) = (p[3], p[1]);
                    (fit.SeR2Star, fit.SeR2StarSlow) = (fit.SeR2StarSlow, fit.SeR2Star);
                }
                return fit;
            }
            case DecayModelKind.Rician:
            {
                double sigma = o.NoiseSigma ?? throw new InvalidOperationException("The Rician model needs a noise σ.");
                var mono = Projected(offset: false, m, o, ws, detailed: false);
                var p = ws.Parameters;
                p[0] = Finite(mono.S0, ws.Signal[0]);
                p[1] = Finite(mono.R2StarPerSecond, 1 / ws.TimesSeconds[m - 1]);
                var fit = new RawFit();
                LevenbergMarquardt.Solve(kind, 2, m, sigma, ws, o, ref fit, detailed);
                return Finish(fit, p);
            }
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private static double Finite(double value, double fallback) => double.IsFinite(value) ? value : fallback;

    /// <summary>Mono (offset = false) or offset model by variable projection from <see cref="Seed"/>.</summary>
    private static RawFit Projected(bool offset, int m, DecayFitOptions o, FitWorkspace ws, bool detailed)
    {
        double seed = Seed(m, ws);
        var fit = new RawFit { HasOffset = offset };
        VariableProjection.Solve(offset, m, seed, o, ws, ref fit);
        if (fit.Status is DecayFitStatus.Failed) return RawFit.Fail(DecayFitStatus.Failed, fit.ExitReason, m) with { RanOff = fit.RanOff };
        if (detailed)
        {
            var kind = offset ? DecayModelKind.Offset : DecayModelKind.Mono;
            LevenbergMarquardt.StandardErrors(kind, offset ? 3 : 2, m, 0, fit.Rmse * fit.Rmse * m, ws, ref fit);
        }
        else fit.SeR2Star = fit.SeS0 = fit.SeOffset = fit.SeR2StarSlow = double.NaN;
        return Finish(fit, ws.Parameters);
    }

    /// <summary>Start for the projected fits: ARLO (no transcendental functions and far less biased at the noise floor
    /// than log-linear, so Newton needs fewer steps), else the weighted log-linear estimate, else 1 / last TE.</summary>
    private static double Seed(int m, FitWorkspace ws)
    {
        if (m == ws.TimesSeconds.Length && m >= 3)
        {
            var arlo = ArloRate(ws, m);
            if (arlo > 0 && double.IsFinite(arlo)) return arlo;
        }
        var start = LogLinear(ws.TimesSeconds, ws.Signal, m, computeErrors: false, computeRmse: false);
        return Finite(start.R2StarPerSecond, 1 / ws.TimesSeconds[m - 1]);
    }

    /// <summary>
    /// Second-moment noise correction: E[M²] = A² + 2Lσ² for a magnitude M of L coils (non-central χ; Rician for L = 1),
    /// so y = M² − 2Lσ² is an unbiased estimate of A² = S0²·e^(−2R2*·t). Fits y = b·e^(−k·t) by least squares
    /// (variable projection), then R2* = k/2 and S0 = √b. Echoes with M² &lt; 2Lσ² stay in the fit (negative y): dropping
    /// them would reintroduce the bias.
    /// </summary>
    private static RawFit SecondMoment(int m, DecayFitOptions o, FitWorkspace ws, bool detailed)
    {
        double sigma = o.NoiseSigma ?? throw new InvalidOperationException("The second-moment model needs a noise σ.");
        double floor = 2 * o.CoilCount * sigma * sigma;
        var y = ws.Signal;
        for (int k = 0; k < m; k++) y[k] = y[k] * y[k] - floor;
        var fit = Projected(offset: false, m, o, ws, detailed);
        if (fit.Status is DecayFitStatus.Failed or DecayFitStatus.TooFewEchoes) return fit;
        double b = fit.S0, rate = fit.R2StarPerSecond;
        if (!(b > 0)) return RawFit.Fail(DecayFitStatus.Failed, "the fitted squared amplitude S0² is not positive (no signal above the noise power)", m);
        fit.S0 = Math.Sqrt(b);
        fit.R2StarPerSecond = rate / 2;
        fit.SeS0 = fit.SeS0 / (2 * fit.S0);   // delta method: d√b = db / (2√b)
        fit.SeR2Star /= 2;
        if (detailed)
        {
            // RMSE in signal units: measured magnitude against the model's root-mean-square magnitude √(A² + 2Lσ²).
            double c = 0;
            for (int k = 0; k < m; k++)
            {
                double model = Math.Sqrt(b * Math.Exp(-rate * ws.TimesSeconds[k]) + floor);
                double e = model - Math.Sqrt(Math.Max(y[k] + floor, 0));
                c += e * e;
            }
            fit.Rmse = Math.Sqrt(c / m);
        }
        return fit;
    }

    private static RawFit Finish(RawFit fit, double[] p)
    {
        if (fit.Status is DecayFitStatus.Failed or DecayFitStatus.TooFewEchoes) return fit;
        fit.S0 = p[0];
        fit.R2StarPerSecond = p[1];
        fit.Offset = fit.HasOffset ? p[2] : double.NaN;
        if (fit.HasSecond) { fit.S0Slow = p[2]; fit.R2StarSlowPerSecond = p[3]; }
        if (!double.IsFinite(fit.R2StarPerSecond) || !double.IsFinite(fit.S0))
            return RawFit.Fail(DecayFitStatus.Failed, "non-finite parameter estimate", fit.EchoesUsed);
        return fit;
    }

    /// <summary>Weighted least squares of ln S on t with weights S² over the positive samples.</summary>
    public static RawFit LogLinear(double[] t, double[] s, int m, bool computeErrors, bool computeRmse = true)
    {
        double sw = 0, swx = 0, swy = 0, swxx = 0, swxy = 0;
        int used = 0;
        for (int i = 0; i < m; i++)
        {
            if (!(s[i] > 0)) continue;
            double w = s[i] * s[i], y = Math.Log(s[i]);
            sw += w; swx += w * t[i]; swy += w * y; swxx += w * t[i] * t[i]; swxy += w * t[i] * y;
            used++;
        }
        if (used < 2) return RawFit.Fail(DecayFitStatus.TooFewEchoes, $"{used} echo(es) with positive signal; 2 needed", used);
        double det = sw * swxx - swx * swx;
        if (!(det > 0)) return RawFit.Fail(DecayFitStatus.Failed, "singular weighted normal equations", used);
        double slope = (sw * swxy - swx * swy) / det;
        double intercept = (swy - slope * swx) / sw;
        var fit = new RawFit
        {
            R2StarPerSecond = -slope, S0 = Math.Exp(intercept), Offset = double.NaN, EchoesUsed = used, NonPositiveExcluded = m - used,
            Status = DecayFitStatus.ClosedForm, ExitReason = "closed form (weighted least squares on ln S)",
            SeR2Star = double.NaN, SeS0 = double.NaN, SeOffset = double.NaN, S0Slow = double.NaN, R2StarSlowPerSecond = double.NaN, SeR2StarSlow = double.NaN,
        };
        fit.Rmse = computeRmse ? Rmse(t, s, m, fit.S0, fit.R2StarPerSecond) : double.NaN;
        if (computeErrors && used > 2)
        {
            double chi = 0;
            for (int i = 0; i < m; i++)
            {
                if (!(s[i] > 0)) continue;
                double e = Math.Log(s[i]) - intercept - slope * t[i];
                chi += s[i] * s[i] * e * e;
            }
            double s2 = chi / (used - 2);
            fit.SeR2Star = Math.Sqrt(s2 * sw / det);
            fit.SeS0 = fit.S0 * Math.Sqrt(s2 * swxx / det); // delta method on exp(intercept)
        }
        return fit;
    }

    /// <summary>ARLO (Pei et al. 2015), general echo spacing, as written in docs/methods.md §4.</summary>
    public static RawFit Arlo(FitWorkspace ws, int m, bool computeRmse)
    {
        double[] t = ws.TimesSeconds, s = ws.Signal;
        double r = ArloRate(ws, m);
        if (!double.IsFinite(r)) return RawFit.Fail(DecayFitStatus.Failed, "ARLO denominator is zero (flat or zero signal)", m);
        // S0 by least squares given R2*: S0 = Σ S·e^(−R t) / Σ e^(−2 R t).
        double num = 0, den = 0;
        ws.FillExponentials(r, m);
        for (int i = 0; i < m; i++) { double e = ws.Exponentials[i]; num += s[i] * e; den += e * e; }
        var fit = new RawFit
        {
            R2StarPerSecond = r, S0 = num / den, Offset = double.NaN, EchoesUsed = m, Status = DecayFitStatus.ClosedForm,
            ExitReason = "closed form (ARLO)", SeR2Star = double.NaN, SeS0 = double.NaN, SeOffset = double.NaN,
            S0Slow = double.NaN, R2StarSlowPerSecond = double.NaN, SeR2StarSlow = double.NaN,
        };
        fit.Rmse = computeRmse ? Rmse(t, s, m, fit.S0, r) : double.NaN;
        if (!double.IsFinite(fit.S0)) return RawFit.Fail(DecayFitStatus.Failed, "non-finite S0", m);
        return fit;
    }

    /// <summary>The ARLO rate over the first m echoes (NaN when the denominator vanishes).</summary>
    private static double ArloRate(FitWorkspace ws, int m)
    {
        double[] s = ws.Signal, w = ws.ArloWeights;
        double syx = 0, sbxx = 0, sbyx = 0, syy = 0;
        for (int i = 0; i + 2 < m; i++)
        {
            double y = s[i] * w[4 * i] + s[i + 1] * w[4 * i + 1] + s[i + 2] * w[4 * i + 2], beta = w[4 * i + 3];
            double x = s[i] - s[i + 2];
            syx += y * x; sbxx += beta * x * x; sbyx += beta * y * x; syy += y * y;
        }
        return (syx + sbxx) / (sbyx + syy);
    }

    private static double Rmse(double[] t, double[] s, int m, double s0, double r)
    {
        double c = 0;
        for (int i = 0; i < m; i++) { double e = s0 * Math.Exp(-r * t[i]) - s[i]; c += e * e; }
        return Math.Sqrt(c / m);
    }
}
