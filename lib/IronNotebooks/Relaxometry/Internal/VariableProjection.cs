namespace IronNotebooks.Relaxometry.Internal;

/// <summary>
/// Least squares for S = a·e^(−R·t) (mono) and S = a·e^(−R·t) + c (offset) by variable projection (Golub &amp; Pereyra,
/// SIAM J Numer Anal 1973;10:413): for a fixed R the amplitudes are a linear least-squares problem with a closed form, so
/// the fit is a 1-D minimisation of the projected sum of squares φ(R) = min over (a, c). Its first and second
/// derivatives are exact (implicit-function rule φ'' = F_RR − F_Rθ·F_θθ⁻¹·F_θR at the optimal amplitudes θ), so a
/// safeguarded Newton iteration converges in a handful of steps to the same stationary point as a full
/// Levenberg–Marquardt on (a, R, c): the optimum is the least-squares optimum, only the search is cheaper.
/// </summary>
/// <remarks>
/// With an offset the basis {e, 1} is replaced by the centred {e − ē, 1}, which is orthogonal, so a = Σẽỹ / Σẽ² and
/// c = ȳ − a·ē without forming the ill-conditioned 2 × 2 normal equations (slow decays make e almost constant).
/// Sums over echoes with ψ = F/2, d = ∂e/∂R = −t·e, r = a·ẽ − ỹ:
/// ψ' = a·Σ r·d; ψ'' = a²·Σ d̃² + a·Σ r·t²·e − (a·Σ ẽ·d + Σ r·d)² / Σ ẽ². The mono model is the same with no centring.
/// </remarks>
internal static class VariableProjection
{
    /// <summary>Smallest relative spread Σẽ² / Σe² of the basis before the amplitude problem counts as degenerate.</summary>
    private const double DegenerateSpread = 1e-14;

    /// <summary>R·(t1 − t0) above ln(10⁶): the fitted decay has fallen below 10⁻⁶ of the first echo by the second, so only
    /// the first echo still shapes the fit and R2* is running off to infinity (no finite optimum).</summary>
    private const double RunawayDecay = 13.8;

    /// <summary>Relative rounding noise of the projected cost (a few hundred ulp of Σ(y − ȳ)²).</summary>
    private const double CostNoise = 1e-13;

    /// <summary>
    /// Minimises from <paramref name="seedRate"/> (s⁻¹) over ws.TimesSeconds / ws.Signal [0..m); writes a → Parameters[0],
    /// R → Parameters[1], c → Parameters[2] (0 for mono) and the outcome into <paramref name="fit"/>.
    /// </summary>
    public static void Solve(bool offset, int m, double seedRate, DecayFitOptions o, FitWorkspace ws, ref RawFit fit)
    {
        var y = ws.Signal;
        double yMean = 0;
        if (offset)
        {
            for (int k = 0; k < m; k++) yMean += y[k];
            yMean /= m;
        }
        double syy = 0;
        for (int k = 0; k < m; k++) syy += (y[k] - yMean) * (y[k] - yMean);
        fit.EchoesUsed = m;
        double rate = seedRate;
        if (!Evaluate(offset, m, rate, yMean, syy, ws, out var cur))
        {
            fit.Status = DecayFitStatus.Failed;
            fit.ExitReason = "degenerate amplitude problem at the starting R2* (no decay across the echoes)";
            return;
        }
        // Trust radius: a rate change of 1 / (echo-train span) changes e^(−R·t) across the train by ≈ e-fold.
        double span = ws.TimesSeconds[m - 1] - ws.TimesSeconds[0];
        double maxStepFloor = 1.0 / Math.Max(span, 1e-9);
        double tol = o.RelativeTolerance;
        string reason = "iteration limit reached";
        var status = DecayFitStatus.MaxIterations;
        int iter = 0;
        while (iter < o.MaxIterations)
        {
            iter++;
            // Newton steps may double R2* (a noise-floor-biased start can be half the optimum); other steps move by at most half.
            double maxStep = Math.Max((cur.Curvature > 0 ? 1.0 : 0.5) * Math.Abs(rate), maxStepFloor);
            double step = cur.Curvature > 0 ? -cur.Gradient / cur.Curvature : -Math.Sign(cur.Gradient) * maxStep;
            if (Math.Abs(step) > maxStep) step = Math.Sign(step) * maxStep;
            if (step == 0 || !double.IsFinite(step))
            {
                status = DecayFitStatus.Converged;
                reason = "gradient of the projected sum of squares is zero";
                break;
            }
            bool newton = cur.Curvature > 0 && Math.Abs(-cur.Gradient / cur.Curvature) <= maxStep;
            // Backtracking on the projected sum of squares: a Newton step is kept only if it does not increase it.
            bool accepted = false;
            int halvings = 0;
            Evaluation next = default;
            for (; halvings < 60; halvings++)
            {
                if (Evaluate(offset, m, rate + step, yMean, syy, ws, out next)
                    && (next.Cost <= cur.Cost
                        // Cost = Σ(y − ȳ)² − a·Σẽỹ loses ≈ 1e-15·Σ(y − ȳ)² to cancellation; within that noise a falling
                        // |φ'| is the better evidence of progress toward the minimum (1-D, positive curvature).
                        || (next.Cost - cur.Cost <= CostNoise * syy && Math.Abs(next.Gradient) < Math.Abs(cur.Gradient) && next.Curvature > 0)))
                {
                    accepted = true;
                    break;
                }
                step *= 0.5;
                if (Math.Abs(step) <= tol * (Math.Abs(rate) + tol)) break;
            }
            if (!accepted)
            {
                status = DecayFitStatus.Converged;
                reason = "no step reduces the sum of squares further (local minimum)";
                break;
            }
            rate += step;
            cur = next;
            if (rate * (ws.TimesSeconds[1] - ws.TimesSeconds[0]) > RunawayDecay) break;
            if (Math.Abs(step) <= tol * (Math.Abs(rate) + tol))
            {
                status = DecayFitStatus.Converged;
                reason = "relative step below tolerance";
                break;
            }
            // A full Newton step of relative size δ leaves an error of order δ², so δ ≤ √tol is convergence to tol.
            if (newton && halvings == 0 && Math.Abs(step) <= Math.Sqrt(tol) * Math.Abs(rate))
            {
                status = DecayFitStatus.Converged;
                reason = "Newton step below √tolerance (quadratic convergence)";
                break;
            }
        }
        if (rate * (ws.TimesSeconds[1] - ws.TimesSeconds[0]) > RunawayDecay)
        {
            fit.Status = DecayFitStatus.Failed;
            fit.RanOff = true;
            fit.ExitReason = "no finite optimum: R2* runs off to infinity (the fitted decay is over before the second echo; later echoes are noise)";
            return;
        }
        // cur holds the amplitudes and cost at the final rate (a rejected trial only touched ws.Exponentials).
        var p = ws.Parameters;
        p[0] = cur.Amplitude;
        p[1] = rate;
        p[2] = cur.Constant;
        fit.Iterations = iter;
        fit.Status = status;
        fit.ExitReason = reason;
        fit.Rmse = Math.Sqrt(Math.Max(cur.Cost, 0) / m);
    }

    private struct Evaluation
    {
        public double Cost, Gradient, Curvature, Amplitude, Constant;
    }

    /// <summary>φ(R), ψ'(R), ψ''(R) and the optimal amplitudes; false when the amplitude problem is degenerate.</summary>
    private static bool Evaluate(bool offset, int m, double rate, double yMean, double syy, FitWorkspace ws, out Evaluation ev)
    {
        ev = default;
        if (!double.IsFinite(rate)) return false;
        var e = ws.Exponentials;
        var t = ws.TimesSeconds;
        var y = ws.Signal;
        double eMean = 0, dMean = 0, s2 = 0;
        if (offset)
        {
            ws.FillExponentials(rate, m, out eMean, out dMean);
            eMean /= m;
            dMean /= m;
        }
        else ws.FillExponentials(rate, m);
        double sxx = 0, sxy = 0, sed = 0, syd = 0, sdd = 0, sep = 0, syp = 0;
        for (int k = 0; k < m; k++)
        {
            double ek = e[k], ec = ek - eMean, yc = y[k] - yMean;
            double d = -t[k] * ek, dc = d - dMean, p = t[k] * t[k] * ek;
            s2 += ek * ek;
            sxx += ec * ec;
            sxy += ec * yc;
            sed += ec * d;
            syd += yc * d;
            sdd += dc * dc;
            sep += ec * p;
            syp += yc * p;
        }
        if (!(sxx > DegenerateSpread * s2) || !double.IsFinite(sxx)) return false;
        double a = sxy / sxx;
        double rd = a * sed - syd;          // Σ r·d
        double rp = a * sep - syp;          // Σ r·t²·e
        double cross = a * sed + rd;        // ∂²ψ/∂R∂a
        ev.Amplitude = a;
        ev.Constant = offset ? yMean - a * eMean : 0;
        ev.Cost = syy - sxy * a;
        ev.Gradient = a * rd;
        ev.Curvature = a * a * sdd + a * rp - cross * cross / sxx;
        return double.IsFinite(ev.Cost) && double.IsFinite(ev.Gradient);
    }
}
