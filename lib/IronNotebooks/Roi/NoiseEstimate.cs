namespace IronNotebooks.Roi;

/// <summary>
/// Noise level of a magnitude image from a background (air) ROI. Where the true signal is zero, magnitude noise is
/// Rayleigh-distributed, so the Gaussian σ of each channel is mean / √(π/2) ≈ mean / 1.2533 and also
/// SD / √(2 − π/2) ≈ SD / 0.6551 (Henkelman, Med Phys 1985;12:232, doi:10.1118/1.595711; Gudbjartsson &amp; Patz,
/// MRM 1995;34:910, doi:10.1002/mrm.1910340618). The two estimates disagree when the background is not pure noise
/// (ghosts, parallel-imaging noise amplification, multi-coil non-central χ): compare them before trusting either.
/// </summary>
/// <param name="SigmaFromMean">σ = mean / √(π/2).</param>
/// <param name="SigmaFromSd">σ = SD / √(2 − π/2).</param>
/// <param name="RatioSdToMean">Background SD / mean; 0.5227 for ideal single-coil Rayleigh noise.</param>
/// <param name="PixelCount">Background pixels used.</param>
public sealed record NoiseEstimate(double SigmaFromMean, double SigmaFromSd, double RatioSdToMean, int PixelCount)
{
    /// <summary>SD / mean of a Rayleigh distribution: √(4/π − 1).</summary>
    public const double RayleighSdToMean = 0.52272836;

    /// <summary>Estimates σ from background ROI statistics.</summary>
    /// <exception cref="ArgumentException">The ROI's role is not <see cref="RoiRole.Background"/>, or its mean is not positive.</exception>
    public static NoiseEstimate FromBackground(RoiStatistics background)
    {
        ArgumentNullException.ThrowIfNull(background);
        if (background.Role != RoiRole.Background)
            throw new ArgumentException($"ROI '{background.RoiName}' has role {background.Role}; noise needs a Background ROI in air.", nameof(background));
        if (!(background.Mean > 0))
            throw new ArgumentException($"Background ROI '{background.RoiName}' has mean {background.Mean}; magnitude noise has a positive mean.", nameof(background));
        return new NoiseEstimate(background.Mean / Math.Sqrt(Math.PI / 2), background.Sd / Math.Sqrt(2 - Math.PI / 2),
            background.Sd / background.Mean, background.PixelCount);
    }
}
