using System.Text.RegularExpressions;

namespace IronNotebooks.Imaging.Nifti;

/// <summary>Groups the NIfTI files of a folder into series by dcm2niix's naming: the name without its _eN echo suffix.</summary>
internal static partial class NiftiSeriesFiles
{
    [GeneratedRegex(@"_e\d+(?=(_ph)?$)")]
    private static partial Regex EchoSuffix();

    public static List<(string Key, List<string> Files)> Find(string folder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Folder '{folder}' does not exist.");
        return Directory.EnumerateFiles(folder)
            .Where(p => p.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase))
            .GroupBy(p => EchoSuffix().Replace(Stem(Path.GetFileName(p)), ""))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }

    private static string Stem(string name) =>
        name.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase) ? name[..^7] : name[..^4];
}
