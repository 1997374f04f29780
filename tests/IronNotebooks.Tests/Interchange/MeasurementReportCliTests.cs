using System.Text.Json;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Interchange;
using IronNotebooks.Roi;
using Xunit;

namespace IronNotebooks.Tests.Interchange;

/// <summary>`ironnb roi export` writes the SR beside the SEG and `ironnb roi import` reads it back, masks through that SEG.</summary>
public sealed class MeasurementReportCliTests
{
    [Fact]
    public void RoiExportThenImport_OfTheSr_GivesTheSameRoisAndNamesTheMeasurements()
    {
        var dir = Directory.CreateTempSubdirectory("ironnb-sr-cli-").FullName;
        try
        {
            var set = new RoiSet("CLI SR check", null,
            [
                new CircleRoi("liver-1", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(20, 20), 4),
                new RectangleRoi("muscle-right", RoiRole.MuscleRightParaspinal, RoiSpace.Pixel, new RoiPoint(40, 40), new RoiPoint(46, 44)),
                new MaskRoi("drawn", RoiRole.Spleen, 64, 64, [1300, 1301, 1302, 1364, 1365, 1366]),
            ]);
            var rois = Path.Combine(dir, "rois.json");
            set.Save(rois);
            var outDir = Path.Combine(dir, "out");
            var export = CliHarness.Run("roi", "export", MeasurementReportFixture.SampleFolder, "--rois", rois, "--out", outDir, "--calibration", "wood2005", "--json");
            Assert.True(export.Code == 0, export.Err + export.Out);
            var outputs = JsonDocument.Parse(export.Out).RootElement.GetProperty("outputs").EnumerateArray().ToList();
            Assert.Equal(["seg", "sr"], outputs.Select(o => o.GetProperty("kind").GetString()));
            Assert.Contains(outputs[1].GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("liver-1: R2* ", StringComparison.Ordinal));

            var back = Path.Combine(dir, "back.json");
            var import = CliHarness.Run("roi", "import", Path.Combine(outDir, "rois-sr.dcm"), "--exam", MeasurementReportFixture.SampleFolder, "--out", back, "--json");
            Assert.True(import.Code == 0, import.Err + import.Out);
            Assert.Equal("sr", JsonDocument.Parse(import.Out).RootElement.GetProperty("kind").GetString());
            var read = RoiSet.Load(back);
            Assert.Equal(set.Rois.Select(r => (r.Name, r.Role)), read.Rois.Select(r => (r.Name, r.Role)));
            Assert.Equal(set.Rois[0], read.Rois[0]);
            Assert.Equal(set.Rois[1], read.Rois[1]);
            Assert.Equal(((MaskRoi)set.Rois[2]).PixelIndices, ((MaskRoi)read.Rois[2]).PixelIndices);   // through the SEG beside the SR

            // The SR names the mask's SEG frame: without the SEG that ROI cannot be placed, and the error says which item and SEG.
            var sr = Path.Combine(outDir, "rois-sr.dcm");
            var seg = Dicom.IO.SegmentationReader.Read(Path.Combine(outDir, "rois-seg.dcm"));
            var e = Assert.Throws<Dicom.StructuredReporting.SrContentException>(() => MeasurementReportReader.Read(sr));
            Assert.Equal("1.9.3.5", e.ContentPath);
            Assert.Contains(seg.SopInstanceUid, e.Message);
            var report = MeasurementReportReader.Read(sr, new MeasurementReportReadOptions { ResolveSegment = MeasurementReportReadOptions.SegmentsOf([seg]) });
            Assert.Null(report.Entries[0].Segment);
            Assert.Equal(seg.SopInstanceUid, report.Entries[2].Segment!.SegmentationSopInstanceUid);
        }
        finally { Directory.Delete(dir, true); }
    }
}
