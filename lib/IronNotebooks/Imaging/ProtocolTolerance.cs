namespace IronNotebooks.Imaging;

/// <summary>How far acquired parameters may be from a protocol's and still count as that sequence.</summary>
/// <param name="EchoTimeMs">|ΔTE| allowed, ms (default 0.5: vendors round TE to the gradient raster).</param>
/// <param name="RepetitionTimeMs">|ΔTR| allowed, ms.</param>
/// <param name="FlipAngleDeg">|Δflip| allowed, degrees.</param>
/// <param name="FieldStrengthT">|ΔB0| allowed, tesla (2.89 T scanners are "3 T").</param>
public sealed record ProtocolTolerance(double EchoTimeMs = 0.5, double RepetitionTimeMs = 5, double FlipAngleDeg = 2, double FieldStrengthT = 0.15);
