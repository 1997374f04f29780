using System.Globalization;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.Exams;

/// <summary>
/// The ROIs of an exam, ready to measure on any of its acquisitions: pixel-space ROIs drawn on the set's reference
/// image are mapped to patient millimetres through that image's geometry (Image Position/Orientation, Pixel Spacing),
/// so they land on the same anatomy in series of another matrix or field of view (the rasteriser then projects them
/// onto each plane and refuses a plane more than half a slice thickness away). A set without a reference image stays in
/// pixel space and is measured on slice 0 of acquisitions with the same matrix only.
/// </summary>
public sealed record ExamRois
{
    /// <summary>The set as loaded.</summary>
    public required RoiSet Set { get; init; }

    /// <summary>The file the set came from.</summary>
    public required string SourcePath { get; init; }

    /// <summary>The ROIs as measured: patient millimetres when a reference geometry was found, else as drawn.</summary>
    public required IReadOnlyList<RoiShape> Mapped { get; init; }

    /// <summary>Geometry of the reference image, or null.</summary>
    public ImageGeometry? Reference { get; init; }

    /// <summary>How the set was mapped, and anything doubtful.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>The mapped ROIs of one role.</summary>
    public IReadOnlyList<RoiShape> OfRole(RoiRole role) => [.. Mapped.Where(r => r.Role == role)];

    /// <summary>Loads an ROI set and maps it through the reference image of <paramref name="catalog"/> (relative to the
    /// exam folder <paramref name="examFolder"/>).</summary>
    /// <exception cref="ExamException">The file is missing or not an ROI set; the message names it.</exception>
    public static ExamRois Load(string path, string examFolder, ImageCatalog catalog)
    {
        if (!File.Exists(path)) throw new ExamException("ROI file does not exist; give one with --rois or put rois.json in the exam folder.", path);
        RoiSet set;
        try { set = RoiSet.Load(path); }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or IOException or RoiException or ArgumentException)
        {
            throw new ExamException($"not a readable ROI set ({e.Message})", path, e);
        }
        return Map(set, path, examFolder, catalog);
    }

    /// <summary>Maps a set already in memory (see the type's summary).</summary>
    public static ExamRois Map(RoiSet set, string sourcePath, string examFolder, ImageCatalog catalog)
    {
        Guard.NotNull(set);
        Guard.NotNull(catalog);
        var notes = new List<string>();
        ImageGeometry? reference = null;
        if (set.ReferenceImage is { Length: > 0 } refImage)
        {
            string full = Path.GetFullPath(Path.IsPathRooted(refImage) ? refImage : Path.Combine(examFolder, refImage));
            var frame = catalog.AllSeries.SelectMany(s => s.Acquisitions).SelectMany(a => a.FrameReferences.Select(f => (f, a)))
                .FirstOrDefault(x => string.Equals(Path.GetFullPath(x.f.Path), full, StringComparison.Ordinal));
            if (frame.f is null) notes.Add($"reference image '{refImage}' of the ROI set is not a readable image of the exam: pixel ROIs are used as drawn, on slice 0 of acquisitions of the same matrix");
            else reference = frame.f.Geometry(frame.a.Rows, frame.a.Columns);
        }
        else if (set.Rois.Any(r => r.Space == RoiSpace.Pixel))
            notes.Add("the ROI set names no reference image: pixel ROIs are used as drawn, on slice 0 of acquisitions of the same matrix");
        var mapped = set.Rois.Select(r => reference is null || r.Space == RoiSpace.PatientMm || r is MaskRoi ? r : ToPatient(r, reference)).ToList();
        if (reference is not null)
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"pixel ROIs mapped to patient mm through '{set.ReferenceImage}' ({reference.Columns}×{reference.Rows}, {reference.ColumnSpacingMm:0.###}×{reference.RowSpacingMm:0.###} mm, slice at {reference.SliceLocationMm:0.##} mm)"));
        return new ExamRois { Set = set, SourcePath = sourcePath, Mapped = mapped, Reference = reference, Notes = notes };
    }

    /// <summary>A pixel-space ROI in patient millimetres through <paramref name="g"/>: circles stay circles on square pixels,
    /// other shapes become polygons through the mapped vertices (72 for curves).</summary>
    public static RoiShape ToPatient(RoiShape roi, ImageGeometry g)
    {
        Guard.NotNull(roi);
        Guard.NotNull(g);
        RoiPoint P(double x, double y)
        {
            var v = g.PixelToPatient(x, y);
            return new RoiPoint(v.X, v.Y, v.Z);
        }
        bool square = Math.Abs(g.RowSpacingMm - g.ColumnSpacingMm) < 1e-6;
        return roi switch
        {
            CircleRoi c when square => new CircleRoi(c.Name, c.Role, RoiSpace.PatientMm, P(c.Center.X, c.Center.Y), c.Radius * g.ColumnSpacingMm),
            CircleRoi c => Curve(c, c.Center, c.Radius, c.Radius, 0),
            EllipseRoi e => Curve(e, e.Center, e.RadiusX, e.RadiusY, e.AngleDeg),
            RectangleRoi r => new PolygonRoi(r.Name, r.Role, RoiSpace.PatientMm,
                [P(r.Corner0.X, r.Corner0.Y), P(r.Corner1.X, r.Corner0.Y), P(r.Corner1.X, r.Corner1.Y), P(r.Corner0.X, r.Corner1.Y)]),
            PolygonRoi p => new PolygonRoi(p.Name, p.Role, RoiSpace.PatientMm, [.. p.Vertices.Select(v => P(v.X, v.Y))]),
            _ => roi,
        };

        PolygonRoi Curve(RoiShape s, RoiPoint c, double rx, double ry, double angleDeg)
        {
            double a = angleDeg * Math.PI / 180;
            return new PolygonRoi(s.Name, s.Role, RoiSpace.PatientMm, [.. Enumerable.Range(0, 72).Select(i =>
            {
                double t = 2 * Math.PI * i / 72, u = rx * Math.Cos(t), v = ry * Math.Sin(t);
                return P(c.X + u * Math.Cos(a) - v * Math.Sin(a), c.Y + u * Math.Sin(a) + v * Math.Cos(a));
            })]);
        }
    }
}
