namespace IronNotebooks.Imaging;

/// <summary>
/// Exact Euclidean distance transform of a binary mask (Felzenszwalb &amp; Huttenlocher, "Distance transforms of sampled
/// functions", Theory of Computing 2012;8:415: two passes of the lower envelope of parabolas), in millimetres with
/// anisotropic pixel spacing. Used to keep ROIs away from organ edges and vessels (the distance of a pixel to the
/// nearest pixel outside the mask) and to find the largest disc that fits in a region.
/// </summary>
public static class DistanceTransform
{
    /// <summary>For every pixel inside <paramref name="inside"/> (row-major, rows × columns), the distance in mm from its
    /// centre to the nearest pixel centre outside; 0 outside. Pixels beyond the image border count as outside when
    /// <paramref name="borderIsOutside"/> is true, otherwise the border is ignored.</summary>
    /// <exception cref="ArgumentException">Mask length is not rows × columns, or a spacing that is not positive.</exception>
    public static float[] ToOutsideMm(ReadOnlySpan<bool> inside, int rows, int columns, double rowSpacingMm, double columnSpacingMm, bool borderIsOutside = true)
    {
        Guard.InRange(rows, 1, 1 << 15);
        Guard.InRange(columns, 1, 1 << 15);
        Guard.Positive(rowSpacingMm);
        Guard.Positive(columnSpacingMm);
        if (inside.Length != rows * columns) throw new ArgumentException($"Mask has {inside.Length} pixels; expected {rows}×{columns}.", nameof(inside));
        const double Far = 1e20;
        // Pad by one pixel on each side so the border can count as outside.
        int pr = rows + 2, pc = columns + 2;
        var f = new double[pr * pc];
        for (int y = 0; y < pr; y++)
            for (int x = 0; x < pc; x++)
            {
                bool border = y == 0 || x == 0 || y == pr - 1 || x == pc - 1;
                bool inMask = border ? !borderIsOutside : inside[(y - 1) * columns + (x - 1)];
                f[y * pc + x] = inMask ? Far : 0;
            }
        double cs2 = columnSpacingMm * columnSpacingMm, rs2 = rowSpacingMm * rowSpacingMm;
        int max = Math.Max(pr, pc);
        var line = new double[max];
        var result = new double[max];
        var v = new int[max];
        var z = new double[max + 1];
        for (int y = 0; y < pr; y++)
        {
            for (int x = 0; x < pc; x++) line[x] = f[y * pc + x];
            Envelope(line, pc, cs2, result, v, z);
            for (int x = 0; x < pc; x++) f[y * pc + x] = result[x];
        }
        for (int x = 0; x < pc; x++)
        {
            for (int y = 0; y < pr; y++) line[y] = f[y * pc + x];
            Envelope(line, pr, rs2, result, v, z);
            for (int y = 0; y < pr; y++) f[y * pc + x] = result[y];
        }
        var d = new float[rows * columns];
        for (int y = 0; y < rows; y++)
            for (int x = 0; x < columns; x++)
                d[y * columns + x] = inside[y * columns + x] ? (float)Math.Sqrt(f[(y + 1) * pc + x + 1]) : 0f;
        return d;
    }

    private static double Intersection(double[] f, double w, int q, int p) => (f[q] + w * q * q - (f[p] + w * p * p)) / (2 * w * (q - p));

    // One-dimensional squared distance transform with spacing² w: d(q) = min_p (w·(q − p)² + f(p)).
    private static void Envelope(double[] f, int n, double w, double[] d, int[] v, double[] z)
    {
        int k = 0;
        v[0] = 0;
        z[0] = double.NegativeInfinity;
        z[1] = double.PositiveInfinity;
        for (int q = 1; q < n; q++)
        {
            double s = Intersection(f, w, q, v[k]);
            while (s <= z[k])
            {
                k--;
                s = Intersection(f, w, q, v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = double.PositiveInfinity;
        }
        k = 0;
        for (int q = 0; q < n; q++)
        {
            while (z[k + 1] < q) k++;
            int p = v[k];
            d[q] = w * (q - p) * (q - p) + f[p];
        }
    }
}
