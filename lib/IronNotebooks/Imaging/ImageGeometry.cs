namespace IronNotebooks.Imaging;

/// <summary>
/// Where a plane of pixels sits in the patient (DICOM patient coordinates, LPS, millimetres). Pixel coordinates are
/// (x, y) = (column, row), zero-based, with integer values at pixel centres, as Image Position (Patient) refers to
/// the centre of the first pixel (PS3.3 C.7.6.2.1.1).
/// </summary>
/// <param name="Rows">Rows (pixels along y).</param>
/// <param name="Columns">Columns (pixels along x).</param>
/// <param name="OriginMm">Centre of pixel (0, 0), LPS mm.</param>
/// <param name="RowDirection">Unit vector along increasing x (the row direction: first three values of Image Orientation).</param>
/// <param name="ColumnDirection">Unit vector along increasing y (last three values of Image Orientation).</param>
/// <param name="RowSpacingMm">Distance between adjacent rows (first value of Pixel Spacing), mm.</param>
/// <param name="ColumnSpacingMm">Distance between adjacent columns (second value of Pixel Spacing), mm.</param>
/// <param name="SliceThicknessMm">Slice thickness, mm (NaN when unknown).</param>
public sealed record ImageGeometry(int Rows, int Columns, Vector3Mm OriginMm, Vector3Mm RowDirection, Vector3Mm ColumnDirection,
    double RowSpacingMm, double ColumnSpacingMm, double SliceThicknessMm)
{
    /// <summary>Unit normal of the plane (row × column direction).</summary>
    public Vector3Mm Normal => RowDirection.Cross(ColumnDirection).Normalized();

    /// <summary>Signed distance of the plane from the origin along its normal, mm: equal for planes at the same slice position.</summary>
    public double SliceLocationMm => OriginMm.Dot(Normal);

    /// <summary>Area of one pixel, mm².</summary>
    public double PixelAreaMm2 => RowSpacingMm * ColumnSpacingMm;

    /// <summary>Patient position (LPS mm) of pixel coordinates (x = column, y = row; fractions allowed).</summary>
    public Vector3Mm PixelToPatient(double x, double y) =>
        OriginMm + RowDirection * (x * ColumnSpacingMm) + ColumnDirection * (y * RowSpacingMm);

    /// <summary>
    /// Pixel coordinates of a patient position projected onto the plane, and its distance from the plane (mm, signed
    /// along <see cref="Normal"/>).
    /// </summary>
    public (double X, double Y, double DistanceMm) PatientToPixel(Vector3Mm point)
    {
        var d = point - OriginMm;
        return (d.Dot(RowDirection) / ColumnSpacingMm, d.Dot(ColumnDirection) / RowSpacingMm, d.Dot(Normal));
    }

    /// <summary>True when <paramref name="other"/> describes the same plane and grid (within 0.01 mm and 1e-4 in direction).</summary>
    public bool SamePlaneAs(ImageGeometry other) =>
        Rows == other.Rows && Columns == other.Columns && (OriginMm - other.OriginMm).Length < 0.01
        && (RowDirection - other.RowDirection).Length < 1e-4 && (ColumnDirection - other.ColumnDirection).Length < 1e-4
        && Math.Abs(RowSpacingMm - other.RowSpacingMm) < 1e-4 && Math.Abs(ColumnSpacingMm - other.ColumnSpacingMm) < 1e-4;

    /// <summary>This grid as the shared geometry of a derived DICOM object (Segmentation, Parametric Map); an unknown slice
    /// thickness is written as 1 mm (Slice Thickness is required in Pixel Measures).</summary>
    internal Dicom.IO.DerivedImageGeometry ToDerivedImageGeometry() => new()
    {
        Rows = Rows, Columns = Columns, PixelSpacingMm = [RowSpacingMm, ColumnSpacingMm],
        SliceThicknessMm = double.IsFinite(SliceThicknessMm) ? SliceThicknessMm : 1,
        ImageOrientationPatient = [RowDirection.X, RowDirection.Y, RowDirection.Z, ColumnDirection.X, ColumnDirection.Y, ColumnDirection.Z],
    };
}
