namespace IronNotebooks.Simulation;

/// <summary>A disc of bowel texture (mesenteric fat or gas), mm in the anatomy frame.</summary>
/// <param name="XMm">Centre x relative to the body centre, mm.</param>
/// <param name="YMm">Centre y relative to the body centre, mm.</param>
/// <param name="RadiusMm">Radius, mm.</param>
/// <param name="Tissue">Fat (subcutaneous-fat parameters) or air.</param>
public sealed record BowelBlob(double XMm, double YMm, double RadiusMm, Tissue Tissue);
