namespace IronNotebooks.Simulation;

/// <summary>A vessel cross-section in the liver (blood), mm in the anatomy frame.</summary>
/// <param name="XMm">Centre x relative to the body centre, mm.</param>
/// <param name="YMm">Centre y relative to the body centre, mm.</param>
/// <param name="RadiusMm">Radius, mm.</param>
public sealed record VesselDisc(double XMm, double YMm, double RadiusMm);
