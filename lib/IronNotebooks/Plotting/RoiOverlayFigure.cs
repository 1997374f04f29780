using System.Globalization;
using IronNotebooks.Imaging;
using IronNotebooks.Plotting.Plotly;
using IronNotebooks.Roi;

namespace IronNotebooks.Plotting;

/// <summary>
/// A slice as a Plotly heatmap (pixel centres at integer x = column, y = row; y axis downwards, square pixels) with
/// each ROI drawn as a layout shape in its role's colour, so the placement can be checked by eye in a notebook.
/// Patient-space ROIs are projected onto the plane first. Axes keep pixel coordinates; their direction follows
/// <see cref="DisplayOrientation"/> (radiological by default), so hovering shows the coordinates `roi stats` takes.
/// </summary>
public static class RoiOverlayFigure
{
    /// <summary>Builds the figure.</summary>
    /// <exception cref="RoiException">An ROI does not fit the plane.</exception>
    public static PlotlyFigure Create(ImagePlane plane, IEnumerable<RoiShape> rois, DisplayWindow? window = null, string? title = null,
        DisplayOrientation? orientation = null)
    {
        ArgumentNullException.ThrowIfNull(plane);
        window ??= DisplayWindow.Percentiles(plane.Pixels);
        var rows = new List<float[]>(plane.Rows);
        for (int y = 0; y < plane.Rows; y++) rows.Add(plane.Pixels.Slice(y * plane.Columns, plane.Columns).ToArray());
        var traces = new List<PlotlyTrace> { new HeatmapTrace(rows, "Greys", window.Low, window.High, false) };
        var shapes = new List<PlotlyShape>();
        foreach (var roi in rois)
        {
            RoiRasterizer.Rasterize(roi, plane.Geometry); // same checks as measurement: a figure never shows an ROI that cannot be measured
            var line = new PlotlyLine(RoiColors.Css(roi.Role), 2);
            switch (roi)
            {
                case MaskRoi mask:
                    traces.Add(new ScatterTrace([.. mask.PixelIndices.Select(i => (double)(i % plane.Columns))],
                        [.. mask.PixelIndices.Select(i => (double)(i / plane.Columns))], "markers", mask.Name, new PlotlyMarker(line.Color, 3)));
                    break;
                default:
                    shapes.Add(Outline(roi, plane.Geometry, line));
                    break;
            }
        }
        orientation ??= DisplayOrientation.Radiological(plane.Geometry);
        var layout = new PlotlyLayout(new PlotlyTitle(title ?? plane.Source),
            new PlotlyAxis(new PlotlyTitle("x (column)"), AutoRange: orientation.FlipHorizontal ? "reversed" : true, Constrain: "domain"),
            new PlotlyAxis(new PlotlyTitle("y (row)"), AutoRange: orientation.FlipVertical ? true : "reversed", ScaleAnchor: "x", Constrain: "domain"),
            shapes);
        return new PlotlyFigure(traces, layout, PlotlyConfig.Default);
    }

    /// <summary>The outline of a non-mask ROI as a path shape in pixel coordinates (shared with <see cref="ParametricMapPlot"/>).</summary>
    internal static PlotlyShape Outline(RoiShape roi, ImageGeometry g, PlotlyLine line)
    {
        // Outline points in pixel coordinates, traced from the shape's own parameters.
        (double X, double Y) Px(RoiPoint p)
        {
            if (roi.Space == RoiSpace.Pixel) return (p.X, p.Y);
            var (x, y, _) = g.PatientToPixel(new Vector3Mm(p.X, p.Y, p.Z));
            return (x, y);
        }
        double sx = roi.Space == RoiSpace.PatientMm ? g.ColumnSpacingMm : 1, sy = roi.Space == RoiSpace.PatientMm ? g.RowSpacingMm : 1;
        IEnumerable<(double X, double Y)> points = roi switch
        {
            CircleRoi c => Ellipse(Px(c.Center), c.Radius, c.Radius, 0, sx, sy),
            EllipseRoi e => Ellipse(Px(e.Center), e.RadiusX, e.RadiusY, e.AngleDeg, sx, sy),
            RectangleRoi r => RectanglePoints(Px(r.Corner0), Px(r.Corner1)),
            PolygonRoi p => p.Vertices.Select(Px),
            _ => throw new ArgumentException($"Unknown ROI shape {roi.GetType().Name}.", nameof(roi)),
        };
        var path = "M " + string.Join(" L ", points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.###},{p.Y:0.###}"))) + " Z";
        return new PlotlyShape("path", line, roi.Name, Path: path);
    }

    private static IEnumerable<(double, double)> Ellipse((double X, double Y) c, double rx, double ry, double angleDeg, double sx, double sy)
    {
        // rx, ry are in the shape's frame (pixels, or mm for patient space): rotate there, then divide by the spacing.
        double cos = Math.Cos(angleDeg * Math.PI / 180), sin = Math.Sin(angleDeg * Math.PI / 180);
        for (int k = 0; k < 64; k++)
        {
            double t = 2 * Math.PI * k / 64, u = rx * Math.Cos(t), v = ry * Math.Sin(t);
            yield return (c.X + (u * cos - v * sin) / sx, c.Y + (u * sin + v * cos) / sy);
        }
    }

    private static IEnumerable<(double, double)> RectanglePoints((double X, double Y) a, (double X, double Y) b)
    {
        // Corners are pixel centres and both are included, so the outline runs half a pixel outside them.
        double x0 = Math.Min(a.X, b.X) - 0.5, x1 = Math.Max(a.X, b.X) + 0.5, y0 = Math.Min(a.Y, b.Y) - 0.5, y1 = Math.Max(a.Y, b.Y) + 0.5;
        return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)];
    }
}
