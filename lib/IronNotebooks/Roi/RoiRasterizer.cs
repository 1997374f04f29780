using IronNotebooks.Imaging;

namespace IronNotebooks.Roi;

/// <summary>
/// Decides which pixels of a plane an ROI covers. Partial pixels: a pixel belongs to the ROI when its centre lies inside
/// the shape (boundary included, 1e-9 tolerance); there are no fractional weights, so an ROI's area is its pixel count
/// × pixel area, and small ROIs are quantised to whole pixels. Patient-space ROIs are projected onto the plane and
/// tested in the plane's millimetre frame, so a 10 mm circle stays a 10 mm circle on anisotropic pixels.
/// </summary>
public static class RoiRasterizer
{
    private const double Tolerance = 1e-9;

    /// <summary>The covered pixels of <paramref name="roi"/> on a plane of geometry <paramref name="geometry"/>.</summary>
    /// <exception cref="RoiException">The ROI extends outside the image, lies off this slice, has invalid parameters, or covers no pixel centre.</exception>
    public static RoiMask Rasterize(RoiShape roi, ImageGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(roi);
        ArgumentNullException.ThrowIfNull(geometry);
        int[] indices = roi switch
        {
            MaskRoi m => FromMask(m, geometry),
            _ => FromShape(roi, geometry),
        };
        if (indices.Length == 0) throw new RoiException(roi.Name, "covers no pixel centre (too small or degenerate); enlarge it");
        return new RoiMask(roi, geometry.Rows, geometry.Columns, indices);
    }

    private static int[] FromMask(MaskRoi m, ImageGeometry g)
    {
        if (m.Rows != g.Rows || m.Columns != g.Columns)
            throw new RoiException(m.Name, $"mask drawn on {m.Rows}×{m.Columns} does not fit a {g.Rows}×{g.Columns} image");
        if (m.PlaneOriginMm is { } origin)
        {
            // A mask belongs to one plane: its origin must be this plane's first pixel centre.
            var (x, y, distance) = g.PatientToPixel(new Vector3Mm(origin.X, origin.Y, origin.Z));
            double halfThickness = double.IsFinite(g.SliceThicknessMm) ? Math.Max(g.SliceThicknessMm / 2, 0.5) : 0.5;
            if (Math.Abs(distance) > halfThickness || Math.Abs(x) >= 0.5 || Math.Abs(y) >= 0.5)
                throw new RoiException(m.Name, $"mask belongs to the plane whose first pixel is at ({origin.X:0.###}, {origin.Y:0.###}, {origin.Z:0.###}) mm; this plane's first pixel is at ({g.OriginMm.X:0.###}, {g.OriginMm.Y:0.###}, {g.OriginMm.Z:0.###}) mm ({distance:F2} mm away along the normal, accepted ±{halfThickness:F2} mm)");
        }
        var sorted = m.PixelIndices.Distinct().Order().ToArray();
        if (sorted.Length > 0 && (sorted[0] < 0 || sorted[^1] >= g.Rows * g.Columns))
            throw new RoiException(m.Name, "mask index outside the image");
        return sorted;
    }

    private static int[] FromShape(RoiShape roi, ImageGeometry g)
    {
        // The shape's frame: pixel units for pixel-space ROIs, plane millimetres for patient-space ones.
        double sx = roi.Space == RoiSpace.PatientMm ? g.ColumnSpacingMm : 1;
        double sy = roi.Space == RoiSpace.PatientMm ? g.RowSpacingMm : 1;
        (double U, double V) Frame(RoiPoint p)
        {
            if (roi.Space == RoiSpace.Pixel) return (p.X, p.Y);
            var (x, y, distance) = g.PatientToPixel(new Vector3Mm(p.X, p.Y, p.Z));
            double halfThickness = double.IsFinite(g.SliceThicknessMm) ? Math.Max(g.SliceThicknessMm / 2, 0.5) : 0.5;
            if (Math.Abs(distance) > halfThickness)
                throw new RoiException(roi.Name, $"point ({p.X}, {p.Y}, {p.Z}) mm is {distance:F2} mm from this slice (accepted: ±{halfThickness:F2} mm)");
            return (x * sx, y * sy);
        }

        Func<double, double, bool> inside;
        double minU, maxU, minV, maxV;
        switch (roi)
        {
            case CircleRoi c:
            {
                Positive(roi, c.Radius, "radius");
                var (cu, cv) = Frame(c.Center);
                double r2 = c.Radius * c.Radius;
                inside = (u, v) => (u - cu) * (u - cu) + (v - cv) * (v - cv) <= r2 + Tolerance;
                (minU, maxU, minV, maxV) = (cu - c.Radius, cu + c.Radius, cv - c.Radius, cv + c.Radius);
                break;
            }
            case EllipseRoi e:
            {
                Positive(roi, e.RadiusX, "x semi-axis");
                Positive(roi, e.RadiusY, "y semi-axis");
                var (cu, cv) = Frame(e.Center);
                double cos = Math.Cos(e.AngleDeg * Math.PI / 180), sin = Math.Sin(e.AngleDeg * Math.PI / 180);
                inside = (u, v) =>
                {
                    double p = (u - cu) * cos + (v - cv) * sin, q = -(u - cu) * sin + (v - cv) * cos;
                    return p * p / (e.RadiusX * e.RadiusX) + q * q / (e.RadiusY * e.RadiusY) <= 1 + Tolerance;
                };
                double r = Math.Max(e.RadiusX, e.RadiusY);
                (minU, maxU, minV, maxV) = (cu - r, cu + r, cv - r, cv + r);
                break;
            }
            case RectangleRoi rect:
            {
                var (u0, v0) = Frame(rect.Corner0);
                var (u1, v1) = Frame(rect.Corner1);
                (minU, maxU, minV, maxV) = (Math.Min(u0, u1), Math.Max(u0, u1), Math.Min(v0, v1), Math.Max(v0, v1));
                double a = minU, b = maxU, c = minV, d = maxV;
                inside = (u, v) => u >= a - Tolerance && u <= b + Tolerance && v >= c - Tolerance && v <= d + Tolerance;
                break;
            }
            case PolygonRoi poly:
            {
                if (poly.Vertices.Count < 3) throw new RoiException(roi.Name, $"a polygon needs at least 3 vertices, it has {poly.Vertices.Count}");
                var pts = poly.Vertices.Select(Frame).ToArray();
                (minU, maxU, minV, maxV) = (pts.Min(p => p.U), pts.Max(p => p.U), pts.Min(p => p.V), pts.Max(p => p.V));
                inside = (u, v) => EvenOdd(pts, u, v);
                break;
            }
            default:
                throw new ArgumentException($"Unknown ROI shape {roi.GetType().Name}.", nameof(roi));
        }

        // Bounding box in pixel coordinates; pixels span ±0.5 around their centres.
        double x0 = minU / sx, x1 = maxU / sx, y0 = minV / sy, y1 = maxV / sy;
        if (x0 < -0.5 - Tolerance || y0 < -0.5 - Tolerance || x1 > g.Columns - 0.5 + Tolerance || y1 > g.Rows - 0.5 + Tolerance)
            throw new RoiException(roi.Name,
                $"extends outside the {g.Columns}×{g.Rows} image (covers x {x0:F1}…{x1:F1}, y {y0:F1}…{y1:F1} in pixels); move or shrink it — pixels outside are never clipped silently");
        var result = new List<int>();
        for (int y = Math.Max(0, (int)Math.Ceiling(y0 - Tolerance)); y <= Math.Min(g.Rows - 1, (int)Math.Floor(y1 + Tolerance)); y++)
            for (int x = Math.Max(0, (int)Math.Ceiling(x0 - Tolerance)); x <= Math.Min(g.Columns - 1, (int)Math.Floor(x1 + Tolerance)); x++)
                if (inside(x * sx, y * sy)) result.Add(y * g.Columns + x);
        return [.. result];
    }

    private static void Positive(RoiShape roi, double value, string what)
    {
        if (!(value > 0) || !double.IsFinite(value)) throw new RoiException(roi.Name, $"{what} must be a finite number above 0, got {value}");
    }

    private static bool EvenOdd((double U, double V)[] pts, double u, double v)
    {
        bool inside = false;
        for (int i = 0, j = pts.Length - 1; i < pts.Length; j = i++)
        {
            var (ui, vi) = pts[i];
            var (uj, vj) = pts[j];
            if ((vi > v) != (vj > v) && u < (uj - ui) * (v - vi) / (vj - vi) + ui) inside = !inside;
        }
        return inside;
    }
}
