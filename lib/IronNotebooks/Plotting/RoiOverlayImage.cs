using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.Plotting;

/// <summary>
/// A slice with its ROIs drawn on it, as PNG bytes: grey levels through a window, each ROI's boundary pixels (covered
/// pixels with an uncovered 4-neighbour) painted in its role's colour, so what is outlined is exactly what is measured.
/// The picture is turned to the radiological orientation unless told otherwise (<see cref="DisplayOrientation"/>).
/// </summary>
public static class RoiOverlayImage
{
    /// <summary>As <see cref="ToPng"/>, wrapped with its size and a caption (the plane's source and the ROI names) for display in a notebook.</summary>
    /// <exception cref="RoiException">An ROI does not fit the plane (as for measurement).</exception>
    public static PngImage Create(ImagePlane plane, IEnumerable<RoiShape> rois, DisplayWindow? window = null, int scale = 4,
        DisplayOrientation? orientation = null)
    {
        ArgumentNullException.ThrowIfNull(plane);
        var list = Guard.NotNull(rois).ToList();
        var png = ToPng(plane, list, window, scale, orientation);
        var names = list.Count == 0 ? "no ROI" : "ROIs " + string.Join(", ", list.Select(r => r.Name));
        return new PngImage(png, plane.Columns * scale, plane.Rows * scale, $"{plane.Source}: {names}");
    }

    /// <summary>Renders <paramref name="plane"/> with <paramref name="rois"/>, magnified <paramref name="scale"/> times (nearest neighbour).</summary>
    /// <exception cref="RoiException">An ROI does not fit the plane (as for measurement).</exception>
    public static byte[] ToPng(ImagePlane plane, IEnumerable<RoiShape> rois, DisplayWindow? window = null, int scale = 4,
        DisplayOrientation? orientation = null)
    {
        ArgumentNullException.ThrowIfNull(plane);
        Guard.InRange(scale, 1, 16);
        window ??= DisplayWindow.Percentiles(plane.Pixels);
        int w = plane.Columns, h = plane.Rows;
        var rgb = new byte[w * h * 3];
        var pixels = plane.Pixels;
        for (int i = 0; i < w * h; i++) rgb[3 * i] = rgb[3 * i + 1] = rgb[3 * i + 2] = window.Grey(pixels[i]);

        foreach (var roi in rois)
        {
            var mask = RoiRasterizer.Rasterize(roi, plane.Geometry);
            var inside = new HashSet<int>(mask.PixelIndices);
            var (r, g, b) = RoiColors.Of(roi.Role);
            foreach (int i in mask.PixelIndices)
            {
                int x = i % w, y = i / w;
                bool edge = x == 0 || y == 0 || x == w - 1 || y == h - 1
                    || !inside.Contains(i - 1) || !inside.Contains(i + 1) || !inside.Contains(i - w) || !inside.Contains(i + w);
                if (edge) { rgb[3 * i] = r; rgb[3 * i + 1] = g; rgb[3 * i + 2] = b; }
            }
        }

        orientation ??= DisplayOrientation.Radiological(plane.Geometry);
        var big = new byte[w * scale * h * scale * 3];
        for (int y = 0; y < h * scale; y++)
            for (int x = 0; x < w * scale; x++)
            {
                int sx = orientation.FlipHorizontal ? w - 1 - x / scale : x / scale;
                int sy = orientation.FlipVertical ? h - 1 - y / scale : y / scale;
                int src = 3 * (sy * w + sx), dst = 3 * (y * w * scale + x);
                big[dst] = rgb[src]; big[dst + 1] = rgb[src + 1]; big[dst + 2] = rgb[src + 2];
            }
        return PngWriter.EncodeRgb(w * scale, h * scale, big);
    }
}
