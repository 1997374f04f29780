using IronNotebooks.Imaging;
using IronNotebooks.Roi;

namespace IronNotebooks.Interchange;

/// <summary>
/// The measurements of one ROI as the SR carries them. Every value is optional on reading (another tool may report fewer);
/// the writer needs the R2* mean, SD and pixel count.
/// </summary>
public sealed record RoiReportValues
{
    /// <summary>Mean R2* over the ROI's pixels, s⁻¹.</summary>
    public double? R2StarMeanPerSecond { get; init; }

    /// <summary>Standard deviation of R2* over the ROI's pixels (n − 1), s⁻¹.</summary>
    public double? R2StarSdPerSecond { get; init; }

    /// <summary>Pixels whose centre lies in the ROI.</summary>
    public int? PixelCount { get; init; }

    /// <summary>Pixel count × pixel area, mm².</summary>
    public double? AreaMm2 { get; init; }

    /// <summary>LIC from the mean R2* through <see cref="Calibration"/>, mg Fe/g dry weight; null outside the calibration's validity range.</summary>
    public double? LicMgPerGram { get; init; }

    /// <summary>The same LIC in µmol Fe/g dry weight.</summary>
    public double? LicUmolPerGram { get; init; }

    /// <summary>How R2* was obtained (TID 4019 Algorithm Name of the R2* items), e.g. "IronNotebooks R2* map".</summary>
    public string? R2StarAlgorithm { get; init; }

    /// <summary>R2* parameters (TID 4019 Algorithm Parameters), e.g. "decay model: arlo", "echo times ms: 1.2, 2.4, …".</summary>
    public IReadOnlyList<string> R2StarParameters { get; init; } = [];

    /// <summary>The calibration's registry name (TID 4019 Algorithm Name of the LIC items), e.g. "wood2005".</summary>
    public string? Calibration { get; init; }

    /// <summary>The calibration's citation, field and validity range (TID 4019 Algorithm Parameters of the LIC items).</summary>
    public IReadOnlyList<string> CalibrationParameters { get; init; } = [];

    /// <summary>Software version that computed the values (TID 4019 Algorithm Version).</summary>
    public string? AlgorithmVersion { get; init; }
}
