using IronNotebooks.Calibration;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Relaxometry;

namespace IronNotebooks.Imaging;

/// <summary>
/// (In Imaging, the DICOM side of the library: Relaxometry stays free of the DICOM assembly.)
/// R2* and LIC maps as DICOM Parametric Maps (float32, Real World Value Mapping in UCUM: "1/s" for R2*, "mg/g" for
/// LIC), referencing the source series, its images and frame of reference. The classic MR output (16-bit, rescale
/// 0.1 s⁻¹) stays for viewers that need it; this is the form quantitative tools read as a map.
/// </summary>
public static class R2StarParametricMap
{
    /// <summary>UCUM per second.</summary>
    public static DicomCode PerSecond { get; } = new("1/s", "UCUM", "per second");

    /// <summary>UCUM milligram per gram (LIC, dry weight).</summary>
    public static DicomCode MilligramPerGram { get; } = new("mg/g", "UCUM", "milligram per gram");

    /// <summary>The R2* map of <paramref name="series"/> (made from <paramref name="source"/>) as Parametric Map content.</summary>
    /// <exception cref="ArgumentException">The map and the series disagree in slices or size, or the source has no DICOM frames.</exception>
    public static ParametricMapContent ForR2Star(R2StarMapResult map, MultiEchoSeries series, CatalogSeries source) =>
        Content(map, series, source, [.. map.Slices.Select(s => s.R2StarPerSecond)], new ParametricMapQuantity
        {
            Label = "R2*", Units = PerSecond,
            Explanation = Clip($"R2* (1/s), {map.Model} fit of {map.EchoTimesMs.Count} echoes, IronNotebooks"),
        }, "R2STAR", $"R2* map ({map.Model})");

    /// <summary>
    /// The LIC map through a named R2* calibration: pixels whose LIC falls outside the calibration's validity range
    /// (or whose R2* is not a number) are NaN, never extrapolated; the LUT Explanation names the calibration and range.
    /// </summary>
    /// <exception cref="ArgumentException">The calibration is not an R2* calibration, or was derived at another field than the series.</exception>
    public static ParametricMapContent ForLic(R2StarMapResult map, MultiEchoSeries series, CatalogSeries source, RelaxometryCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        if (calibration.Quantity != RelaxationQuantity.R2Star)
            throw new ArgumentException($"Calibration {calibration.Name} converts {calibration.Quantity}, not R2*.", nameof(calibration));
        if (series.FieldStrengthT is not { } field || Math.Abs(field - calibration.FieldStrengthT) > 0.05)
            throw new ArgumentException($"Calibration {calibration.Name} is for {calibration.FieldStrengthT} T; the series is at {series.FieldStrengthT?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "an unknown field"} T. Convert R2* between fields explicitly first.", nameof(calibration));
        double lo = calibration.ValidityMinMgPerGram ?? double.NegativeInfinity, hi = calibration.ValidityMaxMgPerGram ?? double.PositiveInfinity;
        var frames = map.Slices.Select(s => s.R2StarPerSecond.Select(r =>
        {
            double lic = float.IsFinite(r) ? calibration.ToMgPerGram(r) : double.NaN;
            return lic >= lo && lic <= hi ? (float)lic : float.NaN;
        }).ToArray()).ToArray();
        return Content(map, series, source, frames, new ParametricMapQuantity
        {
            Label = "LIC", Units = MilligramPerGram,
            Explanation = Clip($"LIC mg/g dw, {calibration.Name} {calibration.FieldStrengthT} T, valid {calibration.ValidityRange}"),
        }, "LIC", $"LIC map ({calibration.Title}, {map.Model} R2*)");
    }

    private static ParametricMapContent Content(R2StarMapResult map, MultiEchoSeries series, CatalogSeries source, float[][] values,
        ParametricMapQuantity quantity, string label, string description)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(source);
        if (map.Slices.Count != series.Slices.Count)
            throw new ArgumentException($"The map has {map.Slices.Count} slice(s), the series {series.Slices.Count}.", nameof(map));
        var references = source.Acquisitions.SelectMany(a => a.FrameReferences).ToList();
        if (references.Count == 0) throw new ArgumentException($"Series {source.SeriesInstanceUid} has no DICOM frames to reference.", nameof(source));

        // One dataset per source file, for its SOP UIDs (and the first for patient, study and frame of reference).
        var files = references.Select(r => r.Path).Distinct().ToDictionary(p => p, p => DicomFile.Open(p).Dataset);
        var first = files[references[0].Path];
        var g = series.Slices[0].Geometry;
        var frames = new List<ParametricMapFrame>();
        for (int s = 0; s < map.Slices.Count; s++)
        {
            var geometry = series.Slices[s].Geometry;
            if (map.Slices[s].Columns != geometry.Columns || map.Slices[s].Rows != geometry.Rows)
                throw new ArgumentException($"Map slice {s} is {map.Slices[s].Columns}×{map.Slices[s].Rows}, the series slice {geometry.Columns}×{geometry.Rows}.", nameof(map));
            var origin = geometry.OriginMm;
            var sources = references
                .Where(r => r.Info.ImagePositionPatientMm is { Count: 3 } p && Math.Abs(p[0] - origin.X) < 0.01 && Math.Abs(p[1] - origin.Y) < 0.01 && Math.Abs(p[2] - origin.Z) < 0.01)
                .Select(r => new DicomSourceImage(files[r.Path].GetString(DicomTags.SOPClassUID), files[r.Path].GetString(DicomTags.SOPInstanceUID)))
                .Distinct().ToList();
            frames.Add(new ParametricMapFrame { Values = values[s], ImagePositionPatientMm = [origin.X, origin.Y, origin.Z], SourceImages = sources });
        }
        return new ParametricMapContent
        {
            Geometry = g.ToDerivedImageGeometry(), Frames = frames, Quantity = quantity, Source = first, SourceSeriesInstanceUid = source.SeriesInstanceUid,
            SeriesDescription = Clip(description), ContentLabel = label, ContentDescription = Clip(description),
        };
    }

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64];
}
