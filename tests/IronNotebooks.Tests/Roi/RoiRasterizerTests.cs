using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using Xunit;

namespace IronNotebooks.Tests.Roi;

public class RoiRasterizerTests
{
    /// <summary>A 40 × 30 axial plane with anisotropic pixels: rows 2 mm apart, columns 1 mm apart, 6 mm thick.</summary>
    private static readonly ImageGeometry Plane = new(30, 40, new Vector3Mm(-20, -15, 50), new Vector3Mm(1, 0, 0), new Vector3Mm(0, 1, 0), 2.0, 1.0, 6);

    private static RoiMask Rasterize(RoiShape roi) => RoiRasterizer.Rasterize(roi, Plane);

    [Fact]
    public void Rectangle_IncludesBothCorners()
    {
        var mask = Rasterize(new RectangleRoi("r", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(10, 5), new RoiPoint(19, 14)));
        Assert.Equal(100, mask.PixelIndices.Count);
        Assert.Equal(5 * 40 + 10, mask.PixelIndices[0]);
        Assert.Equal(14 * 40 + 19, mask.PixelIndices[^1]);
    }

    [Fact]
    public void PixelCircle_OfRadiusTwo_CoversTheThirteenCentresWithinTwo()
    {
        // Centres with dx² + dy² ≤ 4: the 3×3 block plus the four at distance 2 on the axes.
        Assert.Equal(13, Rasterize(new CircleRoi("c", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(20, 15), 2)).PixelIndices.Count);
    }

    [Fact]
    public void MillimetreCircle_OnAnisotropicPixels_StaysRoundInMillimetres()
    {
        // Radius 4 mm: ±4 columns (1 mm) but only ±2 rows (2 mm).
        var centre = Plane.PixelToPatient(20, 15);
        var mask = Rasterize(new CircleRoi("c", RoiRole.Liver, RoiSpace.PatientMm, new RoiPoint(centre.X, centre.Y, centre.Z), 4));
        var xs = mask.PixelIndices.Select(i => i % 40).ToArray();
        var ys = mask.PixelIndices.Select(i => i / 40).ToArray();
        Assert.Equal((16, 24), (xs.Min(), xs.Max()));
        Assert.Equal((13, 17), (ys.Min(), ys.Max()));
        double expectedAreaMm2 = mask.PixelIndices.Count * Plane.PixelAreaMm2;
        Assert.InRange(expectedAreaMm2, Math.PI * 16 * 0.8, Math.PI * 16 * 1.2);
    }

    [Fact]
    public void MillimetreRoi_OffTheSlice_IsRejectedWithTheDistance()
    {
        var centre = Plane.PixelToPatient(20, 15);
        var e = Assert.Throws<RoiException>(() => Rasterize(new CircleRoi("far", RoiRole.Liver, RoiSpace.PatientMm, new RoiPoint(centre.X, centre.Y, centre.Z + 10), 4)));
        Assert.Equal("far", e.RoiName);
        Assert.Contains("10.00 mm from this slice", e.Message);
    }

    [Theory]
    [InlineData(1, 1, 3)]     // reaches x = −2
    [InlineData(38, 15, 2)]   // reaches x = 40
    [InlineData(20, 28.6, 1)] // reaches y = 29.6
    public void RoiReachingOutsideTheImage_IsAnErrorNamingIt(double cx, double cy, double r)
    {
        var e = Assert.Throws<RoiException>(() => Rasterize(new CircleRoi("edge", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(cx, cy), r)));
        Assert.Contains("'edge'", e.Message);
        Assert.Contains("outside", e.Message);
    }

    [Fact]
    public void RoiCoveringNoPixelCentre_IsAnErrorNotAnEmptyResult()
    {
        var e = Assert.Throws<RoiException>(() => Rasterize(new CircleRoi("tiny", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(10.5, 10.5), 0.3)));
        Assert.Contains("no pixel centre", e.Message);
    }

    [Fact]
    public void Polygon_UsesTheEvenOddRuleOnPixelCentres()
    {
        // A right triangle with legs of 10 pixels, vertices half a pixel off the grid so no centre is on an edge.
        var mask = Rasterize(new PolygonRoi("t", RoiRole.Lesion, RoiSpace.Pixel, [new(4.5, 4.5), new(14.5, 4.5), new(4.5, 14.5)]));
        // Centres (x, y) with 5 ≤ x, 5 ≤ y and x + y < 19 (below the hypotenuse): 9 + 8 + … + 1.
        Assert.Equal(45, mask.PixelIndices.Count);
    }

    [Fact]
    public void RotatedEllipse_IsSymmetricUnderHalfTurn()
    {
        var mask = Rasterize(new EllipseRoi("e", RoiRole.Spleen, RoiSpace.Pixel, new RoiPoint(20, 15), 8, 3, 35));
        var set = mask.PixelIndices.ToHashSet();
        Assert.All(mask.PixelIndices, i => Assert.Contains((30 - i / 40) * 40 + (40 - i % 40), set));
    }

    [Fact]
    public void Mask_FromAnotherMatrix_IsRejected()
    {
        var e = Assert.Throws<RoiException>(() => Rasterize(new MaskRoi("m", RoiRole.Liver, 64, 64, [1, 2, 3])));
        Assert.Contains("64×64", e.Message);
    }
}
