using IronNotebooks.Imaging;
using IronNotebooks.Plotting.Plotly;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;

namespace IronNotebooks.Plotting;

/// <summary>
/// A parametric map (R2*, T2*, LIC) as a heatmap with a colour bar titled with the quantity and its unit, ROI outlines
/// in their role colours, and each ROI labelled with the mean of its finite map values (unfitted pixels are NaN and are
/// left out of the mean and drawn blank). Axes are pixel coordinates with square pixels, turned like
/// <see cref="RoiOverlayFigure"/> (radiological by default), so the coordinates on hover are those the ROIs use.
/// </summary>
public static class ParametricMapPlot
{
    /// <summary>One slice of an R2* map.</summary>
    /// <param name="slice">The map slice.</param>
    /// <param name="geometry">The slice's geometry (from the series the map was computed from).</param>
    /// <param name="rois">ROIs to outline.</param>
    /// <param name="options">Options, or null for <see cref="ParametricMapOptions.R2Star"/>.</param>
    /// <exception cref="ArgumentException">The geometry's matrix differs from the slice's.</exception>
    /// <exception cref="RoiException">An ROI does not fit the plane.</exception>
    public static PlotlyFigure From(R2StarMapSlice slice, ImageGeometry geometry, IEnumerable<RoiShape> rois, ParametricMapOptions? options = null)
    {
        Guard.NotNull(slice);
        var o = options ?? ParametricMapOptions.R2Star;
        return From(slice.R2StarPerSecond, geometry, rois, o with { Title = o.Title ?? $"{o.Quantity} map, slice {slice.SliceIndex}" });
    }

    /// <summary>Any map of values on a plane (row-major, index y·Columns + x).</summary>
    /// <exception cref="ArgumentException">The value count differs from the geometry's matrix.</exception>
    /// <exception cref="RoiException">An ROI does not fit the plane.</exception>
    public static PlotlyFigure From(float[] values, ImageGeometry geometry, IEnumerable<RoiShape> rois, ParametricMapOptions? options = null)
    {
        Guard.NotNull(values);
        Guard.NotNull(geometry);
        Guard.NotNull(rois);
        if (values.Length != geometry.Rows * geometry.Columns)
            throw new ArgumentException($"{values.Length} values do not fill a {geometry.Columns}×{geometry.Rows} plane.", nameof(values));
        var o = options ?? ParametricMapOptions.R2Star;
        var window = DisplayWindow.Percentiles(values);
        double zMin = o.ZMin ?? window.Low, zMax = o.ZMax ?? window.High;
        var rows = new List<float[]>(geometry.Rows);
        for (int y = 0; y < geometry.Rows; y++) rows.Add(values.AsSpan(y * geometry.Columns, geometry.Columns).ToArray());
        string title = $"{o.Quantity}{ChartStyle.Unit(o.Unit)}";
        var traces = new List<PlotlyTrace>
        {
            new HeatmapTrace(rows, o.ColorScale, zMin, zMax, true, new PlotlyColorBar(new PlotlyTitle(title)), o.Quantity,
                $"x %{{x}}, y %{{y}}<br>{HtmlText.Escape(o.Quantity)} %{{z:.1f}} {HtmlText.Escape(o.Unit)}<extra></extra>"),
        };
        var shapes = new List<PlotlyShape>();
        var annotations = new List<PlotlyAnnotation>();
        foreach (var roi in rois)
        {
            var mask = RoiRasterizer.Rasterize(roi, geometry);
            var line = new PlotlyLine(RoiColors.Css(roi.Role), 2);
            if (roi is MaskRoi m)
                traces.Add(new ScatterTrace([.. m.PixelIndices.Select(i => (double)(i % geometry.Columns))],
                    [.. m.PixelIndices.Select(i => (double)(i / geometry.Columns))], "markers", m.Name, new PlotlyMarker(line.Color, 3)));
            else
                shapes.Add(RoiOverlayFigure.Outline(roi, geometry, line));
            if (!o.LabelRois) continue;
            var finite = mask.PixelIndices.Select(i => (double)values[i]).Where(double.IsFinite).ToArray();
            double cx = mask.PixelIndices.Average(i => i % geometry.Columns), top = mask.PixelIndices.Min(i => i / geometry.Columns);
            var mean = finite.Length == 0 ? "no fitted pixel" : $"{ChartStyle.F(finite.Average(), 1)} {o.Unit}";
            annotations.Add(new PlotlyAnnotation($"{HtmlText.Escape(roi.Name)}: {mean} (n = {finite.Length}/{mask.PixelIndices.Count})", cx, top - 1,
                YAnchor: "bottom", Font: new PlotlyFont(11, line.Color)));
        }
        var orientation = o.Orientation ?? DisplayOrientation.Radiological(geometry);
        var layout = new PlotlyLayout(new PlotlyTitle(o.Title ?? $"{o.Quantity} map"),
            new PlotlyAxis(new PlotlyTitle("x (column)"), AutoRange: orientation.FlipHorizontal ? "reversed" : true, Constrain: "domain"),
            new PlotlyAxis(new PlotlyTitle("y (row)"), AutoRange: orientation.FlipVertical ? true : "reversed", ScaleAnchor: "x", Constrain: "domain"),
            shapes, annotations, ShowLegend: false);
        return new PlotlyFigure(traces, layout, ChartStyle.Config("map"));
    }
}
