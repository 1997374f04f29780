namespace IronNotebooks.Simulation;

/// <summary>
/// One row of <see cref="TissueParameters"/>: anchor values at 1.5 T and 3 T and where each comes from. Values at other
/// fields follow the rules documented on <see cref="TissueParameters.At"/>.
/// </summary>
/// <param name="Tissue">The tissue.</param>
/// <param name="ProtonDensity">Relative proton density (water = 1).</param>
/// <param name="T1Ms1p5T">T1 at 1.5 T, ms.</param>
/// <param name="T1Ms3T">T1 at 3 T, ms.</param>
/// <param name="T2Ms1p5T">T2 at 1.5 T, ms.</param>
/// <param name="T2Ms3T">T2 at 3 T, ms.</param>
/// <param name="R2StarPerSecond1p5T">R2* at 1.5 T, s⁻¹ (must not be below 1000 / <paramref name="T2Ms1p5T"/>).</param>
/// <param name="LowFieldT1Exponent">b in T1(B) = T1(1.5 T)·(B / 1.5 T)^b below 1.5 T (assumed).</param>
/// <param name="FatFraction">Proton-density fat fraction, 0–1.</param>
/// <param name="Provenance">Per value: source and status, in words.</param>
/// <param name="Status">The weakest status among the values.</param>
public sealed record TissueParameterEntry(Tissue Tissue, double ProtonDensity, double T1Ms1p5T, double T1Ms3T, double T2Ms1p5T, double T2Ms3T,
    double R2StarPerSecond1p5T, double LowFieldT1Exponent, double FatFraction, string Provenance, ValueStatus Status);
