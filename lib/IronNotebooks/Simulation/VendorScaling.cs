namespace IronNotebooks.Simulation;

/// <summary>
/// How a simulated scanner turns signal into stored integers: each series is scaled so that its brightest pixel fills
/// <see cref="TargetFraction"/> of the stored range, as scanners scale each series independently (which is why SIR
/// methods use ratios). With <see cref="WritesRescale"/> the series also carries a Rescale Slope that maps stored values
/// back to simulation signal units; without it the stored values are in arbitrary per-series units.
/// </summary>
/// <param name="Name">Registry name.</param>
/// <param name="BitsStored">Significant bits (12 or 16).</param>
/// <param name="TargetFraction">Fraction of the stored range the series maximum reaches (0–1).</param>
/// <param name="WritesRescale">True: Rescale Slope = 1/gain (4 significant digits, rounded up); false: slope 1.</param>
/// <param name="Description">What it imitates.</param>
public sealed record VendorScaling(string Name, int BitsStored, double TargetFraction, bool WritesRescale, string Description);
