namespace IronNotebooks.Simulation;

/// <summary>A round iron-sparing focal lesion in the liver, in patient millimetres on the slice (x towards patient left, y towards posterior).</summary>
/// <param name="CenterXMm">Centre, x (LPS), mm.</param>
/// <param name="CenterYMm">Centre, y (LPS), mm.</param>
/// <param name="RadiusMm">Radius, mm.</param>
public sealed record FocalLesion(double CenterXMm, double CenterYMm, double RadiusMm)
{
    /// <summary>The default teaching lesion: 12 mm radius in the lateral right lobe, clear of the ROIs and vessels.</summary>
    public static FocalLesion Default { get; } = new(-115, 35, 12);
}
