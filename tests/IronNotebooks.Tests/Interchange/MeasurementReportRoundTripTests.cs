using IronNotebooks.Dicom;
using IronNotebooks.Dicom.StructuredReporting;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Interchange;
using IronNotebooks.Roi;
using Xunit;

namespace IronNotebooks.Tests.Interchange;

/// <summary>RoiSet + measurements → TID 1500 SR → RoiSet + measurements gives the same ROIs (same pixels, same parameters
/// within float32 precision of Graphic Data) and the same values, on the synthetic phantom and a corpus series.</summary>
public sealed class MeasurementReportRoundTripTests
{
    public static TheoryData<string> Inputs() => new() { "sample", "corpus" };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void WriteThenRead_GivesTheSameRoisAndValues(string which)
    {
        if (which == "corpus" && TestPaths.Corpus is null && !Requirements.RequireAll) return;   // corpus absent: covered by "sample"
        var f = MeasurementReportFixture.Make(which);
        var dir = Directory.CreateTempSubdirectory("ironnb-sr-").FullName;
        try
        {
            var path = Path.Combine(dir, "rois-sr.dcm");
            MeasurementReportWriter.Write(path, f.Content);
            var read = MeasurementReportReader.Read(path, new MeasurementReportReadOptions { ResolveImage = MeasurementReportReadOptions.ImagesOf(f.Catalog) });

            Assert.Equal("ironnb", read.ObserverName);
            Assert.Equal(f.Content.Entries.Select(e => e.Roi.Name), read.Entries.Select(e => e.Roi.Name));
            Assert.Equal(f.Set.Rois.Select(r => r.Role), read.Rois.Rois.Select(r => r.Role));
            for (int i = 0; i < f.Content.Entries.Count; i++)
            {
                var written = f.Content.Entries[i];
                var back = read.Entries[i];
                Assert.Equal(written.Image.SopInstanceUid, back.Image.SopInstanceUid);
                Assert.Equal(written.Image.FrameNumber, back.Image.FrameNumber);
                Assert.Equal(written.Image.SeriesInstanceUid, back.Image.SeriesInstanceUid);
                // The same pixels on the image the ROI was measured on, for the ROI as read and as placed in the set.
                var g = written.Image.Geometry!;
                var expected = RoiRasterizer.Rasterize(written.Roi, g).PixelIndices;
                Assert.Equal(expected, RoiRasterizer.Rasterize(back.Roi, g).PixelIndices);
                Assert.Equal(expected, RoiRasterizer.Rasterize(read.Rois.Rois[i], g).PixelIndices);
                Assert.Equal(expected.Count, back.Values.PixelCount);
                if (written.Roi.Space == RoiSpace.Pixel) AssertSameShape(written.Roi, back.Roi);

                var v = written.Values;
                var b = back.Values;
                Assert.Equal((v.R2StarMeanPerSecond, v.R2StarSdPerSecond, v.PixelCount, v.AreaMm2), (b.R2StarMeanPerSecond, b.R2StarSdPerSecond, b.PixelCount, b.AreaMm2));
                Assert.Equal((v.LicMgPerGram, v.LicUmolPerGram, v.Calibration), (b.LicMgPerGram, b.LicUmolPerGram, b.Calibration));
                Assert.Equal(v.R2StarParameters, b.R2StarParameters);
                Assert.Equal(v.CalibrationParameters, b.CalibrationParameters);
                Assert.Equal(v.R2StarAlgorithm, b.R2StarAlgorithm);
                Assert.Equal(v.AlgorithmVersion, b.AlgorithmVersion);
            }
            // One image: the set is in its pixel space with that file as reference image; several: patient mm.
            bool oneImage = f.Content.Entries.Select(e => e.Image.SopInstanceUid + e.Image.FrameNumber).Distinct().Count() == 1;
            Assert.Equal(oneImage, read.Rois.ReferenceImage is not null);
            Assert.Equal(oneImage, read.Rois.Rois.All(r => r.Space == RoiSpace.Pixel));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void LicOutsideTheCalibrationRange_IsLeftOutNeverExtrapolated()
    {
        var f = MeasurementReportFixture.Make("sample");
        var wood = IronNotebooks.Calibration.RelaxometryCalibrations.Wood2005;
        foreach (var e in f.Content.Entries)
        {
            double mean = e.Values.R2StarMeanPerSecond!.Value;
            double lic = 0.0254 * mean + 0.202;   // Wood 2005 (docs/methods.md §3), independent of the library's formula object
            bool inRange = lic >= wood.ValidityMinMgPerGram && lic <= wood.ValidityMaxMgPerGram;
            Assert.Equal(inRange, e.Values.LicMgPerGram is not null);
            if (inRange)
            {
                Assert.Equal(lic, e.Values.LicMgPerGram!.Value, 1e-9);
                Assert.Equal(lic * 17.907, e.Values.LicUmolPerGram!.Value, 1e-6);
            }
        }
    }

    [Fact]
    public void MaskRoiWithoutSegmentation_IsRefusedNamingTheRoi()
    {
        var f = MeasurementReportFixture.Make("sample");
        var first = f.Content.Entries[0];
        var mask = first with { Roi = new MaskRoi("drawn-mask", RoiRole.Liver, 64, 64, [100, 101, 164]) };
        var e = Assert.Throws<RoiException>(() => MeasurementReportWriter.Create(f.Content with { Entries = [mask] }));
        Assert.Equal("drawn-mask", e.RoiName);
        Assert.Contains("Segmentation", e.Message);
    }

    [Fact]
    public void MaskRoiWithSegmentation_IsWrittenAsReferencedSegmentationFrameAndReadThroughTheResolver()
    {
        var f = MeasurementReportFixture.Make("sample");
        var first = f.Content.Entries[0];
        var segment = new RoiReportSegment { SegmentationSopInstanceUid = DicomUid.Generate(), SegmentationSeriesInstanceUid = DicomUid.Generate(), SegmentNumber = 2, FrameNumber = 1 };
        var mask = new MaskRoi("drawn-mask", RoiRole.Liver, 64, 64, [100, 101, 164]);
        var ds = MeasurementReportWriter.Create(f.Content with { Entries = [first with { Roi = mask, Segment = segment }] });

        var e = Assert.Throws<SrContentException>(() => MeasurementReportReader.Read(ds));
        Assert.Equal("1.9.1.5", e.ContentPath);   // root → Imaging Measurements (9th) → group 1 → its 5th item
        Assert.Contains(segment.SegmentationSopInstanceUid, e.Message);

        (string Uid, int? Segment, int? Frame)? asked = null;
        var read = MeasurementReportReader.Read(ds, new MeasurementReportReadOptions
        {
            ResolveSegment = (uid, number, frame, name, role) => { asked = (uid, number, frame); return new MaskRoi(name, role, 64, 64, [100, 101, 164]); },
        });
        // The SR names the SEG frame only (the frame implies its segment; dciodvfy refuses both together).
        Assert.Equal((segment.SegmentationSopInstanceUid, (int?)null, (int?)1), asked);
        Assert.Equal(segment with { SegmentNumber = null }, read.Entries[0].Segment);
        Assert.Equal(first.Image.SopInstanceUid, read.Entries[0].Image.SopInstanceUid);
        Assert.Equal([100, 101, 164], ((MaskRoi)read.Rois.Rois[0]).PixelIndices);
    }

    private static void AssertSameShape(RoiShape expected, RoiShape actual)
    {
        const double tol = 1e-4;   // Graphic Data is float32
        switch (expected)
        {
            case CircleRoi c:
                var ca = Assert.IsType<CircleRoi>(actual);
                Assert.Equal(c.Center.X, ca.Center.X, tol); Assert.Equal(c.Center.Y, ca.Center.Y, tol); Assert.Equal(c.Radius, ca.Radius, tol);
                break;
            case EllipseRoi el:
                var ea = Assert.IsType<EllipseRoi>(actual);
                Assert.Equal(el.Center.X, ea.Center.X, tol); Assert.Equal(el.Center.Y, ea.Center.Y, tol);
                Assert.Equal(el.RadiusX, ea.RadiusX, tol); Assert.Equal(el.RadiusY, ea.RadiusY, tol); Assert.Equal(el.AngleDeg, ea.AngleDeg, 1e-3);
                break;
            case RectangleRoi r:
                Assert.Equal(r, Assert.IsType<RectangleRoi>(actual));
                break;
            case PolygonRoi p:
                var pa = Assert.IsType<PolygonRoi>(actual);
                Assert.Equal(p.Vertices.Count, pa.Vertices.Count);
                for (int i = 0; i < p.Vertices.Count; i++) { Assert.Equal(p.Vertices[i].X, pa.Vertices[i].X, tol); Assert.Equal(p.Vertices[i].Y, pa.Vertices[i].Y, tol); }
                break;
        }
    }
}
