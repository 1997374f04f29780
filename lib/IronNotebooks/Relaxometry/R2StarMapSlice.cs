namespace IronNotebooks.Relaxometry;

/// <summary>
/// One slice of a pixel-wise map; arrays are row-major (index y·Columns + x) like <see cref="Imaging.ImagePlane"/>.
/// Pixels whose status is not usable hold NaN.
/// </summary>
/// <param name="SliceIndex">Zero-based slice.</param>
/// <param name="Columns">Width.</param>
/// <param name="Rows">Height.</param>
/// <param name="R2StarPerSecond">R2* per pixel, s⁻¹.</param>
/// <param name="S0">S0 per pixel, signal units.</param>
/// <param name="Status">Fit status per pixel.</param>
public sealed record R2StarMapSlice(int SliceIndex, int Columns, int Rows, float[] R2StarPerSecond, float[] S0, DecayFitStatus[] Status)
{
    /// <summary>T2* of pixel (x, y) in ms (1000 / R2*).</summary>
    public double T2StarMs(int x, int y) => 1000.0 / R2StarPerSecond[y * Columns + x];
}
