namespace IronNotebooks.FatWater;

/// <summary>How the fat–water parameters were estimated.</summary>
public enum FatWaterFitKind
{
    /// <summary>Magnitude images: water, fat, common R2* (two branches compared).</summary>
    Magnitude,
    /// <summary>Complex images, each pixel on its own: water, fat, field map, R2*.</summary>
    ComplexIndependent,
    /// <summary>Complex images with a spatially regularised (region-grown) field map.</summary>
    ComplexRegularised,
}
