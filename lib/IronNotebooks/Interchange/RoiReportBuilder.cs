using System.Globalization;
using IronNotebooks.Calibration;
using IronNotebooks.Dicom;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;
using IronNotebooks.Reproduction;
using IronNotebooks.Roi;

namespace IronNotebooks.Interchange;

/// <summary>
/// Measures an ROI set on an R2* map of a DICOM multi-echo series and returns the report content: per ROI the mean and
/// SD (n − 1) of the map's R2* over the pixels whose centre lies in the ROI (docs/methods.md §6.4), the pixel count and
/// area, and — through an R2* calibration at the series' field — the LIC of the ROI mean, reported only inside the
/// calibration's validity range (never extrapolated; the parameters say so when it is left out).
/// </summary>
public static class RoiReportBuilder
{
    /// <summary>Builds the report content.</summary>
    /// <param name="source">The catalogued DICOM series the map was computed from (its files are referenced).</param>
    /// <param name="series">The same series as loaded.</param>
    /// <param name="map">Its R2* map.</param>
    /// <param name="rois">The ROIs: pixel ROIs lie on the slice of the set's reference image (slice 0 when it names none), patient ROIs on the slice they are within half a thickness of.</param>
    /// <param name="calibration">R2* calibration for the LIC, or null for R2* only.</param>
    /// <param name="examFolder">Folder the set's reference image is relative to.</param>
    /// <param name="pixelPlaneOriginMm">Origin of the plane pixel ROIs lie on, when the caller has decided it (overrides the reference image).</param>
    /// <exception cref="RoiException">An ROI is outside every slice, empty or covers pixels without R2*.</exception>
    /// <exception cref="ArgumentException">Map and series disagree, the calibration is not R2* or is for another field.</exception>
    public static MeasurementReportContent Build(CatalogSeries source, MultiEchoSeries series, R2StarMapResult map, RoiSet rois,
        RelaxometryCalibration? calibration = null, string? examFolder = null, Vector3Mm? pixelPlaneOriginMm = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(rois);
        if (map.Slices.Count != series.Slices.Count) throw new ArgumentException($"The map has {map.Slices.Count} slice(s), the series {series.Slices.Count}.", nameof(map));
        if (calibration is not null)
        {
            if (calibration.Quantity != RelaxationQuantity.R2Star) throw new ArgumentException($"Calibration {calibration.Name} converts {calibration.Quantity}, not R2*.", nameof(calibration));
            if (series.FieldStrengthT is not { } field || Math.Abs(field - calibration.FieldStrengthT) > 0.05)
                throw new ArgumentException($"Calibration {calibration.Name} is for {calibration.FieldStrengthT.ToString(CultureInfo.InvariantCulture)} T; the series is at {series.FieldStrengthT?.ToString(CultureInfo.InvariantCulture) ?? "an unknown field"} T.", nameof(calibration));
        }
        var references = source.Acquisitions.SelectMany(a => a.FrameReferences).ToList();
        if (references.Count == 0) throw new ArgumentException($"Series {source.SeriesInstanceUid} has no DICOM frames to reference.", nameof(source));
        var headers = new Dictionary<string, DicomDataset>(StringComparer.Ordinal);
        DicomDataset Header(string path) => headers.TryGetValue(path, out var h) ? h
            : headers[path] = DicomFile.Open(path, new IronNotebooks.Dicom.IO.DicomReadOptions { ReadPixelData = false }).Dataset;

        int referenceSlice = pixelPlaneOriginMm is { } o ? SliceAt(series, o) ?? 0 : ReferenceSlice(rois, series, references, examFolder);
        string version = LibraryBuild.Current.Version;
        var entries = new List<RoiReportEntry>();
        foreach (var roi in rois.Rois)
        {
            int s = roi switch
            {
                { Space: RoiSpace.PatientMm } => SliceOf(roi, series),
                MaskRoi { PlaneOriginMm: { } p } => SliceAt(series, new Vector3Mm(p.X, p.Y, p.Z))
                    ?? throw new RoiException(roi.Name, $"its plane ({p.X}, {p.Y}, {p.Z}) mm is not a slice of {series.Source}"),
                _ => referenceSlice,
            };
            var geometry = series.Slices[s].Geometry;
            var plane = new ImagePlane(map.Slices[s].R2StarPerSecond, geometry, null, $"R2* map slice {s} of {series.Source}");
            var stats = RoiMeasurement.Measure(plane, roi);
            var frame = references.Where(r => r.Info.ImagePositionPatientMm is { Count: 3 } p && (Vector3Mm.From(p) - geometry.OriginMm).Length < 0.01)
                .OrderBy(r => r.Info.EchoTimeMs ?? double.MaxValue).FirstOrDefault()
                ?? throw new RoiException(roi.Name, $"slice {s} of the map has no source DICOM frame at its position");
            var header = Header(frame.Path);
            bool multiFrame = header.GetIntOrDefault(DicomTags.NumberOfFrames, 1) > 1;
            var image = new RoiReportImage
            {
                SopClassUid = header.GetString(DicomTags.SOPClassUID), SopInstanceUid = header.GetString(DicomTags.SOPInstanceUID),
                FrameNumber = multiFrame ? frame.FrameIndex + 1 : null, StudyInstanceUid = header.GetString(DicomTags.StudyInstanceUID),
                SeriesInstanceUid = header.GetString(DicomTags.SeriesInstanceUID), Geometry = geometry,
            };
            entries.Add(new RoiReportEntry { Roi = roi, Image = image, Values = Values(stats, map, calibration, version) });
        }
        return new MeasurementReportContent
        {
            Entries = entries, Source = Header(references[0].Path), SoftwareVersion = version,
            SeriesDescription = calibration is null ? $"ROI R2* ({map.Model})" : $"ROI R2* ({map.Model}) and LIC ({calibration.Name})",
        };
    }

    private static RoiReportValues Values(RoiStatistics stats, R2StarMapResult map, RelaxometryCalibration? calibration, string version)
    {
        var values = new RoiReportValues
        {
            R2StarMeanPerSecond = stats.Mean, R2StarSdPerSecond = stats.Sd, PixelCount = stats.PixelCount, AreaMm2 = stats.AreaMm2,
            R2StarAlgorithm = "IronNotebooks R2* map, ROI statistics", AlgorithmVersion = version,
            R2StarParameters =
            [
                $"decay model: {map.Model}",
                "echo times (ms): " + string.Join(", ", map.EchoTimesMs.Select(t => t.ToString("0.###", CultureInfo.InvariantCulture))),
                "statistic: mean and SD (n-1) of pixelwise R2* over pixels whose centre lies in the ROI",
            ],
        };
        if (calibration is null) return values;
        double lic = calibration.ToMgPerGram(stats.Mean);
        bool inRange = double.IsFinite(lic) && lic >= (calibration.ValidityMinMgPerGram ?? double.NegativeInfinity) && lic <= (calibration.ValidityMaxMgPerGram ?? double.PositiveInfinity);
        return values with
        {
            LicMgPerGram = inRange ? lic : null,
            LicUmolPerGram = inRange ? lic * LiverIronConcentration.UmolPerMg : null,
            Calibration = calibration.Name,
            CalibrationParameters = [.. new[]
            {
                $"calibration: {calibration.Title}; {calibration.Formula}",
                $"field strength (T): {calibration.FieldStrengthT.ToString(CultureInfo.InvariantCulture)}",
                $"validity range: {calibration.ValidityRange}",
                "applied to: the ROI mean R2*",
                $"status: {calibration.StatusNote}",
            }.Select(AsciiText)],
        };
    }

    /// <summary>
    /// The few typographic symbols of the calibration texts in ASCII (en dash, middle dot, times, micro, superscripts), so
    /// that a report of ASCII names stays in DICOM's default repertoire, which every reader and DCMTK's checker handle.
    /// </summary>
    internal static string AsciiText(string text) => text
        .Replace('–', '-').Replace('—', '-').Replace('·', '*').Replace('×', 'x').Replace('−', '-').Replace("µ", "u", StringComparison.Ordinal)
        .Replace("⁻¹", "^-1", StringComparison.Ordinal).Replace('²', '2').Replace('³', '3').Replace("≤", "<=", StringComparison.Ordinal).Replace("≥", ">=", StringComparison.Ordinal);

    /// <summary>The slice of the set's reference image, or 0 (as <see cref="Exams.ExamRois"/> measures a set without one).</summary>
    private static int ReferenceSlice(RoiSet rois, MultiEchoSeries series, List<FrameReference> references, string? examFolder)
    {
        if (rois.ReferenceImage is not { Length: > 0 } refImage) return 0;
        string full = Path.GetFullPath(Path.IsPathRooted(refImage) || examFolder is null ? refImage : Path.Combine(examFolder, refImage));
        var frame = references.FirstOrDefault(r => string.Equals(Path.GetFullPath(r.Path), full, StringComparison.Ordinal));
        return frame?.Info.ImagePositionPatientMm is { Count: 3 } p ? SliceAt(series, Vector3Mm.From(p)) ?? 0 : 0;
    }

    private static int? SliceAt(MultiEchoSeries series, Vector3Mm origin)
    {
        for (int s = 0; s < series.Slices.Count; s++)
            if ((origin - series.Slices[s].Geometry.OriginMm).Length < 0.01) return s;
        return null;
    }

    private static int SliceOf(RoiShape roi, MultiEchoSeries series)
    {
        RoiException? last = null;
        for (int s = 0; s < series.Slices.Count; s++)
        {
            try { RoiRasterizer.Rasterize(roi, series.Slices[s].Geometry); return s; }
            catch (RoiException e) { last = e; }
        }
        throw new RoiException(roi.Name, $"lies on no slice of {series.Source} ({last?.Reason})");
    }
}
