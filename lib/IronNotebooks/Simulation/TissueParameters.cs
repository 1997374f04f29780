namespace IronNotebooks.Simulation;

/// <summary>
/// The one registry of tissue parameters of the virtual patients, with the source and status of every value. Published
/// values are the 3 T relaxation times of de Bazelaire et al. (Radiology 2004;230:652–9, doi:10.1148/radiol.2303021331,
/// abstract) and the muscle R2* range of docs/methods.md §2.4; everything else is marked <see cref="ValueStatus.Assumed"/>: a
/// typical literature value chosen for a teaching phantom, never to be quoted as a measurement. Liver R2* and R2 are
/// not taken from here: they follow the patient's LIC through a named calibration (<see cref="LiverIronModel"/>).
/// </summary>
public static class TissueParameters
{
    private const string DeBazelaire = "de Bazelaire et al., Radiology 2004;230:652 (3 T values, abstract [V])";

    /// <summary>Fat–water chemical shift expressed as its in-phase period: 6.8 ms at 1 T, i.e. 6.8 / B0 ms (docs/methods.md §2), ≈ 3.45 ppm.</summary>
    public const double InPhasePeriodMsTesla = 6.8;

    /// <summary>Equilibrium signal of a tissue with proton density 1 and full relaxation, in simulation signal units.</summary>
    public const double EquilibriumSignal = 1000;

    private static readonly TissueParameterEntry[] Entries =
    [
        new(Tissue.Air, 0, 1, 1, 1, 1, 1000, 0, 0, "no signal", ValueStatus.Assumed),
        new(Tissue.SubcutaneousFat, 0.90, 343, 382, 58, 68, 30, 0.1, 1.0,
            $"T1/T2 at 3 T: {DeBazelaire}; at 1.5 T assumed (typical range); PD, R2* (≥ R2) and the weak low-field T1 dependence assumed", ValueStatus.Assumed),
        new(Tissue.OtherSoftTissue, 0.75, 900, 1100, 60, 50, 40, 1.0 / 3, 0,
            "assumed average of bowel wall and mesentery (no single published value); R2* raised for bowel-gas susceptibility", ValueStatus.Assumed),
        new(Tissue.Liver, 0.70, 586, 809, 46, 34, 39, 1.0 / 3, 0,
            $"T1/T2 at 3 T: {DeBazelaire}; 1.5 T T1/T2 and PD assumed (typical range); R2*/R2 replaced by the LIC model; iron's T1 shortening not modelled",
            ValueStatus.Assumed),
        new(Tissue.Blood, 0.90, 1441, 1932, 290, 275, 10, 1.0 / 3, 0,
            "assumed typical whole-blood values; static blood (no inflow enhancement or flow voids)", ValueStatus.Assumed),
        new(Tissue.FlowingBlood, 0.90, 250, 250, 290, 275, 10, 0, 0,
            "assumed: blood of the varied anatomy's liver vessels and aorta, with inflow of unsaturated spins modelled as a short effective T1 (250 ms at every field), so vessels are bright on spoiled GRE as in 2D acquisitions; other values as static blood", ValueStatus.Assumed),
        new(Tissue.Spleen, 0.80, 1057, 1328, 79, 61, 25, 1.0 / 3, 0,
            $"T1/T2 at 3 T: {DeBazelaire}; 1.5 T values, PD and R2* assumed (no splenic iron)", ValueStatus.Assumed),
        new(Tissue.Muscle, 0.75, 856, 898, 40, 29, 30, 1.0 / 3, 0,
            $"T1/T2 at 3 T: {DeBazelaire} (paravertebral muscle); R2* 30 s⁻¹ at 1.5 T = middle of the 25–35 s⁻¹ of docs/methods.md §2.4 [S]; "
            + "1.5 T T2 assumed 40 ms so that R2 (25 s⁻¹) stays below that R2*; PD assumed", ValueStatus.Assumed),
        new(Tissue.Bone, 0.30, 549, 586, 49, 49, 150, 1.0 / 3, 0,
            $"3 T T1/T2 of L4 marrow: {DeBazelaire}; PD (cortex + marrow) and R2* (trabecular susceptibility) assumed", ValueStatus.Assumed),
        new(Tissue.Lesion, 0.80, 1000, 1200, 80, 70, 25, 1.0 / 3, 0,
            "assumed iron-free solid lesion (HCC/adenoma-like): long T1 and T2, no iron (docs/methods.md §5: such lesions exclude iron)", ValueStatus.Assumed),
        new(Tissue.IronKeepingLesion, 0.70, 586, 809, 46, 34, 39, 1.0 / 3, 0,
            "assumed iron-keeping lesion (extramedullary-hematopoiesis-like, docs/methods.md §5 [SEED, Belay 2018 case report]: keeps iron, isointense): "
            + "PD, T1 and T2 of the liver entry; in a patient R2*/R2 are replaced by the liver's LIC model", ValueStatus.Assumed),
        new(Tissue.HeartSeptum, 0.75, 950, 1200, 50, 45, 1000.0 / 35, 1.0 / 3, 0,
            "assumed normal myocardium (T2* 35 ms at 1.5 T, above the 20 ms no-iron threshold of docs/methods.md §1); override with the patient's heart T2*",
            ValueStatus.Assumed),
        new(Tissue.PhantomWater, 1.0, 2500, 2800, 500, 450, 5, 0, 0,
            "assumed tap-water-like reference (SEDIA's phantom compares FeCl3 vials with water; its relaxation times are not published in the sources)",
            ValueStatus.Assumed),
        new(Tissue.PhantomVial, 1.0, 800, 900, 50, 45, 50, 0, 0, "placeholder: each vial's values come from its IronPhantomVial", ValueStatus.Assumed),
    ];

    /// <summary>Every entry.</summary>
    public static IReadOnlyList<TissueParameterEntry> All => Entries;

    /// <summary>The registry row of a tissue.</summary>
    public static TissueParameterEntry Entry(Tissue tissue) => Entries.First(e => e.Tissue == tissue);

    /// <summary>
    /// A tissue's parameters at <paramref name="fieldT"/> (0.2–3.5 T). Rules, each named in the result's source:
    /// T1 between 1.5 and 3 T is interpolated on a log–log line through the anchors (and extended along it above 3 T);
    /// below 1.5 T T1(B) = T1(1.5 T)·(B/1.5)^b with the entry's assumed exponent. R2 is interpolated linearly between
    /// the anchors and held at its 1.5 T value below 1.5 T (assumed). R2* = R2 + R2′ with the reversible part R2′
    /// proportional to B0 (static-dephasing reconstruction): R2′(B) = (R2*(1.5 T) − R2(1.5 T))·B/1.5.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Field outside 0.2–3.5 T.</exception>
    public static TissueRelaxation At(Tissue tissue, double fieldT)
    {
        Guard.InRange(fieldT, 0.2, 3.5);
        var e = Entry(tissue);
        double t1 = T1At(e, fieldT);
        double r2At15 = 1000 / e.T2Ms1p5T, r2At3 = 1000 / e.T2Ms3T;
        double r2 = fieldT <= 1.5 ? r2At15 : r2At15 + (r2At3 - r2At15) * (fieldT - 1.5) / 1.5;
        double r2Prime = Math.Max(0, e.R2StarPerSecond1p5T - r2At15) * fieldT / 1.5;
        var status = Near(fieldT, 1.5) || Near(fieldT, 3.0) ? e.Status : ValueStatus.Reconstruction;
        if (e.Status == ValueStatus.Assumed) status = ValueStatus.Assumed;
        return new TissueRelaxation(tissue, fieldT, e.ProtonDensity, t1, r2, r2 + r2Prime, e.FatFraction, status,
            e.Provenance + "; field rules: T1 log–log between 1.5/3 T anchors (power law below 1.5 T), R2 held below 1.5 T, R2′ ∝ B0");
    }

    /// <summary>T1 of an entry at a field by the rules of <see cref="At"/>, ms.</summary>
    internal static double T1At(TissueParameterEntry e, double fieldT)
    {
        if (fieldT >= 1.5)
        {
            double b = Math.Log(e.T1Ms3T / e.T1Ms1p5T) / Math.Log(2);
            return e.T1Ms1p5T * Math.Pow(fieldT / 1.5, b);
        }
        return e.T1Ms1p5T * Math.Pow(fieldT / 1.5, e.LowFieldT1Exponent);
    }

    private static bool Near(double a, double b) => Math.Abs(a - b) < 0.05;
}
