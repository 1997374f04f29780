using IronNotebooks.Roi;
using IronNotebooks.Simulation;
using Xunit;

namespace IronNotebooks.Tests.Simulation;

public sealed class VirtualAnatomyTests
{
    private static readonly Dictionary<RoiRole, Tissue> TissueOfRole = new()
    {
        [RoiRole.Liver] = Tissue.Liver, [RoiRole.MuscleLeftParaspinal] = Tissue.Muscle, [RoiRole.MuscleRightParaspinal] = Tissue.Muscle,
        [RoiRole.Background] = Tissue.Air, [RoiRole.Spleen] = Tissue.Spleen, [RoiRole.Lesion] = Tissue.Lesion, [RoiRole.HeartSeptum] = Tissue.HeartSeptum,
        [RoiRole.PhantomVial] = Tissue.PhantomVial, [RoiRole.Other] = Tissue.PhantomWater,
    };

    [Theory]
    [InlineData(64)]
    [InlineData(128)]
    [InlineData(256)]
    public void EveryGroundTruthRoi_CoversOnlyItsOwnTissue(int matrix)
    {
        var abdomen = VirtualAnatomy.Abdomen(new AnatomyOptions(matrix, Lesions: [FocalLesion.Default], IncludeHeartSeptum: true));
        var phantom = VirtualAnatomy.Phantom(SyntheticExamWriter.DefaultVials(1.5), new AnatomyOptions(matrix));
        foreach (var anatomy in new[] { abdomen, phantom })
            foreach (var roi in anatomy.Rois.Rois)
            {
                var mask = RoiRasterizer.Rasterize(roi, anatomy.Geometry);
                Assert.True(mask.PixelIndices.Count >= 3, $"{roi.Name} at {matrix}: {mask.PixelIndices.Count} pixels");
                Assert.All(mask.PixelIndices, i => Assert.Equal(TissueOfRole[roi.Role], anatomy.Labels[i]));
            }
        Assert.Equal(["liver-1", "liver-2", "liver-3", "muscle-right", "muscle-left", "background", "spleen", "lesion-1", "septum"],
            abdomen.Rois.Rois.Select(r => r.Name));
    }

    [Fact]
    public void Abdomen_IsInRadiologicalOrientation_LiverOnTheImageLeftAndSpineAtTheBottom()
    {
        var a = VirtualAnatomy.Abdomen(new AnatomyOptions(128));
        var liver = (CircleRoi)a.Rois["liver-1"];
        var right = (CircleRoi)a.Rois["muscle-right"];
        var left = (CircleRoi)a.Rois["muscle-left"];
        Assert.True(liver.Center.X < 64, "the liver (patient right) is on the image left");
        Assert.True(right.Center.X < left.Center.X, "the right paraspinal muscle is on the image left");
        Assert.True(right.Center.Y > 90, "paraspinal muscles are posterior (bottom of the image)");
        Assert.Equal(Tissue.Air, a[0, 0]);
        Assert.Equal(Tissue.Bone, a[64, 64 + (int)Math.Round(60 / a.Geometry.RowSpacingMm)]);
    }

    [Fact]
    public void ALesionOutsideTheLiverOrOnAnRoi_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => VirtualAnatomy.Abdomen(new AnatomyOptions(128, Lesions: [new FocalLesion(100, 35, 10)])));
        Assert.Throws<ArgumentException>(() => VirtualAnatomy.Abdomen(new AnatomyOptions(128, Lesions: [new FocalLesion(-105, -15, 8)])));
        Assert.Throws<ArgumentOutOfRangeException>(() => VirtualAnatomy.Abdomen(new AnatomyOptions(16)));
    }
}
