using IronNotebooks.Dicom;
using IronNotebooks.Dicom.Imaging;
using IronNotebooks.Imaging.Nifti;

namespace IronNotebooks.Imaging;

/// <summary>
/// A multi-echo acquisition as echo times (ms, ascending) and, per slice, one float plane per echo with patient
/// geometry: the input of relaxometry fits and ROI measurements. Built from a DICOM <see cref="CatalogSeries"/>
/// (magnitude frames) or from a folder of NIfTI files with BIDS sidecars.
/// </summary>
public sealed class MultiEchoSeries
{
    private MultiEchoSeries(string description, string source, IReadOnlyList<double> echoTimesMs, IReadOnlyList<MultiEchoSlice> slices,
        double? fieldStrengthT, string? manufacturer, IReadOnlyList<string> warnings, IReadOnlyList<IncompleteSlice>? incomplete = null)
    {
        IncompleteSlices = incomplete ?? [];
        Description = description;
        Source = source;
        EchoTimesMs = echoTimesMs;
        Slices = slices;
        FieldStrengthT = fieldStrengthT;
        Manufacturer = manufacturer;
        Warnings = warnings;
    }

    /// <summary>Series description.</summary>
    public string Description { get; }

    /// <summary>Folder or files it was read from.</summary>
    public string Source { get; }

    /// <summary>Echo times, ms, ascending.</summary>
    public IReadOnlyList<double> EchoTimesMs { get; }

    /// <summary>Complete slices: DICOM in position order along the plane normal (<see cref="MultiEchoSlice.Index"/> = rank among
    /// all positions, incomplete ones included), NIfTI in voxel index order (Index = k).</summary>
    public IReadOnlyList<MultiEchoSlice> Slices { get; }

    /// <summary>Main field strength, tesla, if recorded.</summary>
    public double? FieldStrengthT { get; }

    /// <summary>Manufacturer, if recorded.</summary>
    public string? Manufacturer { get; }

    /// <summary>What was noticed while assembling the series (incomplete slices left out, 4-D NIfTI, …).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>A slice position that some echoes lack: left out of <see cref="Slices"/>, never renumbered away.</summary>
    /// <param name="Index">Its index among all slice positions (what <see cref="MultiEchoSlice.Index"/> would have been).</param>
    /// <param name="SliceLocationMm">Its position along the plane normal, mm.</param>
    /// <param name="MissingEchoTimesMs">The echoes with no frame there.</param>
    /// <param name="Files">The files that do hold it.</param>
    public sealed record IncompleteSlice(int Index, double SliceLocationMm, IReadOnlyList<double> MissingEchoTimesMs, IReadOnlyList<string> Files);

    /// <summary>Slice positions left out because some echoes lack them (each also in <see cref="Warnings"/>).</summary>
    public IReadOnlyList<IncompleteSlice> IncompleteSlices { get; }

    /// <summary>Number of slice positions, complete or not: valid slice indices are 0 … SliceCount − 1.</summary>
    public int SliceCount => Slices.Count + IncompleteSlices.Count;

    /// <summary>
    /// The slice with <see cref="MultiEchoSlice.Index"/> <paramref name="index"/>: the position order for DICOM, the voxel
    /// index k for NIfTI. An incomplete slice is an error naming its missing echoes and files, never a neighbour.
    /// </summary>
    /// <exception cref="ImagingException">No such index, or that slice lacks echoes.</exception>
    public MultiEchoSlice SliceAt(int index)
    {
        var slice = Slices.FirstOrDefault(s => s.Index == index);
        if (slice is not null) return slice;
        var gap = IncompleteSlices.FirstOrDefault(s => s.Index == index);
        if (gap is not null)
            throw new ImagingException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Slice {index} (at {gap.SliceLocationMm:0.##} mm) of '{Description}' lacks the echo(es) at TE {string.Join(", ", gap.MissingEchoTimesMs)} ms; it is held only by {string.Join(", ", gap.Files.Select(Path.GetFileName))}. Find the missing file(s) or choose another slice."),
                new ErrorContext { FilePath = gap.Files.FirstOrDefault(), Argument = "sliceIndex" });
        throw new ImagingException($"Slice {index} is outside 0…{SliceCount - 1} ({SliceCount} slice positions in '{Description}').",
            new ErrorContext { Argument = "sliceIndex" });
    }

    /// <summary>
    /// Loads the magnitude frames of a catalogued series: every acquisition of component Magnitude is one echo.
    /// Slices present at only some echoes are left out of <see cref="Slices"/>, listed in <see cref="IncompleteSlices"/> and
    /// <see cref="Warnings"/> with their missing echoes and files, and keep their index (no renumbering).
    /// </summary>
    /// <exception cref="ImagingException">No magnitude frames, missing geometry, two frames for one echo and slice, an
    /// unreadable file in the series' folder (<see cref="CatalogSeries.UnreadableFiles"/>), or implausible echo times.</exception>
    public static MultiEchoSeries FromCatalog(CatalogSeries series, PixelScale scale = PixelScale.Rescaled) =>
        FromCatalog([Guard.NotNull(series)], scale);

    /// <summary>
    /// Loads a series of a scanned folder as <see cref="FromCatalog(CatalogSeries, PixelScale)"/>, and names in
    /// <see cref="Warnings"/> every unreadable file elsewhere in the folder (files in the series' own folders make it fail).
    /// </summary>
    /// <exception cref="ImagingException">As for one series.</exception>
    public static MultiEchoSeries FromCatalog(ImageCatalog catalog, CatalogSeries series, PixelScale scale = PixelScale.Rescaled)
    {
        Guard.NotNull(catalog);
        var loaded = FromCatalog(series, scale);
        var elsewhere = catalog.Failures.Where(f => !series.UnreadableFiles.Any(u => u.Path == f.Path)).ToList();
        if (elsewhere.Count == 0) return loaded;
        return new MultiEchoSeries(loaded.Description, loaded.Source, loaded.EchoTimesMs, loaded.Slices, loaded.FieldStrengthT, loaded.Manufacturer,
            [.. loaded.Warnings, .. elsewhere.Select(f => $"unreadable file outside this series' folder, not used: {f.Path}: {f.Reason}")], loaded.IncompleteSlices);
    }

    /// <summary>
    /// Loads one multi-echo acquisition exported as several series (some scanners write one series per echo): the
    /// magnitude acquisitions of all of them, which must have distinct echo times.
    /// </summary>
    /// <exception cref="ImagingException">As for one series, and when two series hold the same echo time.</exception>
    public static MultiEchoSeries FromCatalog(IReadOnlyList<CatalogSeries> series, PixelScale scale = PixelScale.Rescaled) =>
        FromCatalog(series, ImageComponent.Magnitude, scale);

    /// <summary>
    /// Loads the frames of one image component (magnitude, phase, real or imaginary) of catalogued series: every acquisition
    /// of that component is one echo (the phase images of a chemical-shift acquisition, GE's real and imaginary images).
    /// Values are the rescaled (or <paramref name="scale"/>) stored values; phase is not converted to radians here.
    /// </summary>
    /// <exception cref="ImagingException">As for magnitude frames.</exception>
    public static MultiEchoSeries FromCatalog(IReadOnlyList<CatalogSeries> series, ImageComponent component, PixelScale scale = PixelScale.Rescaled)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0) throw new ArgumentException("No series given.", nameof(series));
        string componentName = component.ToString().ToLowerInvariant();
        var echoes = series.SelectMany(s => s.Acquisitions).Where(a => a.Component == component && a.EchoTimeMs is not null)
            .OrderBy(a => a.EchoTimeMs).ToList();
        var described = string.Join(" + ", series.Select(s => $"series {s.SeriesNumber} '{s.SeriesDescription}'"));
        var unreadable = series.SelectMany(s => s.UnreadableFiles).DistinctBy(f => f.Path).ToList();
        if (unreadable.Count > 0)
            throw new ImagingException(
                $"{unreadable.Count} file(s) in the folder of {described} could not be read, so an echo or slice of it may be missing "
                + $"(it is not measured on fewer echoes or slices than were acquired): {string.Join("; ", unreadable.Select(f => $"{f.Path}: {f.Reason}"))}. "
                + "Repair or remove them (`ironnb dicom tree` lists every unreadable file).",
                new ErrorContext { FilePath = unreadable[0].Path });
        if (echoes.Count == 0) throw new ImagingException($"{described} has no {componentName} frames with an echo time", series[0].SeriesInstanceUid);
        var repeated = echoes.GroupBy(a => a.EchoTimeMs).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new ImagingException($"Echo time {repeated.Key} ms appears in more than one {componentName} acquisition of {described}", series[0].SeriesInstanceUid);

        var warnings = new List<string>();
        var bySlice = new SortedDictionary<double, FrameReference?[]>();
        for (int e = 0; e < echoes.Count; e++)
            foreach (var f in echoes[e].FrameReferences)
            {
                var key = ImageCatalog.SliceKey(f) ?? throw new ImagingException("Frame has no Image Position / Orientation (Patient)", $"{f.Path} frame {f.FrameIndex}");
                if (!bySlice.TryGetValue(key, out var row)) bySlice[key] = row = new FrameReference?[echoes.Count];
                if (row[e] is not null)
                    throw new ImagingException($"Two frames for TE {echoes[e].EchoTimeMs} ms at slice {key} mm ({row[e]!.Path} and {f.Path}); keep one export per folder",
                        f.Path);
                row[e] = f;
            }

        var files = new Dictionary<string, DicomPixelData>();
        DicomPixelData Pixels(string path)
        {
            if (!files.TryGetValue(path, out var p)) files[path] = p = DicomFile.Open(path).GetPixelData();
            return p;
        }

        // A deleted file leaves no trace but a gap in the Echo Numbers (0018,0086) between the first and last echo present.
        var numbers = component == ImageComponent.Magnitude ? series.SelectMany(s => s.MagnitudeEchoNumbers).Distinct().Order().ToList() : [];
        if (numbers.Count >= 2)
        {
            var gaps = Enumerable.Range(numbers[0], numbers[^1] - numbers[0] + 1).Except(numbers).ToList();
            if (gaps.Count > 0 && gaps.Count <= 1024)
                throw new ImagingException(
                    $"{described}: echo number(s) {string.Join(", ", gaps)} are missing (Echo Numbers {numbers[0]}–{numbers[^1]} present otherwise): a file was deleted or not exported, and the decay is not fitted without it.",
                    new ErrorContext { FilePath = echoes[0].FrameReferences[0].Path, Tag = "(0018,0086) EchoNumbers" });
        }
        try
        {
            PlausibleRange.EchoTimesMs([.. echoes.Select(a => a.EchoTimeMs!.Value)], "EchoTime");
        }
        catch (IronNotebooksException e)
        {
            throw new ImagingException($"{described}: {e.Reason}", new ErrorContext { FilePath = echoes[0].FrameReferences[0].Path, Tag = "(0018,0081) EchoTime" }, e);
        }

        var slices = new List<MultiEchoSlice>();
        var incomplete = new List<IncompleteSlice>();
        double[] buffer = [];   // one frame of doubles, reused for every frame (frames are large-object-heap sized)
        int position = -1;
        foreach (var (location, row) in bySlice)
        {
            position++;
            if (row.Any(f => f is null))
            {
                var missing = echoes.Where((_, e) => row[e] is null).Select(a => a.EchoTimeMs!.Value).ToList();
                var present = row.Where(f => f is not null).Select(f => f!.Path).Distinct().ToList();
                incomplete.Add(new IncompleteSlice(position, location, missing, present));
                warnings.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"slice {position} at {location:0.##} mm has {row.Count(f => f is not null)} of {echoes.Count} echoes (no frame at TE {string.Join(", ", missing)} ms; present in {string.Join(", ", present.Select(Path.GetFileName))}) and is left out: it has no result"));
                continue;
            }
            var planes = new ImagePlane[echoes.Count];
            for (int e = 0; e < echoes.Count; e++)
            {
                var f = row[e]!;
                var pixels = Pixels(f.Path);
                if (buffer.Length != pixels.Format.SamplesPerFrame) buffer = new double[pixels.Format.SamplesPerFrame];
                switch (scale)
                {
                    case PixelScale.Stored: pixels.GetStoredValues(f.FrameIndex, buffer); break;
                    case PixelScale.RealWorld: pixels.GetRealWorldValues(f.FrameIndex, buffer); break;
                    default: pixels.GetRescaledValues(f.FrameIndex, buffer); break;
                }
                var values = new float[buffer.Length];
                for (int i = 0; i < values.Length; i++) values[i] = (float)buffer[i];
                planes[e] = new ImagePlane(values, GeometryOf(f, pixels.Format), echoes[e].EchoTimeMs, $"{f.Path}#{f.FrameIndex}");
            }
            slices.Add(new MultiEchoSlice(position, location, planes[0].Geometry, planes));
        }
        if (slices.Count == 0) throw new ImagingException($"No slice of {described} has every echo: {string.Join("; ", warnings)}", series[0].SeriesInstanceUid);
        return new MultiEchoSeries(string.Join(" + ", series.Select(s => s.SeriesDescription ?? "")), string.Join(" + ", series.Select(s => s.SeriesInstanceUid)),
            [.. echoes.Select(a => a.EchoTimeMs!.Value)], slices, series[0].FieldStrengthT, series[0].Manufacturer, warnings, incomplete);
    }

    /// <summary>
    /// Loads a folder of NIfTI files (one echo per file, as dcm2niix writes them) with BIDS sidecars giving EchoTime
    /// in seconds. When the folder holds several series, <paramref name="seriesPrefix"/> selects one by file-name prefix.
    /// 4-D files contribute their first volume (with a warning).
    /// </summary>
    /// <exception cref="ImagingException">No NIfTI files, several series without a prefix, missing EchoTime, or echoes that do not share one grid.</exception>
    public static MultiEchoSeries FromNiftiFolder(string folder, string? seriesPrefix = null)
    {
        var groups = NiftiSeriesFiles.Find(folder);
        if (groups.Count == 0) throw new ImagingException("No .nii or .nii.gz files", folder);
        var chosen = seriesPrefix is null ? groups : groups.Where(g => g.Key.StartsWith(seriesPrefix, StringComparison.Ordinal)).ToList();
        if (chosen.Count != 1)
            throw new ImagingException(chosen.Count == 0
                ? $"No NIfTI series starts with '{seriesPrefix}'; series here: {string.Join(", ", groups.Select(g => g.Key))}"
                : $"{chosen.Count} NIfTI series in the folder; choose one by prefix: {string.Join(", ", groups.Select(g => g.Key))}", folder);

        var warnings = new List<string>();
        var echoes = new List<(double TeMs, NiftiImage Image, BidsSidecar Sidecar)>();
        foreach (var path in chosen[0].Files)
        {
            var sidecar = BidsSidecar.ForImage(path);
            var te = sidecar.EchoTimeSeconds ?? throw new ImagingException("BIDS sidecar has no EchoTime", new ErrorContext { FilePath = sidecar.Path, Tag = "EchoTime" });
            // BIDS gives EchoTime in seconds; 23.051 there is a millisecond value written into a seconds field, not a 23 s echo.
            if (!(te > 0 && te * 1000 >= PlausibleRange.MinEchoTimeMs && te * 1000 <= PlausibleRange.MaxEchoTimeMs))
            {
                string hint = te > 1 && te <= PlausibleRange.MaxEchoTimeMs ? FormattableString.Invariant($"; it looks like milliseconds ({te} ms = {te / 1000} s): fix the sidecar") : "";
                throw new ImagingException(FormattableString.Invariant(
                    $"EchoTime {te} is in seconds by the BIDS specification, and {te} s is not a plausible echo time ({PlausibleRange.MinEchoTimeMs / 1000}–{PlausibleRange.MaxEchoTimeMs / 1000} s){hint}"),
                    new ErrorContext { FilePath = sidecar.Path, Tag = "EchoTime" });
            }
            var image = NiftiReader.Read(path);
            if (image.Volumes > 1) warnings.Add($"{Path.GetFileName(path)} has {image.Volumes} volumes; the first was used");
            echoes.Add((te * 1000.0, image, sidecar));
        }
        echoes.Sort((a, b) => a.TeMs.CompareTo(b.TeMs));
        for (int e = 1; e < echoes.Count; e++)
            if (Math.Abs(echoes[e].TeMs - echoes[e - 1].TeMs) < 1e-6)
                throw new ImagingException($"Two files have echo time {echoes[e].TeMs} ms", echoes[e].Image.Path);

        var reference = echoes[0].Image;
        foreach (var (_, image, _) in echoes)
            if (!image.SameGridAs(reference))
                throw new ImagingException($"{Path.GetFileName(image.Path)} does not share the voxel grid of {Path.GetFileName(reference.Path)}", image.Path);

        // Slice index = voxel index k, as FSLeyes, ITK-SNAP and nibabel number NIfTI slices (whatever the direction of k
        // in patient space); each slice still carries its position along the normal.
        var slices = new List<MultiEchoSlice>();
        for (int k = 0; k < reference.Nz; k++)
        {
            var geometry = reference.SliceGeometry(k);
            var planes = echoes.Select(e => new ImagePlane(e.Image.SlicePixels(k, volume: 0), geometry, e.TeMs, $"{e.Image.Path}#k={k}")).ToArray();
            slices.Add(new MultiEchoSlice(k, geometry.SliceLocationMm, geometry, planes));
        }
        var first = echoes[0].Sidecar;
        return new MultiEchoSeries(first.SeriesDescription ?? chosen[0].Key, folder, [.. echoes.Select(e => e.TeMs)], slices,
            first.MagneticFieldStrengthT, first.Manufacturer, warnings);
    }

    /// <summary>
    /// A series from planes already in memory (simulations, notebooks, benchmarks): every slice must hold one plane per echo,
    /// all on the slice's grid.
    /// </summary>
    /// <param name="description">Series description.</param>
    /// <param name="echoTimesMs">Echo times, ms, strictly increasing.</param>
    /// <param name="slices">Slices in order.</param>
    /// <param name="fieldStrengthT">Field strength, tesla, or null.</param>
    /// <param name="source">Where the planes came from (for reports).</param>
    /// <exception cref="ArgumentException">No slice, unsorted echo times, or a slice whose echo count or grid differs.</exception>
    public static MultiEchoSeries FromPlanes(string description, IReadOnlyList<double> echoTimesMs, IReadOnlyList<MultiEchoSlice> slices,
        double? fieldStrengthT, string source = "memory")
    {
        ArgumentNullException.ThrowIfNull(echoTimesMs);
        ArgumentNullException.ThrowIfNull(slices);
        if (slices.Count == 0) throw new ArgumentException("No slice given.", nameof(slices));
        for (int e = 1; e < echoTimesMs.Count; e++)
            if (!(echoTimesMs[e] > echoTimesMs[e - 1])) throw new ArgumentException($"echoTimesMs must be strictly increasing at [{e}].", nameof(echoTimesMs));
        foreach (var s in slices)
        {
            if (s.Echoes.Count != echoTimesMs.Count)
                throw new ArgumentException($"Slice {s.Index} has {s.Echoes.Count} planes for {echoTimesMs.Count} echo times.", nameof(slices));
            if (s.Echoes.Any(p => p.Rows != s.Geometry.Rows || p.Columns != s.Geometry.Columns))
                throw new ArgumentException($"Slice {s.Index} has a plane that is not {s.Geometry.Columns} × {s.Geometry.Rows}.", nameof(slices));
        }
        return new MultiEchoSeries(description, source, [.. echoTimesMs], [.. slices], fieldStrengthT, null, []);
    }

    private static ImageGeometry GeometryOf(FrameReference f, DicomPixelFormat format)
    {
        var info = f.Info;
        if (info.ImagePositionPatientMm is not { Count: 3 } p || info.ImageOrientationPatient is not { Count: 6 } o || info.PixelSpacingMm is not { Count: 2 } s)
            throw new ImagingException("Frame lacks Image Position, Image Orientation or Pixel Spacing", $"{f.Path} frame {f.FrameIndex}");
        return new ImageGeometry(format.Rows, format.Columns, Vector3Mm.From(p), Vector3Mm.From(o).Normalized(), Vector3Mm.From(o, 3).Normalized(),
            s[0], s[1], info.SliceThicknessMm ?? double.NaN);
    }
}
