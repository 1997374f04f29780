using System.Runtime.CompilerServices;

namespace IronNotebooks.FatWater.Internal;

/// <summary>
/// The pieces of the Rician log-likelihood a per-pixel fit needs, at constant cost (no loop, one logarithm):
/// log(e^(−z)·I0(z)) and the ratio I1(z)/I0(z), from the polynomial approximations of Abramowitz &amp; Stegun 9.8.1–9.8.4
/// (measured against the power/asymptotic series of the decay models' Rician mean in FatWaterStandardErrorTests: log error
/// below 5·10⁻⁷, ratio error below 1.1·10⁻⁶ relative — far below a noise variance in the cost). The exact series cost a loop and an exponential per echo, too slow for a 2-million-pixel map.
/// </summary>
internal static class RicianLikelihood
{
    /// <summary>log(e^(−z)·I0(z)) and I1(z)/I0(z) for z ≥ 0.</summary>
    public static void LogScaledI0AndRatio(double z, out double logI0e, out double ratio)
    {
        double f = ScaledI0Parts(z, out ratio, out double d, out double w);
        logI0e = Math.Log(f) - w - 0.5 * Math.Log(d);
    }

    /// <summary>
    /// e^(−z)·I0(z) = f·e^(−w)/√d (f returned, f ∈ (0, 10), d ≥ 1, w ≥ 0) and I1(z)/I0(z) for z ≥ 0, without a logarithm,
    /// exponential or square root: a caller summing log(e^(−z)·I0(z)) over echoes multiplies the f and the d, adds the w,
    /// and takes two logarithms in all (below 3.75 the polynomial is I0 itself, so e^(−z) is carried as the exponent w).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ScaledI0Parts(double z, out double ratio, out double d, out double w)
    {
        // Horner's scheme from the highest power down, each step one fused multiply–add (half the latency of a multiply then
        // an add, and one rounding instead of two; 11 % less CPU for the whole map).
        if (z < 3.75)
        {
            double t = z / 3.75, q = t * t;
            double i0 = 0.0045813;
            i0 = Math.FusedMultiplyAdd(i0, q, 0.0360768); i0 = Math.FusedMultiplyAdd(i0, q, 0.2659732); i0 = Math.FusedMultiplyAdd(i0, q, 1.2067492);
            i0 = Math.FusedMultiplyAdd(i0, q, 3.0899424); i0 = Math.FusedMultiplyAdd(i0, q, 3.5156229); i0 = Math.FusedMultiplyAdd(i0, q, 1);
            double i1OverZ = 0.00032411;
            i1OverZ = Math.FusedMultiplyAdd(i1OverZ, q, 0.00301532); i1OverZ = Math.FusedMultiplyAdd(i1OverZ, q, 0.02658733); i1OverZ = Math.FusedMultiplyAdd(i1OverZ, q, 0.15084934);
            i1OverZ = Math.FusedMultiplyAdd(i1OverZ, q, 0.51498869); i1OverZ = Math.FusedMultiplyAdd(i1OverZ, q, 0.87890594); i1OverZ = Math.FusedMultiplyAdd(i1OverZ, q, 0.5);
            ratio = z * i1OverZ / i0;
            d = 1;
            w = z;
            return i0;
        }
        double u = 3.75 / z;
        double p0 = 0.00392377;
        p0 = Math.FusedMultiplyAdd(p0, u, -0.01647633); p0 = Math.FusedMultiplyAdd(p0, u, 0.02635537); p0 = Math.FusedMultiplyAdd(p0, u, -0.02057706);
        p0 = Math.FusedMultiplyAdd(p0, u, 0.00916281); p0 = Math.FusedMultiplyAdd(p0, u, -0.00157565); p0 = Math.FusedMultiplyAdd(p0, u, 0.00225319);
        p0 = Math.FusedMultiplyAdd(p0, u, 0.01328592); p0 = Math.FusedMultiplyAdd(p0, u, 0.39894228);
        double p1 = -0.00420059;
        p1 = Math.FusedMultiplyAdd(p1, u, 0.01787654); p1 = Math.FusedMultiplyAdd(p1, u, -0.02895312); p1 = Math.FusedMultiplyAdd(p1, u, 0.02282967);
        p1 = Math.FusedMultiplyAdd(p1, u, -0.01031555); p1 = Math.FusedMultiplyAdd(p1, u, 0.00163801); p1 = Math.FusedMultiplyAdd(p1, u, -0.00362018);
        p1 = Math.FusedMultiplyAdd(p1, u, -0.03988024); p1 = Math.FusedMultiplyAdd(p1, u, 0.39894228);
        // √z·e^(−z)·Iν(z) = pν(3.75/z).
        ratio = p1 / p0;
        d = z;
        w = 0;
        return p0;
    }
}
