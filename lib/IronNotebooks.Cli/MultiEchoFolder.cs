using System.Globalization;
using IronNotebooks.FatWater;
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
        if (IsNifti(folder)) return MultiEchoSeries.FromNiftiFolder(folder, series);
        var catalog = ImageCatalog.Scan(folder);
        return MultiEchoSeries.FromCatalog(catalog, Choose(catalog, folder, series));
    }

    /// <summary>The catalogued DICOM series <see cref="Load"/> would read (for outputs that reference it, e.g. a Parametric Map).</summary>
    /// <exception cref="BadInputException">As <see cref="Load"/>.</exception>
    public static CatalogSeries CatalogSeriesOf(string folder, string? series) => Choose(ImageCatalog.Scan(folder), folder, series);

    /// <summary>
    /// The chemical-shift form of <see cref="Load"/> for `--model fatwater`: the magnitude series and its phase
    /// (<see cref="ChemicalShiftSeriesLoader"/>): phase in the same series, GE real/imaginary, or a phase series of the same
    /// acquisition in DIR or, for EXAM/SERIES folders, in DIR's parent folder. NIfTI folders are magnitude only.
    /// </summary>
    /// <exception cref="BadInputException">As <see cref="Load"/>.</exception>
    /// <exception cref="ImagingException">Phase images that do not match the magnitude series, naming both.</exception>
    public static (ChemicalShiftSeries Series, string Reason) LoadChemicalShift(string folder, string? series, bool magnitudeOnly)
    {
        if (IsNifti(folder)) return (ChemicalShiftSeries.FromMagnitude(MultiEchoSeries.FromNiftiFolder(folder, series)), "NIfTI folder: magnitude images only");
        var catalog = ImageCatalog.Scan(folder);
        var magnitude = Choose(catalog, folder, series);
        var te = magnitude.MagnitudeEchoTimesMs;
        if (te.Count < 3)
            throw new BadInputException($"Too few echoes for the fat–water model: series {magnitude.SeriesNumber} '{magnitude.SeriesDescription}' has {te.Count} echo(es) "
                + $"({string.Join(", ", te.Select(t => t.ToString("0.###", CultureInfo.InvariantCulture)))} ms); the complex fit needs at least 3 and the magnitude fit 4 "
                + "(a chemical-shift-encoded series, e.g. 6 echoes). A two-echo field map is not a fat–water acquisition.");
        if (magnitudeOnly) return (ChemicalShiftSeries.FromMagnitude(MultiEchoSeries.FromCatalog(catalog, magnitude)), "--magnitude-only given");
        var pairing = ChemicalShiftSeriesLoader.FindPhase(catalog, magnitude);
        if (pairing.Kind == PhaseSourceKind.None && Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)) is { } parent
            && Directory.Exists(parent) && Directory.EnumerateFileSystemEntries(parent).Take(MaxParentEntries + 1).Count() <= MaxParentEntries)
        {
            // EXAM/SERIES: the phase series of a Siemens-style export sits in a sibling folder. Only a small parent (an exam
            // folder of series folders) is scanned, never a shared folder such as /tmp.
            var wider = ImageCatalog.Scan(parent);
            if (wider.AllSeries.FirstOrDefault(s => s.SeriesInstanceUid == magnitude.SeriesInstanceUid) is { } same
                && ChemicalShiftSeriesLoader.FindPhase(wider, same) is { Kind: not PhaseSourceKind.None })
            {
                var (loaded, found) = ChemicalShiftSeriesLoader.Load(wider, same);
                return (loaded, found.Reason + " (in the parent folder)");
            }
        }
        var (result, p) = ChemicalShiftSeriesLoader.Load(catalog, magnitude);
        return (result, p.Reason);
    }

    /// <summary>Largest parent folder (entries at its top level) searched for a sibling phase series.</summary>
    private const int MaxParentEntries = 64;

    private static bool IsNifti(string folder) =>
        Directory.EnumerateFiles(folder).Any(p => p.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase));

    private static CatalogSeries Choose(ImageCatalog catalog, string folder, string? series)
    {
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
            1 => candidates[0],
            _ => throw new BadInputException($"{candidates.Count} series could be measured; choose one with --series: "
                + string.Join(", ", candidates.Select(s => $"{s.SeriesNumber} '{s.SeriesDescription}'"))),
        };
    }
}
