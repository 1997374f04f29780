namespace IronNotebooks.Relaxometry.Internal;

/// <summary>
/// First moment of the Rician distribution: E[M] = σ·√(π/2)·e^(−z)·[(1 + 2z)·I0(z) + 2z·I1(z)] with z = A²/(4σ²)
/// (equivalently σ·√(π/2)·L½(−A²/2σ²)). The exponentially scaled Bessel functions e^(−z)·Iν(z) come from their power
/// series for z ≤ 25 and from the large-argument asymptotic series above, both to ≈ 1e-13 relative.
/// </summary>
internal static class RicianMean
{
    private static readonly double SqrtHalfPi = Math.Sqrt(Math.PI / 2);

    public static double Of(double amplitude, double sigma)
    {
        double a = Math.Abs(amplitude);
        double z = a * a / (4 * sigma * sigma);
        if (z > 1e6) return Math.Sqrt(a * a + sigma * sigma); // E[M] → √(A² + σ²) as A/σ → ∞ (difference O(σ⁴/A³)).
        ScaledBessel(z, out double i0e, out double i1e);
        return sigma * SqrtHalfPi * ((1 + 2 * z) * i0e + 2 * z * i1e);
    }

    /// <summary>e^(−z)·I0(z) and e^(−z)·I1(z) for z ≥ 0.</summary>
    public static void ScaledBessel(double z, out double i0e, out double i1e)
    {
        if (z <= 25)
        {
            // I0 = Σ (z²/4)^k / (k!)², I1 = (z/2)·Σ (z²/4)^k / (k!(k+1)!).
            double q = z * z / 4, t0 = 1, t1 = 1, s0 = 1, s1 = 1;
            for (int k = 1; k < 200; k++)
            {
                t0 *= q / ((double)k * k);
                t1 *= q / ((double)k * (k + 1));
                s0 += t0;
                s1 += t1;
                if (t0 < 1e-17 * s0 && t1 < 1e-17 * s1) break;
            }
            double e = Math.Exp(-z);
            i0e = s0 * e;
            i1e = z / 2 * s1 * e;
            return;
        }
        i0e = Asymptotic(z, 0);
        i1e = Asymptotic(z, 1);
    }

    // e^(−z)·Iν(z) ≈ (2πz)^(−1/2)·Σ_k (−1)^k·a_k(ν)/z^k, a_k = Π_{j=1..k} (4ν² − (2j − 1)²) / (k!·8^k).
    private static double Asymptotic(double z, int nu)
    {
        double mu = 4.0 * nu * nu, term = 1, sum = 1;
        for (int k = 1; k < 30; k++)
        {
            double next = -term * (mu - (2 * k - 1) * (2 * k - 1)) / (k * 8 * z);
            if (Math.Abs(next) >= Math.Abs(term)) break; // the series is asymptotic: stop at its smallest term
            term = next;
            sum += term;
            if (Math.Abs(term) < 1e-17 * Math.Abs(sum)) break;
        }
        return sum / Math.Sqrt(2 * Math.PI * z);
    }
}
