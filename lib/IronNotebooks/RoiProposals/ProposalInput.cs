using System.Globalization;
using IronNotebooks.Imaging;

namespace IronNotebooks.RoiProposals;

/// <summary>Finds the images an ROI proposal is made on in an exam folder.</summary>
public static class ProposalInput
{
    /// <summary>
    /// NIfTI with BIDS sidecars when the folder holds .nii/.nii.gz files; otherwise DICOM: the series with the most magnitude
    /// echoes when one has at least three (multi-echo GRE), else the single-echo gradient-echo series that share TR and flip
    /// angle and together give at least three echo times (the Rennes PD/T2/T2+/T2++ set) loaded as one multi-echo series.
    /// </summary>
    /// <exception cref="ImagingException">No multi-echo GRE and no SIR set with three echo times; the message lists what is there.</exception>
    public static MultiEchoSeries Load(string examFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(examFolder);
        if (!Directory.Exists(examFolder)) throw new DirectoryNotFoundException($"Exam folder '{examFolder}' does not exist.");
        bool nifti = Directory.EnumerateFiles(examFolder).Any(p => p.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase));
        if (nifti) return MultiEchoSeries.FromNiftiFolder(examFolder);
        var series = ImageCatalog.Scan(examFolder).AllSeries.Where(s => s.MagnitudeEchoTimesMs.Count > 0).ToList();
        var multi = series.Where(s => s.MagnitudeEchoTimesMs.Count >= 3).OrderByDescending(s => s.MagnitudeEchoTimesMs.Count).FirstOrDefault();
        if (multi is not null) return MultiEchoSeries.FromCatalog(multi);
        var group = series.Where(s => s.MagnitudeEchoTimesMs.Count == 1 && s.RepetitionTimeMs is not null && s.FlipAngleDeg is not null)
            .GroupBy(s => (Math.Round(s.RepetitionTimeMs!.Value, 1), Math.Round(s.FlipAngleDeg!.Value, 1)))
            .Select(g => g.GroupBy(s => s.MagnitudeEchoTimesMs[0]).Select(e => e.First()).ToList())
            .Where(g => g.Count >= 3).OrderByDescending(g => g.Count).FirstOrDefault();
        if (group is not null) return MultiEchoSeries.FromCatalog(group);
        throw new ImagingException("No multi-echo gradient-echo series (≥ 3 echoes) and no set of ≥ 3 single-echo series with one TR and flip angle (SIR) to propose ROIs on; series: "
            + string.Join(", ", series.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.SeriesNumber} '{s.SeriesDescription}' ({s.MagnitudeEchoTimesMs.Count} echoes)"))), examFolder);
    }
}
