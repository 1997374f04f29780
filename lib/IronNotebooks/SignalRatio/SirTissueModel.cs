namespace IronNotebooks.SignalRatio;

/// <summary>
/// Iron-free liver and muscle properties that a single-sequence reconstruction (Lille) needs to know what L/M would be
/// without iron. These are assumptions of the reconstruction, not constants of a published SIR method.
/// </summary>
/// <param name="FieldStrengthT">Field they apply to, tesla.</param>
/// <param name="LiverT1Ms">Liver T1, ms.</param>
/// <param name="MuscleT1Ms">Paraspinal muscle T1, ms.</param>
/// <param name="ProtonDensityRatio">Liver proton density / muscle proton density.</param>
/// <param name="Source">Where the values come from and how sure they are.</param>
public sealed record SirTissueModel(double FieldStrengthT, double LiverT1Ms, double MuscleT1Ms, double ProtonDensityRatio, string Source)
{
    /// <summary>
    /// 1.5 T: liver T1 586 ms, paravertebral muscle T1 856 ms (de Bazelaire et al., Radiology 2004;230:652, 1.5 T
    /// column; the project read the 3 T values 809 / 898 ms in the abstract, the 1.5 T values are as recalled:
    /// assumption); ρ liver/muscle 0.95 (tissue water contents ≈ 71 % and 75 %: assumption).
    /// </summary>
    public static SirTissueModel Default1p5T { get; } = new(1.5, 586, 856, 0.95,
        "assumption: T1 liver 586 ms, muscle 856 ms at 1.5 T (de Bazelaire, Radiology 2004;230:652, as recalled); ρ liver/muscle 0.95 (water contents ≈ 71 %/75 %)");

    /// <summary>Iron-free L/M of a sequence with this TR and flip at TE = 0: (ρL/ρM)·f(T1 liver)/f(T1 muscle).</summary>
    public double IronFreeRatio(double repetitionTimeMs, double flipAngleDeg) =>
        SpoiledGradientEcho.T1Weighting(ProtonDensityRatio, LiverT1Ms, repetitionTimeMs, flipAngleDeg)
        / SpoiledGradientEcho.T1Weighting(1, MuscleT1Ms, repetitionTimeMs, flipAngleDeg);
}
