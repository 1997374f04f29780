namespace IronNotebooks.Relaxometry.Internal;

/// <summary>Gaussian elimination with partial pivoting for the tiny (≤ 4 × 4) systems of the decay fits.</summary>
internal static class LinearAlgebra
{
    /// <summary>Solves A·x = b in place (A row-major n × n is destroyed, b becomes x); false when A is singular.</summary>
    public static bool SolveInPlace(double[] a, double[] b, int n)
    {
        for (int c = 0; c < n; c++)
        {
            int piv = c;
            for (int r = c + 1; r < n; r++) if (Math.Abs(a[r * n + c]) > Math.Abs(a[piv * n + c])) piv = r;
            double pv = a[piv * n + c];
            if (!(Math.Abs(pv) > 1e-300) || !double.IsFinite(pv)) return false;
            if (piv != c)
            {
                for (int k = 0; k < n; k++) (a[c * n + k], a[piv * n + k]) = (a[piv * n + k], a[c * n + k]);
                (b[c], b[piv]) = (b[piv], b[c]);
            }
            for (int r = c + 1; r < n; r++)
            {
                double f = a[r * n + c] / pv;
                if (f == 0) continue;
                for (int k = c; k < n; k++) a[r * n + k] -= f * a[c * n + k];
                b[r] -= f * b[c];
            }
        }
        for (int r = n - 1; r >= 0; r--)
        {
            double s = b[r];
            for (int k = r + 1; k < n; k++) s -= a[r * n + k] * b[k];
            b[r] = s / a[r * n + r];
            if (!double.IsFinite(b[r])) return false;
        }
        return true;
    }

    /// <summary>Inverse of the row-major n × n matrix <paramref name="a"/> (left intact) into <paramref name="inverse"/>,
    /// using the caller's scratch arrays (n² and n long).</summary>
    public static bool Invert(double[] a, double[] inverse, int n, double[] scratchMatrix, double[] scratchVector)
    {
        for (int j = 0; j < n; j++)
        {
            Array.Copy(a, scratchMatrix, n * n);
            Array.Clear(scratchVector, 0, n);
            scratchVector[j] = 1;
            if (!SolveInPlace(scratchMatrix, scratchVector, n)) return false;
            for (int i = 0; i < n; i++) inverse[i * n + j] = scratchVector[i];
        }
        return true;
    }
}
