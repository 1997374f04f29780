using System.Globalization;
using IronNotebooks.Roi;

namespace IronNotebooks.Display.Views;

internal sealed class RoiSetView : ResultView<RoiSet>
{
    public override DisplayDocument Describe(RoiSet set) => new($"ROI set: {set.Description}",
        [new DisplayTable(null, ["ROI", "role", "shape", "space", "parameters"],
            [.. set.Rois.Select(r => (IReadOnlyList<string>)[r.Name, r.Role.ToString(), r.GetType().Name.Replace("Roi", "", StringComparison.Ordinal),
                r.Space.ToString(), Parameters(r)])])],
        set.ReferenceImage is { } img ? [$"Reference image: {img}."] : []);

    private static string Parameters(RoiShape r)
    {
        static string P(RoiPoint p) => string.Create(CultureInfo.InvariantCulture, $"({p.X:0.##}, {p.Y:0.##})");
        return r switch
        {
            CircleRoi c => $"centre {P(c.Center)}, radius {Numbers.G(c.Radius)}",
            EllipseRoi e => $"centre {P(e.Center)}, radii {Numbers.G(e.RadiusX)} × {Numbers.G(e.RadiusY)}, angle {Numbers.G(e.AngleDeg)}°",
            RectangleRoi q => $"corners {P(q.Corner0)} – {P(q.Corner1)}",
            PolygonRoi g => $"{g.Vertices.Count} vertices",
            MaskRoi m => $"{m.PixelIndices.Count} pixels of {m.Columns}×{m.Rows}",
            _ => "",
        };
    }
}
