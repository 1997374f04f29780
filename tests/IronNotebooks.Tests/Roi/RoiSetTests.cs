using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using Xunit;

namespace IronNotebooks.Tests.Roi;

public class RoiSetTests
{
    private static RoiSet EveryShape() => new("reader A, 2026-11-22", "series 5 slice 12",
    [
        new CircleRoi("liver-1", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(30, 40), 6),
        new CircleRoi("liver-mm", RoiRole.Liver, RoiSpace.PatientMm, new RoiPoint(-80.5, 20.25, 110), 8),
        new EllipseRoi("spleen", RoiRole.Spleen, RoiSpace.Pixel, new RoiPoint(90, 40), 8, 5, 20),
        new RectangleRoi("air", RoiRole.Background, RoiSpace.Pixel, new RoiPoint(0, 0), new RoiPoint(9, 9)),
        new PolygonRoi("lesion", RoiRole.Lesion, RoiSpace.Pixel, [new(1, 1), new(5, 1), new(3, 4)]),
        new MaskRoi("drawn", RoiRole.MuscleLeftParaspinal, 128, 128, [130, 131, 258]),
    ]);

    [Fact]
    public void Json_RoundTripsEveryShapeWithSchemaAndVersion()
    {
        var set = EveryShape();
        var json = set.ToJson();
        Assert.Contains("\"schema\": \"ironnotebooks/roi-set\"", json);
        Assert.Contains("\"version\": 1", json);
        Assert.Contains("\"shape\": \"ellipse\"", json);
        Assert.Contains("\"role\": \"muscleLeftParaspinal\"", json);
        var back = RoiSet.FromJson(json);
        Assert.Equal(json, back.ToJson());
        Assert.IsType<MaskRoi>(back["drawn"]);
        Assert.Equal(new RoiPoint(-80.5, 20.25, 110), ((CircleRoi)back["liver-mm"]).Center);
    }

    [Fact]
    public void Json_FromANewerVersion_IsRefused()
    {
        var json = EveryShape().ToJson().Replace("\"version\": 1", "\"version\": 2");
        Assert.Contains("version 2", Assert.Throws<FormatException>(() => RoiSet.FromJson(json, "x.json")).Message);
    }

    [Fact]
    public void Json_WithDuplicateNames_IsRefused()
    {
        var set = new RoiSet("", null, [new CircleRoi("a", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(5, 5), 2),
            new CircleRoi("a", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(9, 9), 2)]);
        Assert.Contains("two ROIs named 'a'", Assert.Throws<FormatException>(() => RoiSet.FromJson(set.ToJson())).Message);
    }

    [Fact]
    public void Json_NotAnRoiSet_SaysSo()
    {
        Assert.Contains("Not an ROI set", Assert.Throws<FormatException>(() => RoiSet.FromJson("{\"rois\": []}")).Message);
        Assert.Contains("Invalid ROI set JSON", Assert.Throws<FormatException>(() => RoiSet.FromJson("{\"schema\": \"ironnotebooks/roi-set\", \"version\": 1, \"rois\": [{\"shape\": \"hexagon\"}]}")).Message);
    }

    [Fact]
    public void RennesTemplate_HasThreeLiverAndTwoMuscleRoisThatFitTheImage()
    {
        var g = new ImageGeometry(256, 256, new Vector3Mm(0, 0, 0), new Vector3Mm(1, 0, 0), new Vector3Mm(0, 1, 0), 1.5, 1.5, 8);
        var set = RoiTemplates.Rennes(g);
        Assert.Equal(3, set.Rois.Count(r => r.Role == RoiRole.Liver));
        Assert.Single(set.Rois, r => r.Role == RoiRole.MuscleLeftParaspinal);
        Assert.Single(set.Rois, r => r.Role == RoiRole.MuscleRightParaspinal);
        foreach (var roi in set.Rois)
        {
            var mask = RoiRasterizer.Rasterize(roi, g);
            double diameterMm = 2 * Math.Sqrt(mask.PixelIndices.Count * g.PixelAreaMm2 / Math.PI);
            Assert.InRange(diameterMm, roi.Role == RoiRole.Liver ? 14 : 10, roi.Role == RoiRole.Liver ? 18 : 14);
        }
        // Patient right (liver) is on the image left in radiological display, so liver ROIs sit left of the muscles.
        Assert.True(set.Rois.Where(r => r.Role == RoiRole.Liver).Max(r => ((CircleRoi)r).Center.X)
                    < set.Rois.Where(r => r.Role != RoiRole.Liver).Min(r => ((CircleRoi)r).Center.X));
    }
}
