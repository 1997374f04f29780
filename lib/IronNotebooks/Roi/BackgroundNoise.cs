using System.Globalization;
using IronNotebooks.Imaging;

namespace IronNotebooks.Roi;

/// <summary>
/// σ for the noise-aware decay models from an air ROI on one plane (the first echo): the Rayleigh estimate
/// σ = mean / √(π/2) of <see cref="NoiseEstimate"/>, with a warning when SD/mean strays more than 20 % from the Rayleigh
/// 0.523 (ghosts, parallel imaging, multi-coil). The one path the CLI (`fit --noise-roi`, `map --noise-roi`), exam
/// measurement and notebooks share.
/// </summary>
/// <param name="SigmaSignal">σ, signal units.</param>
/// <param name="Source">Where σ came from, in words (ROI, echo, slice, both estimates, pixels).</param>
/// <param name="Warning">Why σ is uncertain, or null.</param>
/// <param name="Estimate">The underlying estimate.</param>
public sealed record BackgroundNoise(double SigmaSignal, string Source, string? Warning, NoiseEstimate Estimate)
{
    /// <summary>Fewest background pixels accepted.</summary>
    public const int MinimumPixels = 20;

    /// <summary>Measures <paramref name="roi"/> (role set to background) on <paramref name="plane"/>.</summary>
    /// <param name="plane">The first-echo plane.</param>
    /// <param name="roi">The air ROI.</param>
    /// <param name="where">How to name the plane in <see cref="Source"/>, e.g. "echo 1 of slice 0".</param>
    /// <exception cref="RoiException">The ROI holds fewer than <see cref="MinimumPixels"/> pixels, its mean is not positive,
    /// or it does not fit the plane.</exception>
    public static BackgroundNoise Measure(ImagePlane plane, RoiShape roi, string where)
    {
        Guard.NotNull(plane);
        Guard.NotNull(roi);
        var background = roi.Role == RoiRole.Background ? roi : roi with { Role = RoiRole.Background };
        var stats = RoiMeasurement.Measure(plane, background);
        if (stats.PixelCount < MinimumPixels) throw new RoiException(roi.Name, $"holds {stats.PixelCount} pixels; noise needs at least {MinimumPixels} pixels of air");
        if (!(stats.Mean > 0)) throw new RoiException(roi.Name, $"has mean {stats.Mean}; magnitude noise in air has a positive mean");
        var estimate = NoiseEstimate.FromBackground(stats);
        string? warning = Math.Abs(estimate.RatioSdToMean / NoiseEstimate.RayleighSdToMean - 1) > 0.2
            ? string.Create(CultureInfo.InvariantCulture,
                $"Background SD/mean is {estimate.RatioSdToMean:0.###}, not the Rayleigh 0.523: the air ROI is not pure single-coil noise (ghosts, parallel imaging, multi-coil); σ is uncertain.")
            : null;
        return new BackgroundNoise(estimate.SigmaFromMean, string.Create(CultureInfo.InvariantCulture,
            $"background ROI {roi.Name} on {where}: σ = mean/√(π/2) = {estimate.SigmaFromMean:G4} (σ from SD {estimate.SigmaFromSd:G4}, SD/mean {estimate.RatioSdToMean:0.###}, {estimate.PixelCount} px)"),
            warning, estimate);
    }
}
