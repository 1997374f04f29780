namespace IronNotebooks.Simulation;

/// <summary>
/// One drawn body for <c>ironnb synth --anatomy random</c>: habitus, patient position and rotation, slice level, liver
/// size/shape/position, hepatic vessels, bowel texture, receive-coil shading and breathing blur. Every value is in the
/// anatomy frame (mm, x towards the patient's left, y posterior, origin at the body centre before rotation), so a
/// variation plus <see cref="AnatomyOptions"/> fully determines the tissue map. Ranges are assumed typical adult values
/// chosen to stress automatic ROI placement, not a population model. Draw with <see cref="Random"/>.
/// </summary>
public sealed record AnatomyVariation
{
    /// <summary>Body centre offset from the isocentre, x (patient left +), mm.</summary>
    public required double BodyOffsetXMm { get; init; }
    /// <summary>Body centre offset from the isocentre, y (posterior +), mm.</summary>
    public required double BodyOffsetYMm { get; init; }
    /// <summary>Patient roll about the scanner axis, degrees (positive turns patient left towards posterior).</summary>
    public required double RotationDeg { get; init; }
    /// <summary>Half width of the body ellipse, mm.</summary>
    public required double BodyHalfWidthMm { get; init; }
    /// <summary>Half depth (anterior–posterior) of the body ellipse, mm.</summary>
    public required double BodyHalfDepthMm { get; init; }
    /// <summary>Subcutaneous fat thickness, mm.</summary>
    public required double FatThicknessMm { get; init; }
    /// <summary>Slice position along the scanner axis (Image Position z), mm.</summary>
    public required double SlicePositionMm { get; init; }
    /// <summary>False for a slice below the liver (bowel only): an automatic ROI must answer "not found".</summary>
    public required bool LiverPresent { get; init; }
    /// <summary>Liver centre x relative to the body centre, mm (negative: patient right).</summary>
    public required double LiverCenterXMm { get; init; }
    /// <summary>Liver centre y relative to the body centre, mm.</summary>
    public required double LiverCenterYMm { get; init; }
    /// <summary>Liver half axes before lobulation, mm.</summary>
    public required double LiverHalfWidthMm { get; init; }
    /// <summary>Liver half depth before lobulation, mm.</summary>
    public required double LiverHalfDepthMm { get; init; }
    /// <summary>Rotation of the liver outline, degrees.</summary>
    public required double LiverRotationDeg { get; init; }
    /// <summary>Relative amplitude of the second and third harmonics of the liver outline (shape), and their phases, rad.</summary>
    public required IReadOnlyList<double> LiverShapeHarmonics { get; init; }
    /// <summary>Hepatic and portal vessels as discs (x, y relative to the body centre; radius), mm.</summary>
    public required IReadOnlyList<VesselDisc> Vessels { get; init; }
    /// <summary>Bowel texture: discs of mesenteric fat (drawn with the subcutaneous fat's parameters) and gas (air) inside
    /// the abdomen outside the organs, so that bowel is not one large homogeneous region.</summary>
    public required IReadOnlyList<BowelBlob> Bowel { get; init; }
    /// <summary>Receive-coil shading amplitude for this patient (see <see cref="SimulationOptions.CoilShading"/>).</summary>
    public required double CoilShading { get; init; }
    /// <summary>Breathing blur along the anterior–posterior axis, full width at half maximum, mm (0 = breath-hold).</summary>
    public required double BreathingBlurMm { get; init; }
    /// <summary>Image matrix drawn for this exam.</summary>
    public required int MatrixSize { get; init; }
    /// <summary>Field of view drawn for this exam, mm (large enough for the body).</summary>
    public required double FieldOfViewMm { get; init; }

    /// <summary>A random body, seeded: the same seed and patient ID give the same anatomy.</summary>
    /// <param name="seed">Master seed.</param>
    /// <param name="patientId">Patient ID (the stream is derived from seed and ID).</param>
    /// <param name="liverAbsentProbability">Probability of a slice below the liver (default 0.05).</param>
    public static AnatomyVariation Random(ulong seed, string patientId, double liverAbsentProbability = 0.05)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientId);
        Guard.InRange(liverAbsentProbability, 0, 1);
        var r = SeededRandom.Derive(seed, patientId + "/anatomy");
        double w = r.NextDouble(140, 195), d = r.NextDouble(105, Math.Min(145, w - 15));
        double fat = r.NextDouble(8, Math.Min(40, 0.28 * d));
        double ox = r.NextDouble(-20, 20), oy = r.NextDouble(-15, 15);
        bool present = r.NextDouble() >= liverAbsentProbability;
        double wi = w - fat, di = d - fat;
        double la = r.NextDouble(0.42, 0.55) * wi, lb = r.NextDouble(0.55, 0.75) * di;
        double lx = -r.NextDouble(0.30, 0.40) * wi, ly = r.NextDouble(-0.15, 0.05) * di;
        double liverRot = r.NextDouble(-20, 20);
        double[] harmonics = [r.NextDouble(0, 0.10), r.NextDouble(0, 2 * Math.PI), r.NextDouble(0, 0.06), r.NextDouble(0, 2 * Math.PI)];
        var vessels = new List<VesselDisc>();
        int vesselCount = 2 + r.NextInt(7);
        double cr = Math.Cos(liverRot * Math.PI / 180), sr = Math.Sin(liverRot * Math.PI / 180);
        while (vessels.Count < vesselCount)
        {
            double u = r.NextDouble(-0.8, 0.8), v = r.NextDouble(-0.8, 0.8);
            if (u * u + v * v > 0.64) continue;
            double ex = u * la, ey = v * lb;
            vessels.Add(new VesselDisc(lx + cr * ex - sr * ey, ly + sr * ex + cr * ey, r.NextDouble(2, 9)));
        }
        var bowel = new List<BowelBlob>();
        int blobs = 220 + r.NextInt(100);
        for (int i = 0; i < blobs; i++)
        {
            double u = r.NextDouble(-1, 1), v = r.NextDouble(-1, 1);
            if (u * u + v * v > 1) { i--; continue; }
            bowel.Add(new BowelBlob(u * wi, v * di, r.NextDouble(3, 10), r.NextDouble() < 0.65 ? Tissue.SubcutaneousFat : Tissue.Air));
        }
        double shading = r.NextDouble() < 0.4 ? 0 : r.NextDouble(0.05, 0.4);
        double blur = r.NextDouble() < 0.4 ? 0 : r.NextDouble(1, 6);
        int[] matrices = [128, 160, 192, 256];
        int matrix = matrices[r.NextInt(matrices.Length)];
        double need = 2 * (Math.Max(w, d) + Math.Max(Math.Abs(ox), Math.Abs(oy))) + 20;
        double fov = Math.Round(r.NextDouble(Math.Max(340, need), Math.Max(480, need + 10)));
        double z = present ? r.NextDouble(-40, 60) : r.NextDouble(-160, -120);
        return new AnatomyVariation
        {
            BodyOffsetXMm = ox, BodyOffsetYMm = oy, RotationDeg = r.NextDouble(-12, 12), BodyHalfWidthMm = w, BodyHalfDepthMm = d,
            FatThicknessMm = fat, SlicePositionMm = z, LiverPresent = present, LiverCenterXMm = lx, LiverCenterYMm = ly, LiverHalfWidthMm = la,
            LiverHalfDepthMm = lb, LiverRotationDeg = liverRot, LiverShapeHarmonics = harmonics, Vessels = vessels, Bowel = bowel,
            CoilShading = shading, BreathingBlurMm = blur, MatrixSize = matrix, FieldOfViewMm = fov,
        };
    }

    /// <summary>The anatomy options this variation implies (matrix, field of view), keeping the other settings of <paramref name="baseOptions"/>.</summary>
    public AnatomyOptions ToOptions(AnatomyOptions? baseOptions = null) =>
        (baseOptions ?? new AnatomyOptions()) with { MatrixSize = MatrixSize, FieldOfViewMm = FieldOfViewMm, Variation = this };

    /// <summary>Simulation options for this body: its anatomy and its coil shading.</summary>
    public SimulationOptions Apply(SimulationOptions options) =>
        Guard.NotNull(options) with { Anatomy = ToOptions(options.Anatomy), CoilShading = CoilShading };
}
