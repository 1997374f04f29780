using IronNotebooks.Calibration;

namespace IronNotebooks.FatWater;

/// <summary>
/// The registry of fat spectra (docs/methods.md §6), looked up by name like the calibrations. Only spectra whose constants
/// the project could check are listed: other published spectra (Yu 2008, Ren 2008) are not registered until their tables
/// have been read (no coefficient is typed from memory).
/// </summary>
public static class FatSpectra
{
    /// <summary>
    /// Six-peak liver fat spectrum of Hamilton et al. (NMR Biomed 2011;24:784, doi:10.1002/nbm.1622; 121 subjects, 3 T
    /// STEAM): −3.80, −3.40, −2.60, −1.94, −0.39, +0.60 ppm from water with amplitudes 0.087, 0.693, 0.128, 0.004, 0.039,
    /// 0.048 (normalised here to sum 1; they sum to 0.999). The default of <see cref="FatWaterOptions"/>.
    /// </summary>
    public static FatSpectrum Hamilton2011 { get; } = Normalised(new FatSpectrum
    {
        Name = "hamilton2011",
        Title = "Hamilton 2011 six-peak liver fat",
        Citation = "Hamilton et al., NMR Biomed 2011;24:784, doi:10.1002/nbm.1622",
        PeaksPpm = [-3.80, -3.40, -2.60, -1.94, -0.39, 0.60],
        RelativeAmplitudes = [0.087, 0.693, 0.128, 0.004, 0.039, 0.048],
        Status = EvidenceStatus.Secondary,
        StatusNote = "[S×2] peaks and amplitudes as used in public fat–water code; the paper's abstract (read) agrees on CH3/CH2 "
            + "(0.125; here 0.087/0.693 = 0.126) and on the fat under the water peak (8.6 %; here 0.039 + 0.048 = 8.7 %); its table "
            + "was not read, and the abstract's 2.75 ppm share in high-fat livers (0.6 %) differs from the 0.4 % here",
    });

    /// <summary>
    /// Single-peak fat at −3.4 ppm (the main methylene peak; docs/methods.md §6: fat–water shift ≈ 3.4 ppm, in/opposed
    /// phase period ≈ 4.6 ms at 1.5 T). The classical two-point Dixon assumption; it biases PDFF and R2* because ≈ 30 % of
    /// the fat signal sits elsewhere. For teaching and comparison.
    /// </summary>
    public static FatSpectrum SinglePeak { get; } = new()
    {
        Name = "singlepeak",
        Title = "single-peak fat (−3.4 ppm)",
        Citation = "Dixon, Radiology 1984;153:189 (two-point method); shift 3.4 ppm (docs/methods.md §6)",
        PeaksPpm = [-3.4],
        RelativeAmplitudes = [1.0],
        Status = EvidenceStatus.Verified,
        StatusNote = "[V] 3.4 ppm fat–water shift",
    };

    /// <summary>Every spectrum, in registry order.</summary>
    public static IReadOnlyList<FatSpectrum> All { get; } = [Hamilton2011, SinglePeak];

    /// <summary>The spectrum named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No such spectrum; the message lists the names.</exception>
    public static FatSpectrum Get(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown fat spectrum '{name}'; known: {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));

    private static FatSpectrum Normalised(FatSpectrum s)
    {
        double sum = s.RelativeAmplitudes.Sum();
        return s with { RelativeAmplitudes = [.. s.RelativeAmplitudes.Select(a => a / sum)] };
    }
}
