using System.Globalization;
using IronNotebooks.Imaging;

namespace IronNotebooks.Cli;

/// <summary>How every verb that takes a DIR of multi-echo images finds its series.</summary>
internal static class MultiEchoFolder
{
    /// <summary>
    /// A folder holding .nii/.nii.gz files is read as NIfTI with BIDS sidecars (<paramref name="series"/> is a file-name
    /// prefix); otherwise it is catalogued as DICOM and the one series with magnitude echoes is loaded
    /// (<paramref name="series"/> is its series number when there are several).
    /// </summary>
    /// <exception cref="BadInputException">No such series, several without --series, or a non-numeric --series for DICOM.</exception>
    public static MultiEchoSeries Load(string folder, string? series)
    {
        bool nifti = Directory.EnumerateFiles(folder).Any(p => p.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase));
        if (nifti) return MultiEchoSeries.FromNiftiFolder(folder, series);

        var (catalog, chosen) = Choose(folder, series);
        return MultiEchoSeries.FromCatalog(catalog, chosen);
    }

    /// <summary>The catalogued DICOM series <see cref="Load"/> would read (for outputs that reference it, e.g. a Parametric Map).</summary>
    /// <exception cref="BadInputException">As <see cref="Load"/>.</exception>
    public static CatalogSeries CatalogSeriesOf(string folder, string? series) => Choose(folder, series).Series;

    private static (ImageCatalog Catalog, CatalogSeries Series) Choose(string folder, string? series)
    {
        var catalog = ImageCatalog.Scan(folder);
        var candidates = catalog.AllSeries.Where(s => s.MagnitudeEchoTimesMs.Count > 0).ToList();
        if (series is not null)
        {
            if (!int.TryParse(series, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
                throw new BadInputException($"--series '{series}' must be a DICOM series number for a DICOM folder.");
            candidates = candidates.Where(s => s.SeriesNumber == number).ToList();
        }
        return candidates.Count switch
        {
            0 => throw new BadInputException($"No series with magnitude images and echo times in '{folder}'{(series is null ? "" : $" numbered {series}")}"
                + (catalog.Failures.Count == 0 ? "." : $"; {catalog.Failures.Count} file(s) could not be read: {string.Join("; ", catalog.Failures.Select(f => $"{f.Path}: {f.Reason}"))}.")),
            1 => (catalog, candidates[0]),
            _ => throw new BadInputException($"{candidates.Count} series could be measured; choose one with --series: "
                + string.Join(", ", candidates.Select(s => $"{s.SeriesNumber} '{s.SeriesDescription}'"))),
        };
    }
}
