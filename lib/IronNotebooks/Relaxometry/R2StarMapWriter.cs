using System.Globalization;
using System.Text;
using System.Text.Json;
using IronNotebooks.Imaging;

namespace IronNotebooks.Relaxometry;

/// <summary>
/// Writes an R2* map (<see cref="R2StarMap"/>) as
/// CSV or as DICOM, atomically (<see cref="AtomicOutput"/>) and never into the source's folders.
/// <list type="bullet">
/// <item>CSV (a path ending .csv): one row per pixel, <c>slice,x,y,r2StarPerSecond,t2StarMs,s0,status,sliceLocationMm</c>;
/// <c>slice</c> is the source slice index (<see cref="MultiEchoSlice.Index"/>: DICOM position order, NIfTI voxel index k,
/// never renumbered when an incomplete slice is left out) and <c>sliceLocationMm</c> its position along the normal;
/// status is the camelCase <see cref="DecayFitStatus"/> name.</item>
/// <item>DICOM (any other path, a folder): one MR file per slice with the slice's own Image Position (Patient) and
/// Slice Location, stored value = R2* / 0.1 s⁻¹ (Rescale Slope 0.1), 0 where the pixel has no usable fit, Image Type
/// DERIVED\SECONDARY\R2STAR, series description naming the model. An existing folder is replaced only when it holds
/// nothing but an earlier ironnb R2* map; otherwise it is refused.</item>
/// </list>
/// </summary>
public static class R2StarMapWriter
{
    /// <summary>R2* per stored unit in the DICOM map, s⁻¹.</summary>
    public const double DicomStepPerSecond = 0.1;

    /// <summary>The CSV header.</summary>
    public const string CsvHeader = "slice,x,y,r2StarPerSecond,t2StarMs,s0,status,sliceLocationMm";

    /// <summary>Writes <paramref name="map"/> of <paramref name="source"/> to <paramref name="path"/> (CSV or DICOM folder); returns warnings.</summary>
    /// <param name="map">The map; its slices are those of <paramref name="source"/>, in order.</param>
    /// <param name="source">The series the map was computed from (geometry, inputs that must not be overwritten).</param>
    /// <param name="path">A .csv file or a folder.</param>
    /// <param name="argument">How the caller names the path (<c>--out</c>), for messages.</param>
    /// <exception cref="IronNotebooksException">The path is inside an input folder, is a folder where a file is wanted (or the reverse), or the folder holds other files.</exception>
    public static IReadOnlyList<string> Write(R2StarMapResult map, MultiEchoSeries source, string path, string argument = "path")
    {
        Guard.NotNull(map);
        Guard.NotNull(source);
        Guard.NotNull(path);
        if (map.Slices.Count != source.Slices.Count)
            throw new ArgumentException($"The map has {map.Slices.Count} slices but the series has {source.Slices.Count}; write a map with the series it was computed from.", nameof(source));
        AtomicOutput.RefuseInsideInputs(path, InputFolders(source), argument);
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            AtomicOutput.WriteFile(path, stream => WriteCsv(map, source, stream), argument);
            return [];
        }
        var warnings = new List<string>();
        AtomicOutput.WriteFolder(path, folder => warnings.AddRange(WriteDicom(map, source, folder)), IsEarlierMap, "an earlier ironnb R2* map", argument);
        return warnings;
    }

    /// <summary>The folders (and files) the series was read from.</summary>
    public static IEnumerable<string> InputFolders(MultiEchoSeries source)
    {
        Guard.NotNull(source);
        return source.Slices.SelectMany(s => s.Echoes).Select(e => FileOf(e.Source)).Where(f => f.Length > 0)
            .Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!).Distinct(StringComparer.Ordinal)
            .Concat(source.IncompleteSlices.SelectMany(s => s.Files).Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!));
    }

    private static string FileOf(string planeSource)
    {
        int hash = planeSource.LastIndexOf('#');
        return hash < 0 ? planeSource : planeSource[..hash];
    }

    private static void WriteCsv(R2StarMapResult map, MultiEchoSeries source, Stream stream)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        w.WriteLine(CsvHeader);
        var names = Enum.GetValues<DecayFitStatus>().ToDictionary(s => s, s => JsonNamingPolicy.CamelCase.ConvertName(s.ToString()));
        static string N(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
        for (int k = 0; k < map.Slices.Count; k++)
        {
            var s = map.Slices[k];
            string location = source.Slices[k].SliceLocationMm.ToString("0.###", CultureInfo.InvariantCulture);
            for (int y = 0; y < s.Rows; y++)
                for (int x = 0; x < s.Columns; x++)
                {
                    int i = y * s.Columns + x;
                    double r = s.R2StarPerSecond[i];
                    w.Write(s.SliceIndex.ToString(CultureInfo.InvariantCulture)); w.Write(',');
                    w.Write(x.ToString(CultureInfo.InvariantCulture)); w.Write(',');
                    w.Write(y.ToString(CultureInfo.InvariantCulture)); w.Write(',');
                    w.Write(N(r)); w.Write(',');
                    w.Write(double.IsNaN(r) ? "" : N(1000 / r)); w.Write(',');
                    w.Write(N(s.S0[i])); w.Write(',');
                    w.Write(names[s.Status[i]]); w.Write(',');
                    w.WriteLine(location);
                }
        }
    }

    private static List<string> WriteDicom(R2StarMapResult map, MultiEchoSeries source, string folder)
    {
        // Map slice k is source slice k: each DICOM slice keeps that slice's own position and index.
        int above = DerivedMapDicom.Write(folder, source, [.. map.Slices.Select((s, k) => new DerivedMapDicom.MapSlice(source.Slices[k], s.R2StarPerSecond))],
            DicomStepPerSecond, ImageTypeValue, $"R2* map (1/s = stored x {DicomStepPerSecond.ToString(CultureInfo.InvariantCulture)}), model {map.Model}, from {source.Description}");
        return above == 0 ? [] : [string.Create(CultureInfo.InvariantCulture,
            $"{above} pixel(s) above {ushort.MaxValue * DicomStepPerSecond:0.#} s⁻¹ are stored as that maximum in the DICOM map (the CSV output keeps them)")];
    }

    private const string ImageTypeValue = "R2STAR";

    private static bool IsEarlierMap(string file) => DerivedMapDicom.IsEarlierMap(file, ImageTypeValue);
}
