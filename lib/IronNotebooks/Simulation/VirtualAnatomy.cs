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

    private VirtualAnatomy(Tissue[] labels, int[] vial, ImageGeometry geometry, RoiSet rois, IReadOnlyList<IronPhantomVial> vials, string description,
        AnatomyVariation? variation = null)
    {
        Variation = variation;
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

    /// <summary>The drawn body when the anatomy was varied (<see cref="AnatomyOptions.Variation"/>), else null.</summary>
    public AnatomyVariation? Variation { get; }

    /// <summary>Breathing blur along the anterior–posterior image axis, FWHM in mm (0 for the standard anatomy).</summary>
    public double BreathingBlurMm => Variation?.BreathingBlurMm ?? 0;

    /// <summary>
    /// Receive-coil gain per pixel: 1 + amplitude·min(r², 1.5), r² the squared normalised radius in the body ellipse
    /// (0 at the body centre, 1 on the skin): surface coils see more signal near the skin.
    /// </summary>
    public double[] CoilProfile(double amplitude)
    {
        var g = Geometry;
        var result = new double[g.Rows * g.Columns];
        var v = Variation;
        for (int y = 0; y < g.Rows; y++)
            for (int x = 0; x < g.Columns; x++)
            {
                var p = g.PixelToPatient(x, y);
                double r2 = v is null
                    ? p.X * p.X / (170.0 * 170) + (p.Y - 10) * (p.Y - 10) / (125.0 * 125)
                    : Frame(v, p.X, p.Y) is var (ax, ay) ? ax * ax / (v.BodyHalfWidthMm * v.BodyHalfWidthMm) + ay * ay / (v.BodyHalfDepthMm * v.BodyHalfDepthMm) : 0;
                result[y * g.Columns + x] = 1 + amplitude * Math.Min(r2, 1.5);
            }
        return result;
    }

    /// <summary>
    /// Blurs an image along the anterior–posterior (column) axis with a Gaussian of FWHM <see cref="BreathingBlurMm"/>
    /// (respiratory motion during a free-breathing acquisition, smearing organ edges); returns the input when there is no blur.
    /// </summary>
    public double[] BlurForBreathing(double[] image)
    {
        ArgumentNullException.ThrowIfNull(image);
        double fwhm = BreathingBlurMm;
        if (fwhm <= 0) return image;
        var g = Geometry;
        double sigmaPx = fwhm / 2.3548 / g.RowSpacingMm;
        int half = Math.Max(1, (int)Math.Ceiling(3 * sigmaPx));
        var kernel = new double[2 * half + 1];
        for (int k = -half; k <= half; k++) kernel[k + half] = Math.Exp(-0.5 * k * k / (sigmaPx * sigmaPx));
        double sum = kernel.Sum();
        for (int k = 0; k < kernel.Length; k++) kernel[k] /= sum;
        var result = new double[image.Length];
        for (int y = 0; y < g.Rows; y++)
            for (int x = 0; x < g.Columns; x++)
            {
                double acc = 0;
                for (int k = -half; k <= half; k++)
                {
                    int yy = Math.Clamp(y + k, 0, g.Rows - 1);
                    acc += kernel[k + half] * image[yy * g.Columns + x];
                }
                result[y * g.Columns + x] = acc;
            }
        return result;
    }

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
        if (options.Variation is not null) return Varied(options, options.Variation);
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

    private static VirtualAnatomy Varied(AnatomyOptions options, AnatomyVariation v)
    {
        Guard.InRange(options.MatrixSize, 32, 1024);
        Guard.InRange(options.FieldOfViewMm, 300, 600);
        if (options.Lesions is { Count: > 0 } || options.IncludeHeartSeptum)
            throw new ArgumentException("Lesions and the heart septum are drawn on the standard anatomy only; drop them or the anatomy variation.", nameof(options));
        var geometry = GeometryOf(options) is var g0 ? g0 with { OriginMm = g0.OriginMm with { Z = v.SlicePositionMm } } : null!;
        int n = options.MatrixSize;
        var labels = new Tissue[n * n];
        for (int y = 0; y < n; y++)
            for (int x = 0; x < n; x++)
            {
                var p = geometry.PixelToPatient(x, y);
                var (ax, ay) = Frame(v, p.X, p.Y);
                labels[y * n + x] = VariedTissue(v, ax, ay);
            }
        double s = geometry.ColumnSpacingMm;
        var rois = new List<RoiShape>();
        var liverMask = labels.Select(t => t == Tissue.Liver).ToArray();
        var liverDistance = DistanceTransform.ToOutsideMm(liverMask, n, n, geometry.RowSpacingMm, geometry.ColumnSpacingMm);
        const double LiverRadiusMm = 8;
        double clearance = LiverRadiusMm + 2 + v.BreathingBlurMm;
        var chosen = new List<(int X, int Y)>();
        for (int k = 0; k < 3; k++)
        {
            int best = -1;
            double bestScore = 0;
            for (int i = 0; i < n * n; i++)
            {
                if (liverDistance[i] < clearance) continue;
                int x = i % n, y = i / n;
                double score = chosen.Count == 0 ? liverDistance[i] : chosen.Min(c => Math.Sqrt((c.X - x) * (c.X - x) + (c.Y - y) * (c.Y - y))) * s;
                if (chosen.Count > 0 && score < 2 * LiverRadiusMm + 4) continue;
                if (score > bestScore) { bestScore = score; best = i; }
            }
            if (best < 0) break;
            chosen.Add((best % n, best / n));
        }
        for (int k = 0; k < chosen.Count; k++)
            rois.Add(new CircleRoi($"liver-{k + 1}", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(chosen[k].X, chosen[k].Y), Math.Round(LiverRadiusMm / s, 2)));
        var (mr, ml, _, _) = MusclesAndSpine(v);
        rois.Add(new CircleRoi("muscle-right", RoiRole.MuscleRightParaspinal, RoiSpace.Pixel, PixelOf(geometry, Patient(v, mr.X, mr.Y)), Math.Round(6 / s, 2)));
        rois.Add(new CircleRoi("muscle-left", RoiRole.MuscleLeftParaspinal, RoiSpace.Pixel, PixelOf(geometry, Patient(v, ml.X, ml.Y)), Math.Round(6 / s, 2)));
        var airDistance = DistanceTransform.ToOutsideMm(labels.Select(t => t == Tissue.Air).ToArray(), n, n, geometry.RowSpacingMm, geometry.ColumnSpacingMm);
        int air = Array.IndexOf(airDistance, airDistance.Max());
        rois.Add(new CircleRoi("background", RoiRole.Background, RoiSpace.Pixel, new RoiPoint(air % n, air / n), Math.Round(Math.Max(s, Math.Min(20, airDistance[air] - s)) / s, 2)));
        if (v.LiverPresent)
        {
            var spleen = Spleen(v);
            rois.Add(new CircleRoi("spleen", RoiRole.Spleen, RoiSpace.Pixel, PixelOf(geometry, Patient(v, spleen.X, spleen.Y)), Math.Round(8 / s, 2)));
        }
        string description = F($"IronNotebooks virtual abdomen (varied: body {2 * v.BodyHalfWidthMm:0}×{2 * v.BodyHalfDepthMm:0} mm, fat {v.FatThicknessMm:0} mm, rotation {v.RotationDeg:0.#}°, {(v.LiverPresent ? $"liver {2 * v.LiverHalfWidthMm:0}×{2 * v.LiverHalfDepthMm:0} mm with {v.Vessels.Count} vessels" : "slice below the liver")}, blur {v.BreathingBlurMm:0.#} mm), {n}×{n}, FOV {options.FieldOfViewMm} mm");
        var set = new RoiSet("Ground truth ROIs of the synthetic exam (liver discs where the tissue map has liver clear of vessels and edges): " + description, null, rois);
        var vial = new int[n * n];
        Array.Fill(vial, -1);
        return new VirtualAnatomy(labels, vial, geometry, set, [], description, v);
    }

    // Patient (x, y) → anatomy frame: remove the body offset, undo the roll.
    private static (double X, double Y) Frame(AnatomyVariation v, double x, double y)
    {
        double a = -v.RotationDeg * Math.PI / 180, dx = x - v.BodyOffsetXMm, dy = y - v.BodyOffsetYMm;
        return (Math.Cos(a) * dx - Math.Sin(a) * dy, Math.Sin(a) * dx + Math.Cos(a) * dy);
    }

    private static Vector3Mm Patient(AnatomyVariation v, double ax, double ay)
    {
        double a = v.RotationDeg * Math.PI / 180;
        return new Vector3Mm(Math.Cos(a) * ax - Math.Sin(a) * ay + v.BodyOffsetXMm, Math.Sin(a) * ax + Math.Cos(a) * ay + v.BodyOffsetYMm, v.SlicePositionMm);
    }

    private static ((double X, double Y) Right, (double X, double Y) Left, (double X, double Y) Spine, double Scale) MusclesAndSpine(AnatomyVariation v)
    {
        double scale = Math.Sqrt(v.BodyHalfWidthMm / 170);
        double my = v.BodyHalfDepthMm - v.FatThicknessMm - 18 * scale;
        return ((-38 * scale, my), (38 * scale, my), (0, my - 24 * scale), scale);
    }

    private static (double X, double Y) Spleen(AnatomyVariation v) =>
        (0.55 * (v.BodyHalfWidthMm - v.FatThicknessMm), 0.2 * (v.BodyHalfDepthMm - v.FatThicknessMm));

    private static Tissue VariedTissue(AnatomyVariation v, double x, double y)
    {
        if (Ellipse(x, y, 0, 0, v.BodyHalfWidthMm, v.BodyHalfDepthMm) > 1) return Tissue.Air;
        if (Ellipse(x, y, 0, 0, v.BodyHalfWidthMm - v.FatThicknessMm, v.BodyHalfDepthMm - v.FatThicknessMm) > 1) return Tissue.SubcutaneousFat;
        var (mr, ml, spine, scale) = MusclesAndSpine(v);
        if (Ellipse(x, y, mr.X, mr.Y, 24 * scale, 15 * scale) <= 1 || Ellipse(x, y, ml.X, ml.Y, 24 * scale, 15 * scale) <= 1) return Tissue.Muscle;
        if (Distance(x, y, spine.X, spine.Y) <= 19 * scale) return Tissue.Bone;
        if (Distance(x, y, 14 * scale, spine.Y - 28 * scale) <= 10) return Tissue.FlowingBlood; // aorta
        if (v.LiverPresent)
        {
            var spleen = Spleen(v);
            if (Ellipse(x, y, spleen.X, spleen.Y, 0.22 * (v.BodyHalfWidthMm - v.FatThicknessMm), 0.45 * (v.BodyHalfDepthMm - v.FatThicknessMm)) <= 1) return Tissue.Spleen;
            double a = -v.LiverRotationDeg * Math.PI / 180, dx = x - v.LiverCenterXMm, dy = y - v.LiverCenterYMm;
            double u = (Math.Cos(a) * dx - Math.Sin(a) * dy) / v.LiverHalfWidthMm, w = (Math.Sin(a) * dx + Math.Cos(a) * dy) / v.LiverHalfDepthMm;
            double phi = Math.Atan2(w, u);
            var h = v.LiverShapeHarmonics;
            double boundary = 1 + h[0] * Math.Cos(2 * phi + h[1]) + h[2] * Math.Cos(3 * phi + h[3]);
            if (Math.Sqrt(u * u + w * w) <= boundary)
            {
                foreach (var vessel in v.Vessels)
                    if (Distance(x, y, vessel.XMm, vessel.YMm) <= vessel.RadiusMm) return Tissue.FlowingBlood;
                return Tissue.Liver;
            }
        }
        foreach (var blob in v.Bowel)
            if (Distance(x, y, blob.XMm, blob.YMm) <= blob.RadiusMm) return blob.Tissue;
        return Tissue.OtherSoftTissue;
    }

    private static RoiPoint PixelOf(ImageGeometry g, Vector3Mm p)
    {
        var (px, py, _) = g.PatientToPixel(p);
        return new RoiPoint(Math.Round(px, 2), Math.Round(py, 2));
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
