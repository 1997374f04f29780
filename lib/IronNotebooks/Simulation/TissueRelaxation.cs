namespace IronNotebooks.Simulation;

/// <summary>
/// The parameters the signal equations need for one tissue at one field strength, with where each comes from.
/// </summary>
/// <param name="Tissue">The tissue.</param>
/// <param name="FieldStrengthT">Field strength, tesla.</param>
/// <param name="ProtonDensity">Relative proton density (water-equivalent = 1), dimensionless.</param>
/// <param name="T1Ms">Longitudinal relaxation time, ms.</param>
/// <param name="R2PerSecond">Spin-echo transverse relaxation rate R2 = 1000/T2, s⁻¹.</param>
/// <param name="R2StarPerSecond">Gradient-echo rate R2* = R2 + R2′, s⁻¹ (never below R2).</param>
/// <param name="FatFraction">Proton-density fat fraction of the tissue, 0–1 (the fat signal uses the fat T1 and this tissue's R2*).</param>
/// <param name="Status">The weakest status among the values.</param>
/// <param name="Source">Citation or the rule that produced the values.</param>
public sealed record TissueRelaxation(Tissue Tissue, double FieldStrengthT, double ProtonDensity, double T1Ms, double R2PerSecond,
    double R2StarPerSecond, double FatFraction, ValueStatus Status, string Source)
{
    /// <summary>T2 = 1000 / R2, ms.</summary>
    public double T2Ms => 1000 / R2PerSecond;

    /// <summary>T2* = 1000 / R2*, ms.</summary>
    public double T2StarMs => 1000 / R2StarPerSecond;
}
