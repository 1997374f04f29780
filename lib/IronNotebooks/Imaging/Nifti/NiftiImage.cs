namespace IronNotebooks.Imaging.Nifti;

/// <summary>
/// A NIfTI-1 image: voxel grid, voxel-to-world affine (RAS+, mm) and voxel values after scl_slope/scl_inter,
/// stored as float with i fastest (data[i + nx·(j + ny·(k + nz·t))]).
/// </summary>
public sealed class NiftiImage
{
    private readonly float[] _data;

    internal NiftiImage(string path, int nx, int ny, int nz, int volumes, double[,] affineRas, float[] data, string affineSource)
    {
        Path = path;
        Nx = nx; Ny = ny; Nz = nz; Volumes = volumes;
        AffineRas = affineRas;
        _data = data;
        AffineSource = affineSource;
    }

    /// <summary>The file.</summary>
    public string Path { get; }
    /// <summary>Voxels along i (image x, columns).</summary>
    public int Nx { get; }
    /// <summary>Voxels along j (image y, rows).</summary>
    public int Ny { get; }
    /// <summary>Slices along k.</summary>
    public int Nz { get; }
    /// <summary>Volumes along the 4th dimension (1 for 3-D files).</summary>
    public int Volumes { get; }
    /// <summary>3×4 voxel-to-world matrix in NIfTI's RAS+ millimetres.</summary>
    public double[,] AffineRas { get; }
    /// <summary>"sform", "qform" or "pixdim" (NIfTI methods 3, 2, 1).</summary>
    public string AffineSource { get; }

    /// <summary>The voxel value at (i, j, k, t).</summary>
    public float this[int i, int j, int k, int t = 0] => _data[i + Nx * (j + Ny * (k + Nz * t))];

    /// <summary>A copy of slice k of volume t as a row-major plane (x = i, y = j).</summary>
    public float[] SlicePixels(int k, int volume = 0)
    {
        var plane = new float[Nx * Ny];
        Array.Copy(_data, (long)Nx * Ny * (k + (long)Nz * volume), plane, 0, plane.Length);
        return plane;
    }

    /// <summary>
    /// Geometry of slice k in DICOM terms (LPS): NIfTI's RAS x and y change sign; image x is voxel index i and image y
    /// is j, so Pixel Spacing is (|∂p/∂j|, |∂p/∂i|).
    /// </summary>
    public ImageGeometry SliceGeometry(int k)
    {
        Vector3Mm Column(int c) => new(-AffineRas[0, c], -AffineRas[1, c], AffineRas[2, c]);
        var di = Column(0);
        var dj = Column(1);
        var dk = Column(2);
        var origin = new Vector3Mm(-AffineRas[0, 3], -AffineRas[1, 3], AffineRas[2, 3]) + dk * k;
        return new ImageGeometry(Ny, Nx, origin, di.Normalized(), dj.Normalized(), dj.Length, di.Length, dk.Length);
    }

    /// <summary>True when both images have the same dimensions and affine (within 1e-3 mm).</summary>
    public bool SameGridAs(NiftiImage other)
    {
        if (Nx != other.Nx || Ny != other.Ny || Nz != other.Nz) return false;
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 4; c++)
                if (Math.Abs(AffineRas[r, c] - other.AffineRas[r, c]) > 1e-3) return false;
        return true;
    }
}
