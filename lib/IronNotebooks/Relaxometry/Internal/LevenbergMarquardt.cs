namespace IronNotebooks.Relaxometry.Internal;

/// <summary>
/// A small dense Levenberg–Marquardt for 2–4 parameters with Marquardt's diagonal scaling: solve
/// (JᵀJ + λ·diag(JᵀJ))·δ = −Jᵀr, accept the step when the sum of squares falls (λ ÷ 10), otherwise λ × 10.
/// Stops when the relative step is below the tolerance, or when a near-Gauss–Newton step (λ ≤ 0.01) lowers the sum of
/// squares by less than the tolerance (a tiny decrease under heavy damping is not convergence).
/// </summary>
internal static class LevenbergMarquardt
{
    public static void Solve(DecayModelKind kind, int nParams, int m, double sigma, FitWorkspace ws, DecayFitOptions o, ref RawFit fit, bool standardErrors = true)
    {
        var p = ws.Parameters.AsSpan(0, nParams);
        double cost = Cost(kind, p, m, sigma, ws);
        if (!double.IsFinite(cost)) { fit = RawFit.Fail(DecayFitStatus.Failed, "non-finite residual at the starting point", m); return; }
        double lambda = 1e-3;
        int iter = 0;
        string reason = "iteration limit reached";
        var status = DecayFitStatus.MaxIterations;
        while (iter < o.MaxIterations)
        {
            iter++;
            BuildNormal(kind, p, nParams, m, sigma, ws);
            bool accepted = false, done = false;
            while (true)
            {
                for (int i = 0; i < nParams; i++)
                    for (int j = 0; j < nParams; j++)
                        ws.Augmented[i * nParams + j] = ws.Normal[i * nParams + j] + (i == j ? lambda * Math.Max(ws.Normal[i * nParams + i], 1e-300) : 0);
                for (int i = 0; i < nParams; i++) ws.Step[i] = -ws.Gradient[i];
                if (LinearAlgebra.SolveInPlace(ws.Augmented, ws.Step, nParams))
                {
                    double stepNorm = 0, pNorm = 0;
                    for (int i = 0; i < nParams; i++)
                    {
                        ws.Trial[i] = p[i] + ws.Step[i];
                        stepNorm += ws.Step[i] * ws.Step[i];
                        pNorm += p[i] * p[i];
                    }
                    double trialCost = Cost(kind, ws.Trial.AsSpan(0, nParams), m, sigma, ws);
                    if (double.IsFinite(trialCost) && trialCost <= cost)
                    {
                        double decrease = cost - trialCost;
                        ws.Trial.AsSpan(0, nParams).CopyTo(p);
                        accepted = true;
                        if ((decrease <= o.RelativeTolerance * cost && lambda <= 1e-2) || Math.Sqrt(stepNorm) <= o.RelativeTolerance * (Math.Sqrt(pNorm) + o.RelativeTolerance))
                        {
                            done = true;
                            reason = decrease <= o.RelativeTolerance * cost ? "relative decrease of the sum of squares below tolerance" : "relative step below tolerance";
                        }
                        cost = trialCost;
                        lambda = Math.Max(lambda / 10, 1e-12);
                        break;
                    }
                }
                lambda *= 10;
                if (lambda > 1e16)
                {
                    done = true;
                    reason = "no step reduces the sum of squares further (local minimum)";
                    break;
                }
            }
            if (done) { status = DecayFitStatus.Converged; break; }
            if (!accepted) break;
        }
        fit.Iterations = iter;
        fit.Status = status;
        fit.ExitReason = reason;
        fit.Rmse = Math.Sqrt(cost / m);
        fit.EchoesUsed = m;
        if (standardErrors) StandardErrors(kind, nParams, m, sigma, cost, ws, ref fit);
        else fit.SeR2Star = fit.SeS0 = fit.SeOffset = fit.SeR2StarSlow = double.NaN;
    }

    /// <summary>Asymptotic standard errors from σ̂²·(JᵀJ)⁻¹ at ws.Parameters, σ̂² = cost/(m − n); NaN when n ≥ m or JᵀJ is singular.</summary>
    public static void StandardErrors(DecayModelKind kind, int nParams, int m, double sigma, double cost, FitWorkspace ws, ref RawFit fit)
    {
        var p = ws.Parameters.AsSpan(0, nParams);
        BuildNormal(kind, p, nParams, m, sigma, ws);
        fit.SeR2Star = fit.SeS0 = fit.SeOffset = fit.SeR2StarSlow = double.NaN;
        if (m > nParams && LinearAlgebra.Invert(ws.Normal, ws.Covariance, nParams, ws.Augmented, ws.Step))
        {
            double s2 = cost / (m - nParams);
            double Se(int i) => Math.Sqrt(Math.Max(0, ws.Covariance[i * nParams + i] * s2));
            fit.SeS0 = Se(0);
            fit.SeR2Star = Se(1);
            if (kind == DecayModelKind.Offset) fit.SeOffset = Se(2);
            if (kind == DecayModelKind.BiExponential) fit.SeR2StarSlow = Se(3);
        }
    }

    private static double Cost(DecayModelKind kind, ReadOnlySpan<double> p, int m, double sigma, FitWorkspace ws)
    {
        Span<double> g = stackalloc double[FitWorkspace.MaxParameters];
        double c = 0;
        for (int i = 0; i < m; i++)
        {
            double r = Evaluate(kind, ws.TimesSeconds[i], p, g, sigma, false) - ws.Signal[i];
            c += r * r;
        }
        return c;
    }

    private static void BuildNormal(DecayModelKind kind, ReadOnlySpan<double> p, int n, int m, double sigma, FitWorkspace ws)
    {
        Array.Clear(ws.Normal);
        Array.Clear(ws.Gradient);
        Span<double> g = stackalloc double[FitWorkspace.MaxParameters];
        for (int k = 0; k < m; k++)
        {
            double r = Evaluate(kind, ws.TimesSeconds[k], p, g, sigma, true) - ws.Signal[k];
            for (int i = 0; i < n; i++)
            {
                ws.Gradient[i] += g[i] * r;
                for (int j = 0; j < n; j++) ws.Normal[i * n + j] += g[i] * g[j];
            }
        }
    }

    /// <summary>Model value at t (s); fills ∂f/∂p when <paramref name="withGradient"/>.</summary>
    public static double Evaluate(DecayModelKind kind, double t, ReadOnlySpan<double> p, Span<double> g, double sigma, bool withGradient)
    {
        switch (kind)
        {
            case DecayModelKind.Offset:
            {
                double e = Math.Exp(-p[1] * t);
                if (withGradient) { g[0] = e; g[1] = -p[0] * t * e; g[2] = 1; }
                return p[0] * e + p[2];
            }
            case DecayModelKind.BiExponential:
            {
                double e1 = Math.Exp(-p[1] * t), e2 = Math.Exp(-p[3] * t);
                if (withGradient) { g[0] = e1; g[1] = -p[0] * t * e1; g[2] = e2; g[3] = -p[2] * t * e2; }
                return p[0] * e1 + p[2] * e2;
            }
            case DecayModelKind.Rician:
            {
                double e = Math.Exp(-p[1] * t);
                double a = p[0] * e;
                double f = RicianMean.Of(a, sigma);
                if (withGradient)
                {
                    // Central difference in the amplitude A, chain rule to S0 and R2*.
                    double h = 1e-6 * Math.Max(Math.Abs(a), sigma);
                    double dfda = (RicianMean.Of(a + h, sigma) - RicianMean.Of(a - h, sigma)) / (2 * h);
                    g[0] = dfda * e;
                    g[1] = -dfda * a * t;
                }
                return f;
            }
            default:
            {
                double e = Math.Exp(-p[1] * t);
                if (withGradient) { g[0] = e; g[1] = -p[0] * t * e; }
                return p[0] * e;
            }
        }
    }
}
