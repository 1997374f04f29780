using System.Globalization;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.Simulation;

/// <summary>
/// One axial slice of a virtual body as a label image, with its patient geometry and the ground-truth ROIs placed in
/// its anatomy. Drawn at pixel centres (no partial volume), in DICOM patient coordinates: x towards the patient's left,
/// y towards posterior, so that with Image Orientation (1,0,0,0,1,0) the image shows the patient's right on the left
/// and anterior at the top (radiological display). Shapes are in millimetres, so every matrix shows the same anatomy.
/// </summary>
public sealed class VirtualAnatomy
{
    private readonly Tissue[] _labels;
    private readonly int[] _vial;

    private VirtualAnatomy(Tissue[] labels, int[] vial, ImageGeometry geometry, RoiSet rois, IReadOnlyList<IronPhantomVial> vials, string description)
    {
        _labels = labels;
        _vial = vial;
        Geometry = geometry;
        Rois = rois;
        Vials = vials;
        Description = description;
    }

    /// <summary>Where the slice is (rows, columns, spacing, origin, orientation).</summary>
    public ImageGeometry Geometry { get; }

    /// <summary>The tissue of every pixel, row by row.</summary>
    public ReadOnlySpan<Tissue> Labels => _labels;

    /// <summary>For phantom vial pixels, the index into <see cref="Vials"/>; −1 elsewhere.</summary>
    public ReadOnlySpan<int> VialIndex => _vial;

    /// <summary>The phantom's vials (empty for the abdomen).</summary>
    public IReadOnlyList<IronPhantomVial> Vials { get; }

    /// <summary>Ground-truth ROIs (pixel space): liver-1..3 and the two paraspinal muscles in the Rennes layout, background
    /// air, spleen, lesions and septum when drawn; vials for the phantom. Every ROI covers only its own tissue.</summary>
    public RoiSet Rois { get; }

    /// <summary>What was drawn.</summary>
    public string Description { get; }

    /// <summary>The tissue at pixel (x, y).</summary>
    public Tissue this[int x, int y] => _labels[y * Geometry.Columns + x];

    // Anatomy in mm (x: patient left +, y: posterior +). Body and organ sizes are those of an average adult abdomen.
    private const double BodyCenterY = 10, BodyHalfWidth = 170, BodyHalfDepth = 125, FatThickness = 15;
    private static readonly (double X, double Y, double R)[] LiverVessels = [(-50, 5, 7), (-85, -30, 5), (-35, -35, 5), (-25, 40, 9)];
    private static readonly (double X, double Y)[] LiverRoiCentres = [(-105, -15), (-70, 20), (-65, -60)];
    private static readonly (double X, double Y)[] MuscleCentres = [(-38, 95), (38, 95)]; // right (patient right = −x), left

    /// <summary>The virtual abdomen: skin fat, viscera, liver with four vessels, spleen, aorta, vertebral body, paraspinal
    /// muscles, optional lesions and cardiac septum.</summary>
    /// <exception cref="ArgumentException">Matrix or field of view out of range, or a lesion not inside the liver or overlapping an ROI.</exception>
    public static VirtualAnatomy Abdomen(AnatomyOptions? options = null)
    {
        options ??= new AnatomyOptions();
        Guard.InRange(options.MatrixSize, 32, 1024);
        Guard.InRange(options.FieldOfViewMm, 400, 600);
        var lesions = options.Lesions ?? [];
        var geometry = GeometryOf(options);
        int n = options.MatrixSize;
        var labels = new Tissue[n * n];
        for (int y = 0; y < n; y++)
            for (int x = 0; x < n; x++)
            {
                var p = geometry.PixelToPatient(x, y);
                labels[y * n + x] = AbdomenTissue(p.X, p.Y, options.IncludeHeartSeptum, lesions);
            }
        foreach (var lesion in lesions)
        {
            if (Ellipse(lesion.CenterXMm, lesion.CenterYMm, -65, -5, 85 - lesion.RadiusMm, 80 - lesion.RadiusMm) > 1)
                throw new ArgumentException(F($"Lesion at ({lesion.CenterXMm}, {lesion.CenterYMm}) mm, radius {lesion.RadiusMm} mm, is not inside the liver."), nameof(options));
            foreach (var (rx, ry) in LiverRoiCentres)
                if (Distance(lesion.CenterXMm, lesion.CenterYMm, rx, ry) < lesion.RadiusMm + 8 + 2)
                    throw new ArgumentException(F($"Lesion at ({lesion.CenterXMm}, {lesion.CenterYMm}) mm overlaps the liver ROI at ({rx}, {ry}) mm; move it."), nameof(options));
        }

        var template = RoiTemplates.Rennes(geometry);
        var rois = new List<RoiShape>();
        CircleRoi Move(string name, double xMm, double yMm) => ((CircleRoi)template[name]) with { Center = PixelOf(geometry, xMm, yMm) };
        for (int i = 0; i < 3; i++) rois.Add(Move($"liver-{i + 1}", LiverRoiCentres[i].X, LiverRoiCentres[i].Y));
        rois.Add(Move("muscle-right", MuscleCentres[0].X, MuscleCentres[0].Y));
        rois.Add(Move("muscle-left", MuscleCentres[1].X, MuscleCentres[1].Y));
        double s = geometry.ColumnSpacingMm;
        rois.Add(new CircleRoi("background", RoiRole.Background, RoiSpace.Pixel, PixelOf(geometry, -170, -165), Math.Round(20 / s, 2)));
        rois.Add(new CircleRoi("spleen", RoiRole.Spleen, RoiSpace.Pixel, PixelOf(geometry, 100, 35), Math.Round(10 / s, 2)));
        for (int i = 0; i < lesions.Count; i++)
            rois.Add(new CircleRoi($"lesion-{i + 1}", RoiRole.Lesion, RoiSpace.Pixel, PixelOf(geometry, lesions[i].CenterXMm, lesions[i].CenterYMm),
                Math.Round(0.6 * lesions[i].RadiusMm / s, 2)));
        if (options.IncludeHeartSeptum)
            rois.Add(new CircleRoi("septum", RoiRole.HeartSeptum, RoiSpace.Pixel, PixelOf(geometry, 30, -75), Math.Round(Math.Max(3.5, s) / s, 2)));
        string description = F($"IronNotebooks virtual abdomen, {n}×{n}, FOV {options.FieldOfViewMm} mm, {lesions.Count} lesion(s){(options.IncludeHeartSeptum ? ", heart septum" : "")}");
        var set = new RoiSet("Ground truth ROIs of the synthetic exam (Rennes layout moved onto the phantom's anatomy): " + description, null, rois);
        var vial = new int[n * n];
        Array.Fill(vial, -1);
        return new VirtualAnatomy(labels, vial, geometry, set, [], description);
    }

    /// <summary>
    /// The iron phantom: a 150 mm radius water container in air holding the vials (25 mm radius) on a ring; a vial ROI of
    /// 15 mm radius each, a water ROI and a background ROI.
    /// </summary>
    /// <exception cref="ArgumentException">No vials or more than 8.</exception>
    public static VirtualAnatomy Phantom(IReadOnlyList<IronPhantomVial> vials, AnatomyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vials);
        if (vials.Count is < 1 or > 8) throw new ArgumentException($"The phantom holds 1–8 vials; got {vials.Count}.", nameof(vials));
        options ??= new AnatomyOptions();
        Guard.InRange(options.MatrixSize, 32, 1024);
        Guard.InRange(options.FieldOfViewMm, 400, 600);
        var geometry = GeometryOf(options);
        int n = options.MatrixSize;
        var centres = Enumerable.Range(0, vials.Count)
            .Select(i => (X: 90 * Math.Sin(2 * Math.PI * i / vials.Count), Y: -90 * Math.Cos(2 * Math.PI * i / vials.Count))).ToArray();
        var labels = new Tissue[n * n];
        var vial = new int[n * n];
        Array.Fill(vial, -1);
        for (int y = 0; y < n; y++)
            for (int x = 0; x < n; x++)
            {
                var p = geometry.PixelToPatient(x, y);
                int i = y * n + x;
                if (Distance(p.X, p.Y, 0, 0) > 150) continue;
                labels[i] = Tissue.PhantomWater;
                for (int v = 0; v < centres.Length; v++)
                    if (Distance(p.X, p.Y, centres[v].X, centres[v].Y) <= 25)
                    {
                        labels[i] = Tissue.PhantomVial;
                        vial[i] = v;
                    }
            }
        double s = geometry.ColumnSpacingMm;
        var rois = new List<RoiShape>();
        for (int v = 0; v < vials.Count; v++)
            rois.Add(new CircleRoi(vials[v].Name, RoiRole.PhantomVial, RoiSpace.Pixel, PixelOf(geometry, centres[v].X, centres[v].Y), Math.Round(15 / s, 2)));
        rois.Add(new CircleRoi("water", RoiRole.Other, RoiSpace.Pixel, PixelOf(geometry, 0, 0), Math.Round(25 / s, 2)));
        rois.Add(new CircleRoi("background", RoiRole.Background, RoiSpace.Pixel, PixelOf(geometry, -170, -165), Math.Round(20 / s, 2)));
        string description = F($"IronNotebooks iron phantom, {vials.Count} vials in water, {n}×{n}, FOV {options.FieldOfViewMm} mm");
        return new VirtualAnatomy(labels, vial, geometry, new RoiSet("Ground truth ROIs of the synthetic phantom: " + description, null, rois), vials, description);
    }

    private static Tissue AbdomenTissue(double x, double y, bool heart, IReadOnlyList<FocalLesion> lesions)
    {
        double outer = Ellipse(x, y, 0, BodyCenterY, BodyHalfWidth, BodyHalfDepth);
        if (outer > 1) return Tissue.Air;
        if (Ellipse(x, y, 0, BodyCenterY, BodyHalfWidth - FatThickness, BodyHalfDepth - FatThickness) > 1) return Tissue.SubcutaneousFat;
        if (heart && Ellipse(x, y, 30, -75, 45, 30) <= 1) return Math.Abs(x - 30) <= 5 ? Tissue.HeartSeptum : Tissue.Blood;
        foreach (var (mx, my) in MuscleCentres)
            if (Ellipse(x, y, mx, my, 24, 16) <= 1) return Tissue.Muscle;
        if (Distance(x, y, 0, 70) <= 20) return Tissue.Bone;
        if (Distance(x, y, 12, 45) <= 10) return Tissue.Blood; // aorta
        if (Ellipse(x, y, 100, 35, 35, 55) <= 1) return Tissue.Spleen;
        if (Ellipse(x, y, -65, -5, 85, 80) <= 1)
        {
            foreach (var lesion in lesions)
                if (Distance(x, y, lesion.CenterXMm, lesion.CenterYMm) <= lesion.RadiusMm) return lesion.KeepsIron ? Tissue.IronKeepingLesion : Tissue.Lesion;
            foreach (var (vx, vy, r) in LiverVessels)
                if (Distance(x, y, vx, vy) <= r) return Tissue.Blood;
            return Tissue.Liver;
        }
        return Tissue.OtherSoftTissue;
    }

    private static ImageGeometry GeometryOf(AnatomyOptions o)
    {
        double s = o.PixelSpacingMm;
        return new ImageGeometry(o.MatrixSize, o.MatrixSize, new Vector3Mm(-o.FieldOfViewMm / 2 + s / 2, -o.FieldOfViewMm / 2 + s / 2, 0),
            new Vector3Mm(1, 0, 0), new Vector3Mm(0, 1, 0), s, s, o.SliceThicknessMm);
    }

    private static RoiPoint PixelOf(ImageGeometry g, double xMm, double yMm)
    {
        var (px, py, _) = g.PatientToPixel(new Vector3Mm(xMm, yMm, 0));
        return new RoiPoint(Math.Round(px, 2), Math.Round(py, 2));
    }

    private static double Ellipse(double x, double y, double cx, double cy, double a, double b) =>
        (x - cx) * (x - cx) / (a * a) + (y - cy) * (y - cy) / (b * b);

    private static double Distance(double x, double y, double cx, double cy) => Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
