namespace IronNotebooks.Tests.SignalRatio;

/// <summary>
/// Simulated SIR patients, written independently of the library (its SpoiledGradientEcho and SirReconstruction are not
/// used here). Signal: spoiled GRE, S = ρ·sin α·(1 − E1)/(1 − cos α·E1)·exp(−TE·R2*), E1 = exp(−TR/T1) (docs/methods.md §2.4).
/// ROI means are the expected magnitude of Rician noise (σ√(π/2)·L½(−ν²/2σ²)), so the noise floor is in the ratios.
/// </summary>
internal static class SimulatedPatient
{
    /// <summary>Liver and muscle properties at one field, with their sources.</summary>
    /// <param name="FieldT">Tesla.</param>
    /// <param name="LiverT1Ms">Liver T1 (iron-free).</param>
    /// <param name="MuscleT1Ms">Paraspinal muscle T1.</param>
    /// <param name="MuscleR2StarPerSecond">Muscle R2* (deliberately not the library's default 30 s⁻¹ at every field).</param>
    internal sealed record Tissue(double FieldT, double LiverT1Ms, double MuscleT1Ms, double MuscleR2StarPerSecond);

    // 3 T: de Bazelaire et al., Radiology 2004;230:652, abstract: liver T1 809 ms, paravertebral muscle 898 ms, T2 29 ms
    //      (so muscle R2* ≥ 1000/29 ≈ 34 s⁻¹; 38 assumed).
    // 1.5 T: liver 586, muscle 856 ms (same paper's 1.5 T column, as recalled: assumption); muscle R2* 28 s⁻¹ (inside the
    //      25–35 s⁻¹ of docs/methods.md §2.4).
    // 1.0 T and 0.5 T: T1 shortens at lower field (assumption: liver 500/420 ms, muscle 760/640 ms); muscle R2* 28 s⁻¹
    //      (its R2 dominates at low field: assumption).
    public static readonly Tissue[] Tissues =
    [
        new(0.5, 420, 640, 28), new(1.0, 500, 760, 28), new(1.5, 586, 856, 28), new(3.0, 809, 898, 38),
    ];

    /// <summary>Relative proton densities (water content ≈ 71 % liver, 75 % muscle: assumption).</summary>
    public const double LiverPd = 0.71, MusclePd = 0.75;

    /// <summary>Muscle SNR on the first flip-20° sequence (body coil; assumption).</summary>
    public const double MuscleSnr = 50;

    public static Tissue At(double fieldT) => Tissues.Single(t => Math.Abs(t.FieldT - fieldT) < 0.01);

    /// <summary>
    /// Liver R2* at the field for an LIC: through the INVERTED published calibrations of docs/methods.md §3: 1.5 T Wood 2005
    /// LIC = 0.0254·R2* + 0.202 ⇒ R2* = (LIC − 0.202)/0.0254; 3 T Hernando LIC = 0.01349·R2* − 0.03 ⇒ R2* = (LIC + 0.03)/0.01349;
    /// 0.5 and 1.0 T: the 1.5 T value moved by R2*(B) = 11 + (B/1.5)(R2*(1.5) − 11) (the linear-in-field reading of
    /// Storey 2007; the same assumption as the library's, so these fields test the pipeline, not that assumption).
    /// </summary>
    public static double LiverR2Star(double licMgPerGram, double fieldT)
    {
        if (Math.Abs(fieldT - 3) < 0.01) return (licMgPerGram + 0.03) / 0.01349;
        double r15 = (licMgPerGram - 0.202) / 0.0254;
        return 11 + fieldT / 1.5 * (r15 - 11);
    }

    public static double Gre(double pd, double t1Ms, double r2Star, double trMs, double teMs, double flipDeg)
    {
        double a = flipDeg * Math.PI / 180, e1 = Math.Exp(-trMs / t1Ms);
        return pd * Math.Sin(a) * (1 - e1) / (1 - Math.Cos(a) * e1) * Math.Exp(-teMs / 1000 * r2Star);
    }

    /// <summary>Expected magnitude of a Rician signal ν with noise σ.</summary>
    public static double RicianMean(double nu, double sigma)
    {
        double snr = nu / sigma;
        if (snr > 25) return Math.Sqrt(nu * nu + sigma * sigma);   // asymptotic form; relative error < 1e-6 here
        double z = nu * nu / (4 * sigma * sigma);                  // x = −ν²/2σ²; L½(x) = e^{x/2}[(1 − x)I0(−x/2) − x·I1(−x/2)]
        double i0 = 0, i1 = 0, term0 = 1, term1 = Math.Sqrt(z);   // series in (z/2)^… with e^{−z} folded in at the end
        // I0(z) = Σ (z/2)^{2k}/(k!)², I1(z) = Σ (z/2)^{2k+1}/(k!(k+1)!)
        double half = z / 2;
        term0 = 1;
        term1 = half;
        for (int k = 0; k < 400; k++)
        {
            i0 += term0;
            i1 += term1;
            term0 *= half * half / ((k + 1.0) * (k + 1.0));
            term1 *= half * half / ((k + 1.0) * (k + 2.0));
        }
        double x = -2 * z;
        double laguerre = Math.Exp(-z) * ((1 - x) * i0 - x * i1);
        return sigma * Math.Sqrt(Math.PI / 2) * laguerre;
    }

    /// <summary>L/M on one sequence for a patient with this LIC.</summary>
    public static double Ratio(double licMgPerGram, double fieldT, double trMs, double teMs, double flipDeg, double sigma)
    {
        var t = At(fieldT);
        double liver = Gre(LiverPd, t.LiverT1Ms, LiverR2Star(licMgPerGram, fieldT), trMs, teMs, flipDeg);
        double muscle = Gre(MusclePd, t.MuscleT1Ms, t.MuscleR2StarPerSecond, trMs, teMs, flipDeg);
        return RicianMean(liver, sigma) / RicianMean(muscle, sigma);
    }

    /// <summary>Every sequence of a protocol (label → TR/TE/flip) as L/M for a patient.</summary>
    public static Dictionary<string, double> Ratios(double licMgPerGram, double fieldT, IEnumerable<(string Label, double TrMs, double TeMs, double FlipDeg)> sequences)
    {
        var list = sequences.ToList();
        var t = At(fieldT);
        // σ fixed by the muscle SNR on the shortest-TE flip-20° sequence.
        var reference = list.Where(s => Math.Abs(s.FlipDeg - 20) < 0.1).OrderBy(s => s.TeMs).FirstOrDefault();
        if (reference.Label is null) reference = list[0];
        double sigma = Gre(MusclePd, t.MuscleT1Ms, t.MuscleR2StarPerSecond, reference.TrMs, reference.TeMs, reference.FlipDeg) / MuscleSnr;
        return list.ToDictionary(s => s.Label, s => Ratio(licMgPerGram, fieldT, s.TrMs, s.TeMs, s.FlipDeg, sigma));
    }
}
