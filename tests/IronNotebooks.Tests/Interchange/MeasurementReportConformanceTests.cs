using System.Text.Json;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Interchange;
using IronNotebooks.Roi;
using Xunit;

namespace IronNotebooks.Tests.Interchange;

/// <summary>
/// The TID 1500 SR from the synthetic phantom and from the corpus's Siemens dcm_qa_me series, checked by dicom3tools
/// (dciodvfy: no errors), DCMTK (dcmdump +E: no E:/W:; dsrdump: reads it with its relationship-constraint and VR checks
/// and reports nothing) and Debian's pydicom, which reads every value back equal to ours and finds every standard code
/// in its PS3.16 concept dictionary.
/// </summary>
public sealed class MeasurementReportConformanceTests
{
    /// <summary>
    /// Codes of the ROI role registry (<see cref="RoiRoleCodes"/>) from a newer PS3.16 edition than the one pydicom 2.3
    /// ships, each with why it is accepted. Any other code missing from pydicom's dictionary fails the test.
    /// </summary>
    private static readonly Dictionary<(string, string), string> NewerEdition = new()
    {
        [("SCT", "706342009")] = "RoiRoleCodes' phantom type (CID 4052 in the edition it cites); pydicom 2.3's CID 4052 still lists (113681, DCM, \"Phantom\")",
    };

    public static TheoryData<string> Inputs() => new() { "sample", "corpus" };

    private static (string Dir, string Path, MeasurementReportFixture Fixture) Write(string which)
    {
        var f = MeasurementReportFixture.Make(which == "sample-seg" ? "sample" : which);
        if (which == "sample-seg")
        {
            // The first ROI as a mask referenced through a SEG frame (TID 1410 Referenced Segmentation Frame).
            var first = f.Content.Entries[0];
            var mask = new MaskRoi(first.Roi.Name, first.Roi.Role, 64, 64, [.. RoiRasterizer.Rasterize(first.Roi, first.Image.Geometry!).PixelIndices]);
            var segment = new RoiReportSegment { SegmentationSopInstanceUid = Dicom.DicomUid.Generate(), SegmentationSeriesInstanceUid = Dicom.DicomUid.Generate(), SegmentNumber = 1, FrameNumber = 1 };
            f = f with { Content = f.Content with { Entries = [first with { Roi = mask, Segment = segment }, .. f.Content.Entries.Skip(1)] } };
        }
        var dir = Directory.CreateTempSubdirectory("ironnb-sr-").FullName;
        var path = Path.Combine(dir, "rois-sr.dcm");
        MeasurementReportWriter.Write(path, f.Content);
        return (dir, path, f);
    }

    [ToolTheory("corpus", "dciodvfy", "dcmdump", "dsrdump")]
    [MemberData(nameof(Inputs))]
    [InlineData("sample-seg")]
    public void Sr_PassesDciodvfyDcmdumpAndDsrdump(string which)
    {
        var (dir, path, f) = Write(which);
        try
        {
            var v = ExternalTool.Run(ExternalTool.Require("dciodvfy"), [path]);
            var errors = (v.StdOut + v.StdErr).Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 0, string.Join('\n', errors));
            Assert.Contains("EnhancedSR", v.StdOut + v.StdErr);
            var d = ExternalTool.Run(ExternalTool.Require("dcmdump"), ["+E", path]);
            var problems = (d.StdOut + d.StdErr).Split('\n').Where(l => l.StartsWith("E:", StringComparison.Ordinal) || l.StartsWith("W:", StringComparison.Ordinal)).ToList();
            Assert.True(d.ExitCode == 0 && problems.Count == 0, string.Join('\n', problems));
            // dsrdump checks the Enhanced SR relationship content constraints and the VRs of every item; any finding is on stderr.
            var s = ExternalTool.Run(ExternalTool.Require("dsrdump"), ["+Pn", "+Pu", path]);
            Assert.True(s.ExitCode == 0 && s.StdErr.Trim().Length == 0, s.StdErr);
            Assert.Contains("Imaging Measurement Report", s.StdOut);
            foreach (var e in f.Content.Entries)
            {
                Assert.Contains($"=\"{e.Roi.Name}\"", s.StdOut);
                Assert.Contains(e.Image.SopInstanceUid, s.StdOut);
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    [ToolTheory("corpus", "pydicom")]
    [MemberData(nameof(Inputs))]
    public void Sr_ReadByPydicom_GivesEveryValueBackEqualAndEveryCodeIsInPs316(string which)
    {
        var (dir, path, f) = Write(which);
        try
        {
            var script = Path.Combine(TestPaths.RepositoryRoot, "tests", "IronNotebooks.Tests", "Fixtures", "interchange", "read_tid1500.py");
            var run = ExternalTool.Run(ExternalTool.Require("pydicom"), [script, path]);
            Assert.True(run.ExitCode == 0, run.StdErr);
            var doc = JsonDocument.Parse(run.StdOut).RootElement;
            Assert.Equal("1.2.840.10008.5.1.4.1.1.88.22", doc.GetProperty("sopClass").GetString());
            Assert.Equal("1500", doc.GetProperty("template").GetString());
            AssertCode(MeasurementReportCodes.ImagingMeasurementReport, doc.GetProperty("title"));
            AssertCode(MeasurementReportCodes.EnglishUnitedStates, doc.GetProperty("language"));
            AssertCode(MeasurementReportCodes.Device, doc.GetProperty("observerType"));
            AssertCode(MeasurementReportCodes.MriUnspecifiedBodyRegion, doc.GetProperty("procedure"));
            Assert.Equal("ironnb", doc.GetProperty("observerName").GetString());
            Assert.Equal($"ironnb {f.Content.SoftwareVersion}", doc.GetProperty("observerModel").GetString());
            Assert.Equal(["99IRONNB"], doc.GetProperty("localSchemes").EnumerateArray().Select(e => e.GetString()));
            var images = f.Content.Entries.Select(e => e.Image.SopInstanceUid).Distinct().ToList();
            Assert.Equal(images, doc.GetProperty("library").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(images.Order(StringComparer.Ordinal), doc.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));

            var groups = doc.GetProperty("groups").EnumerateArray().ToList();
            Assert.Equal(f.Content.Entries.Count, groups.Count);
            for (int i = 0; i < groups.Count; i++)
            {
                var e = f.Content.Entries[i];
                var g = groups[i];
                var codes = RoiRoleCodes.For(e.Roi.Role);
                Assert.Equal("1410", g.GetProperty("template").GetString());
                Assert.Equal(e.Roi.Name, g.GetProperty("tracking").GetString());
                AssertCode(codes.Type, g.GetProperty("finding"));
                if (RoiRoleCodes.SameCode(codes.Category, RoiRoleCodes.AnatomicalStructure)) AssertCode(codes.Type, g.GetProperty("site"));
                else Assert.Equal(JsonValueKind.Null, g.GetProperty("site").ValueKind);
                if (codes.TypeModifier is { } side) AssertCode(side, g.GetProperty("laterality"));
                else Assert.Equal(JsonValueKind.Null, g.GetProperty("laterality").ValueKind);

                var (type, data) = RoiScoord.ToGraphic(e.Roi, e.Image.Geometry);
                Assert.Equal(type, g.GetProperty("graphicType").GetString());
                Assert.Equal(data.Select(x => (double)x), g.GetProperty("graphicData").EnumerateArray().Select(x => x.GetDouble()));
                var image = g.GetProperty("image");
                Assert.Equal(e.Image.SopInstanceUid, image.GetProperty("instance").GetString());
                Assert.Equal(e.Image.SopClassUid, image.GetProperty("class").GetString());
                Assert.Equal(e.Image.FrameNumber is { } fr ? [fr] : Array.Empty<int>(), image.GetProperty("frames").EnumerateArray().Select(x => x.GetInt32()));

                var numbers = g.GetProperty("numbers").EnumerateArray().ToList();
                var v = e.Values;
                AssertNumber(numbers, MeasurementReportCodes.R2Star, MeasurementReportCodes.PerSecond, MeasurementReportCodes.Mean, v.R2StarMeanPerSecond, v.R2StarAlgorithm, v.R2StarParameters);
                AssertNumber(numbers, MeasurementReportCodes.R2Star, MeasurementReportCodes.PerSecond, MeasurementReportCodes.StandardDeviation, v.R2StarSdPerSecond, v.R2StarAlgorithm, v.R2StarParameters);
                AssertNumber(numbers, MeasurementReportCodes.Area, MeasurementReportCodes.Pixels, null, v.PixelCount, null, []);
                AssertNumber(numbers, MeasurementReportCodes.Area, MeasurementReportCodes.SquareMillimetre, null, v.AreaMm2, null, []);
                AssertNumber(numbers, MeasurementReportCodes.LiverIronConcentration, MeasurementReportCodes.MilligramPerGram, null, v.LicMgPerGram, v.Calibration, v.CalibrationParameters);
                AssertNumber(numbers, MeasurementReportCodes.LiverIronConcentration, MeasurementReportCodes.MicromolePerGram, null, v.LicUmolPerGram, v.Calibration, v.CalibrationParameters);
                Assert.Equal(4 + (v.LicMgPerGram is null ? 0 : 1) + (v.LicUmolPerGram is null ? 0 : 1), numbers.Count);
            }

            Assert.True(doc.GetProperty("codesChecked").GetInt32() >= 15);
            var unknown = doc.GetProperty("codesNotInPs316").EnumerateArray()
                .Where(c => !NewerEdition.ContainsKey((c.GetProperty("scheme").GetString()!, c.GetProperty("value").GetString()!))).ToList();
            Assert.True(unknown.Count == 0, "codes not in PS3.16 as pydicom ships it: " + string.Join("; ", unknown));
        }
        finally { Directory.Delete(dir, true); }
    }

    private static void AssertCode(Dicom.IO.DicomCode expected, JsonElement actual)
    {
        Assert.Equal(expected.Value, actual.GetProperty("value").GetString());
        Assert.Equal(expected.Scheme, actual.GetProperty("scheme").GetString());
        Assert.Equal(expected.Meaning, actual.GetProperty("meaning").GetString());
    }

    private static void AssertNumber(List<JsonElement> numbers, Dicom.IO.DicomCode concept, Dicom.IO.DicomCode units, Dicom.IO.DicomCode? derivation,
        double? expected, string? algorithm, IReadOnlyList<string> parameters)
    {
        var match = numbers.Where(n => n.GetProperty("concept").GetProperty("value").GetString() == concept.Value
            && n.GetProperty("units").GetProperty("value").GetString() == units.Value
            && (derivation is null ? n.GetProperty("derivation").ValueKind == JsonValueKind.Null
                : n.GetProperty("derivation").ValueKind != JsonValueKind.Null && n.GetProperty("derivation").GetProperty("value").GetString() == derivation.Value)).ToList();
        if (expected is null) { Assert.Empty(match); return; }
        var n = Assert.Single(match);
        Assert.Equal(expected.Value, n.GetProperty("value").GetDouble());   // exact: FD, or a DS that holds the double
        AssertCode(units, n.GetProperty("units"));
        Assert.Equal(algorithm is null ? [] : [algorithm], n.GetProperty("algorithm").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(parameters, n.GetProperty("parameters").EnumerateArray().Select(x => x.GetString()!));
    }
}
