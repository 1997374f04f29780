namespace IronNotebooks.Dicom.IO;

/// <summary>
/// The grid every frame of a derived multi-frame object (Segmentation, Parametric Map) shares — that of its source images:
/// matrix, Pixel Measures and Plane Orientation (the shared functional groups).
/// </summary>
public sealed record DerivedImageGeometry
{
    /// <summary>Rows of every frame.</summary>
    public required int Rows { get; init; }

    /// <summary>Columns of every frame.</summary>
    public required int Columns { get; init; }

    /// <summary>Pixel Spacing: row spacing, column spacing, mm.</summary>
    public required IReadOnlyList<double> PixelSpacingMm { get; init; }

    /// <summary>Slice thickness, mm.</summary>
    public required double SliceThicknessMm { get; init; }

    /// <summary>Image Orientation (Patient): row then column direction cosines.</summary>
    public required IReadOnlyList<double> ImageOrientationPatient { get; init; }

    /// <summary>Pixels per frame.</summary>
    public int PixelsPerFrame => Rows * Columns;

    /// <summary>The plane normal (row × column direction), for ordering frames by position along it.</summary>
    public double[] Normal()
    {
        var o = ImageOrientationPatient;
        return [o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]];
    }

    /// <summary>Throws unless the matrix is 1–65535 and the spacing and orientation have 2 and 6 values.</summary>
    /// <exception cref="ArgumentException">What is wrong, named after <paramref name="argument"/>.</exception>
    internal void Validate(string argument)
    {
        if (Rows is < 1 or > 65535 || Columns is < 1 or > 65535) throw new ArgumentException($"Rows and Columns must be 1–65535, got {Rows}×{Columns}.", argument);
        if (PixelSpacingMm.Count != 2 || ImageOrientationPatient.Count != 6) throw new ArgumentException("Pixel Spacing needs 2 values and Image Orientation (Patient) 6.", argument);
    }
}
