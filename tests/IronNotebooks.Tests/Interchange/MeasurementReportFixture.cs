using IronNotebooks.Calibration;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Imaging;
using IronNotebooks.Interchange;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;

namespace IronNotebooks.Tests.Interchange;

/// <summary>
/// ROI sets and measurement reports made from real inputs for the SR tests: the repository's synthetic 1.5 T phantom
/// (one enhanced multi-frame slice, LIC through Wood 2005) and the corpus's Siemens dcm_qa_me GRE (3 T, several slices,
/// LIC through the Hernando 3 T calibration). ROIs are placed where the R2* map is finite, one of each shape and a
/// patient-space circle on another slice when there is one.
/// </summary>
internal sealed record MeasurementReportFixture(string Folder, ImageCatalog Catalog, CatalogSeries Source, MultiEchoSeries Series,
    R2StarMapResult Map, RoiSet Set, MeasurementReportContent Content)
{
    public static string SampleFolder => Path.Combine(TestPaths.RepositoryRoot, "datasets", "sample");

    public static string CorpusFolder => TestPaths.CorpusFile("dcm_qa_me/In/2_me_FieldMap_GRE");

    public static MeasurementReportFixture Make(string which)
    {
        string folder = which == "sample" ? SampleFolder : CorpusFolder;
        var catalog = ImageCatalog.Scan(folder);
        var source = catalog.AllSeries.First(s => s.MagnitudeEchoTimesMs.Count > 1);
        var series = MultiEchoSeries.FromCatalog(source);
        var map = R2StarMap.Compute(series, series.EchoTimesMs.Count >= 3 ? DecayModels.Arlo : DecayModels.LogLinear);
        var calibration = series.FieldStrengthT is { } t && Math.Abs(t - 3) < 0.05 ? RelaxometryCalibrations.Hernando3T : RelaxometryCalibrations.Wood2005;

        // Pixel ROIs on the slice with most finite R2* (named by the set's reference image), the patient-space one on the next best.
        var bySlice = Enumerable.Range(0, map.Slices.Count).OrderByDescending(s => map.Slices[s].R2StarPerSecond.Count(v => float.IsFinite(v) && v > 0)).ToList();
        int pixelSlice = bySlice[0], last = bySlice.Count > 1 ? bySlice[1] : bySlice[0];
        var origin = series.Slices[pixelSlice].Geometry.OriginMm;
        var referenceFile = source.Acquisitions.SelectMany(a => a.FrameReferences)
            .First(r => r.Info.ImagePositionPatientMm is { Count: 3 } p && (Vector3Mm.From(p) - origin).Length < 0.01).Path;
        var centres = FiniteCentres(map.Slices[pixelSlice], 4, 5);
        var rois = new List<RoiShape>
        {
            new CircleRoi("liver-1", RoiRole.Liver, RoiSpace.Pixel, centres[0], 3.5),
            new EllipseRoi("muscle-left", RoiRole.MuscleLeftParaspinal, RoiSpace.Pixel, centres[1], 4, 2.5, 30),
            new RectangleRoi("muscle-right", RoiRole.MuscleRightParaspinal, RoiSpace.Pixel,
                new RoiPoint(centres[2].X - 3, centres[2].Y - 2), new RoiPoint(centres[2].X + 3, centres[2].Y + 2)),
            new PolygonRoi("vial-a", RoiRole.PhantomVial, RoiSpace.Pixel,
                [.. Enumerable.Range(0, 5).Select(k => new RoiPoint(centres[3].X + 3.5 * Math.Cos(2 * Math.PI * k / 5), centres[3].Y + 3.5 * Math.Sin(2 * Math.PI * k / 5)))]),
        };
        // A patient-space circle on another slice when the series has several.
        var g = series.Slices[last].Geometry;
        var c = FiniteCentres(map.Slices[last], 4, last == pixelSlice ? 5 : 1)[^1];
        var centre = g.PixelToPatient(c.X, c.Y);
        rois.Add(new CircleRoi("spleen", RoiRole.Spleen, RoiSpace.PatientMm, new RoiPoint(centre.X, centre.Y, centre.Z), 3 * g.ColumnSpacingMm));
        var set = new RoiSet("SR test ROIs", Path.GetRelativePath(folder, referenceFile), rois);
        var content = RoiReportBuilder.Build(source, series, map, set, calibration, folder);
        return new MeasurementReportFixture(folder, catalog, source, series, map, set, content);
    }

    /// <summary>Centres (whole pixels) whose disc of <paramref name="radius"/> + 1 holds only finite R2*, at least 10 pixels apart.</summary>
    private static List<RoiPoint> FiniteCentres(R2StarMapSlice slice, int radius, int count)
    {
        var found = new List<RoiPoint>();
        int r = radius + 1;
        for (int y = r; y < slice.Rows - r && found.Count < count; y++)
            for (int x = r; x < slice.Columns - r && found.Count < count; x++)
            {
                if (found.Any(p => Math.Abs(p.X - x) + Math.Abs(p.Y - y) < 10)) continue;
                bool ok = true;
                for (int dy = -r; dy <= r && ok; dy++)
                    for (int dx = -r; dx <= r && ok; dx++)
                        ok = float.IsFinite(slice.R2StarPerSecond[(y + dy) * slice.Columns + x + dx]) && slice.R2StarPerSecond[(y + dy) * slice.Columns + x + dx] > 0;
                if (ok) found.Add(new RoiPoint(x, y));
            }
        if (found.Count < count) throw new InvalidOperationException($"Only {found.Count} finite ROI positions on slice {slice.SliceIndex}.");
        return found;
    }
}
