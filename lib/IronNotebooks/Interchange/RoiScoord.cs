using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.Interchange;

/// <summary>
/// ROI shapes ⇄ SR spatial coordinates (SCOORD, PS3.3 §C.18.6). SCOORD coordinates are (column, row) with (0, 0) the
/// top-left corner of the top-left pixel, so a pixel centre that this library numbers (x, y) is (x + 0.5, y + 0.5).
/// Circle → CIRCLE (centre, a point on the circle); ellipse → ELLIPSE (major axis end points, then minor axis end points);
/// rectangle and polygon → closed POLYLINE (first point repeated at the end). Reading maps them back; a closed
/// 4-corner axis-aligned polyline is read as a rectangle. Patient-space ROIs are projected onto their image first.
/// </summary>
public static class RoiScoord
{
    private const float Half = 0.5f;

    /// <summary>The graphic type and data of an ROI on an image of geometry <paramref name="geometry"/>.</summary>
    /// <exception cref="RoiException">A mask (it needs a SEG), a patient-space ROI without geometry or off the plane, or a degenerate shape.</exception>
    public static (string GraphicType, IReadOnlyList<float> Data) ToGraphic(RoiShape roi, ImageGeometry? geometry)
    {
        ArgumentNullException.ThrowIfNull(roi);
        if (roi is MaskRoi) throw new RoiException(roi.Name, "is a mask: an SR can reference it only through a Segmentation (give the SEG)");
        if (roi.Space == RoiSpace.PatientMm) roi = ToPixel(roi, geometry ?? throw new RoiException(roi.Name, "is in patient mm; the image's geometry is needed to write it as image coordinates"));
        static float[] P(params double[] xy) => [.. xy.Select(v => (float)v + Half)];
        switch (roi)
        {
            case CircleRoi c:
                if (!(c.Radius > 0)) throw new RoiException(c.Name, $"has radius {c.Radius}; it must be positive");
                return ("CIRCLE", P(c.Center.X, c.Center.Y, c.Center.X + c.Radius, c.Center.Y));
            case EllipseRoi e:
            {
                if (!(e.RadiusX > 0 && e.RadiusY > 0)) throw new RoiException(e.Name, "has a non-positive semi-axis");
                double a = e.AngleDeg * Math.PI / 180, ux = Math.Cos(a), uy = Math.Sin(a), vx = -uy, vy = ux;
                var (major, majorX, majorY, minor, minorX, minorY) = e.RadiusX >= e.RadiusY
                    ? (e.RadiusX, ux, uy, e.RadiusY, vx, vy) : (e.RadiusY, vx, vy, e.RadiusX, ux, uy);
                double cx = e.Center.X, cy = e.Center.Y;
                return ("ELLIPSE", P(cx - major * majorX, cy - major * majorY, cx + major * majorX, cy + major * majorY,
                    cx - minor * minorX, cy - minor * minorY, cx + minor * minorX, cy + minor * minorY));
            }
            case RectangleRoi r:
                return ("POLYLINE", P(r.Corner0.X, r.Corner0.Y, r.Corner1.X, r.Corner0.Y, r.Corner1.X, r.Corner1.Y, r.Corner0.X, r.Corner1.Y, r.Corner0.X, r.Corner0.Y));
            case PolygonRoi p:
                if (p.Vertices.Count < 3) throw new RoiException(p.Name, $"has {p.Vertices.Count} vertices; a polygon needs at least 3");
                return ("POLYLINE", P([.. p.Vertices.Append(p.Vertices[0]).SelectMany(v => new[] { v.X, v.Y })]));
            default:
                throw new RoiException(roi.Name, $"has shape {roi.GetType().Name}, which has no SCOORD form");
        }
    }

    /// <summary>
    /// The pixel-space ROI a graphic describes, or null with <paramref name="problem"/> saying why (an open polyline, a
    /// point, wrong number of values).
    /// </summary>
    public static RoiShape? FromGraphic(string name, RoiRole role, string graphicType, IReadOnlyList<float> data, out string problem)
    {
        ArgumentNullException.ThrowIfNull(data);
        problem = "";
        var pts = new List<RoiPoint>();
        for (int i = 0; i + 1 < data.Count; i += 2) pts.Add(new RoiPoint(data[i] - Half, data[i + 1] - Half));
        switch (graphicType)
        {
            case "CIRCLE" when data.Count == 4:
                return new CircleRoi(name, role, RoiSpace.Pixel, pts[0], Distance(pts[0], pts[1]));
            case "ELLIPSE" when data.Count == 8:
            {
                var center = new RoiPoint((pts[0].X + pts[1].X) / 2, (pts[0].Y + pts[1].Y) / 2);
                double major = Distance(pts[0], pts[1]) / 2, minor = Distance(pts[2], pts[3]) / 2;
                double angle = Math.Atan2(pts[1].Y - pts[0].Y, pts[1].X - pts[0].X) * 180 / Math.PI;
                return new EllipseRoi(name, role, RoiSpace.Pixel, center, major, minor, NormalizeAngle(angle));
            }
            case "POLYLINE" or "POLYGON" when data.Count % 2 == 0 && pts.Count >= 4 && pts[0] == pts[^1]:
            {
                var vertices = pts.Take(pts.Count - 1).ToList();
                if (vertices.Count == 4 && IsAxisAlignedRectangle(vertices))
                    return new RectangleRoi(name, role, RoiSpace.Pixel, vertices[0], vertices[2]);
                return new PolygonRoi(name, role, RoiSpace.Pixel, vertices);
            }
            case "POLYLINE":
                problem = "is an open POLYLINE (first and last points differ), not a region";
                return null;
            default:
                problem = $"has graphic type {graphicType} with {data.Count} values, which is not an area (CIRCLE 4, ELLIPSE 8, closed POLYLINE)";
                return null;
        }
    }

    private static double Distance(RoiPoint a, RoiPoint b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));

    /// <summary>An ellipse's axis direction is defined modulo 180°: (−90°, 90°].</summary>
    private static double NormalizeAngle(double deg)
    {
        while (deg <= -90) deg += 180;
        while (deg > 90) deg -= 180;
        return deg;
    }

    private static bool IsAxisAlignedRectangle(List<RoiPoint> v) =>
        v[0].Y == v[1].Y && v[1].X == v[2].X && v[2].Y == v[3].Y && v[3].X == v[0].X && v[0].X != v[1].X && v[1].Y != v[2].Y;

    /// <summary>A patient-space ROI as pixel coordinates of <paramref name="g"/>: its points must lie within half a slice of the plane.</summary>
    private static RoiShape ToPixel(RoiShape roi, ImageGeometry g)
    {
        double half = double.IsFinite(g.SliceThicknessMm) ? Math.Max(g.SliceThicknessMm / 2, 0.5) : 0.5;
        RoiPoint Px(RoiPoint p)
        {
            var (x, y, d) = g.PatientToPixel(new Vector3Mm(p.X, p.Y, p.Z));
            if (Math.Abs(d) > half) throw new RoiException(roi.Name, $"point ({p.X}, {p.Y}, {p.Z}) mm is {d:F2} mm from the image plane (accepted: ±{half:F2} mm)");
            return new RoiPoint(x, y);
        }
        bool square = Math.Abs(g.RowSpacingMm - g.ColumnSpacingMm) < 1e-6;
        return roi switch
        {
            CircleRoi c when square => new CircleRoi(c.Name, c.Role, RoiSpace.Pixel, Px(c.Center), c.Radius / g.ColumnSpacingMm),
            CircleRoi c => new EllipseRoi(c.Name, c.Role, RoiSpace.Pixel, Px(c.Center), c.Radius / g.ColumnSpacingMm, c.Radius / g.RowSpacingMm),
            EllipseRoi e when square => new EllipseRoi(e.Name, e.Role, RoiSpace.Pixel, Px(e.Center), e.RadiusX / g.ColumnSpacingMm, e.RadiusY / g.ColumnSpacingMm, e.AngleDeg),
            EllipseRoi e => throw new RoiException(e.Name, "is a patient-space ellipse on non-square pixels; it has no exact ELLIPSE form on this image (give it as a polygon)"),
            RectangleRoi r => new RectangleRoi(r.Name, r.Role, RoiSpace.Pixel, Px(r.Corner0), Px(r.Corner1)),
            PolygonRoi p => new PolygonRoi(p.Name, p.Role, RoiSpace.Pixel, [.. p.Vertices.Select(Px)]),
            _ => roi,
        };
    }
}
