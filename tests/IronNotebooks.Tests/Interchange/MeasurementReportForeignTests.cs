using System.Globalization;
using System.Xml.Linq;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.StructuredReporting;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Imaging;
using IronNotebooks.Interchange;
using IronNotebooks.Roi;
using Xunit;

namespace IronNotebooks.Tests.Interchange;

/// <summary>
/// Reading TID 1500 reports this library did not write: a hand-written XML report converted by DCMTK's xml2dsr
/// (Comprehensive SR, person observer, ELLIPSE and closed POLYLINE regions, a concept the library does not write), and
/// damaged reports, which fail with typed errors naming the content item path.
/// </summary>
public sealed class MeasurementReportForeignTests
{
    private static string Fixture => Path.Combine(TestPaths.RepositoryRoot, "tests", "IronNotebooks.Tests", "Fixtures", "interchange", "foreign-tid1500.xml");

    [ToolFact("xml2dsr")]
    public void ReportWrittenByXml2dsr_IsReadWithItsRoisRolesAndEveryMeasurement()
    {
        var dir = Directory.CreateTempSubdirectory("ironnb-sr-").FullName;
        try
        {
            var path = Path.Combine(dir, "foreign.dcm");
            var run = ExternalTool.Run(ExternalTool.Require("xml2dsr"), ["+Vs", Fixture, path]);
            Assert.True(run.ExitCode == 0, run.StdErr);
            var catalog = ImageCatalog.Scan(MeasurementReportFixture.SampleFolder);
            var read = MeasurementReportReader.Read(path, new MeasurementReportReadOptions { ResolveImage = MeasurementReportReadOptions.ImagesOf(catalog) });

            // Expected values straight from the XML: groups, names, regions, numbers.
            var xml = XDocument.Load(Fixture);
            static string? Concept(XElement e) => e.Element("concept")?.Element("value")?.Value;
            var groups = xml.Descendants("container").Where(c => Concept(c) == "125007").ToList();
            Assert.Equal(groups.Count, read.Entries.Count);
            Assert.Null(read.ObserverName);   // a person observer, not a device
            Assert.Equal(Path.GetFullPath(Path.Combine(MeasurementReportFixture.SampleFolder, "synthetic_r2star_phantom.dcm")), Path.GetFullPath(read.Rois.ReferenceImage!));
            for (int i = 0; i < groups.Count; i++)
            {
                var g = groups[i];
                var entry = read.Entries[i];
                Assert.Equal(g.Elements("text").Single(t => Concept(t) == "112039").Element("value")!.Value, entry.Roi.Name);
                string finding = g.Elements("code").Single(c => Concept(c) == "121071").Element("value")!.Value;
                Assert.Equal(RoiRoleCodes.All.Single(r => r.Type.Value == finding && r.TypeModifier is null).Role, entry.Roi.Role);
                var scoord = g.Element("scoord")!;
                var points = scoord.Element("data")!.Value.Split(',').Select(p => p.Split('/').Select(v => double.Parse(v, CultureInfo.InvariantCulture) - 0.5).ToArray()).ToList();
                switch (scoord.Attribute("type")!.Value)
                {
                    case "ELLIPSE":
                        var e = Assert.IsType<EllipseRoi>(entry.Roi);
                        Assert.Equal((points[0][0] + points[1][0]) / 2, e.Center.X, 1e-6);
                        Assert.Equal((points[0][1] + points[1][1]) / 2, e.Center.Y, 1e-6);
                        Assert.Equal(Math.Abs(points[1][0] - points[0][0]) / 2, e.RadiusX, 1e-6);   // the fixture's major axis lies along x
                        Assert.Equal(Math.Abs(points[3][1] - points[2][1]) / 2, e.RadiusY, 1e-6);
                        Assert.Equal(0, e.AngleDeg, 1e-6);
                        break;
                    case "POLYLINE":
                        var p = Assert.IsType<PolygonRoi>(entry.Roi);
                        Assert.Equal(points.Count - 1, p.Vertices.Count);   // closed: the last point repeats the first
                        for (int k = 0; k < p.Vertices.Count; k++) { Assert.Equal(points[k][0], p.Vertices[k].X, 1e-6); Assert.Equal(points[k][1], p.Vertices[k].Y, 1e-6); }
                        break;
                }
                var nums = g.Elements("num").ToList();
                Assert.Equal(nums.Count, entry.Measurements.Count);
                for (int k = 0; k < nums.Count; k++)
                {
                    var n = nums[k];
                    var m = entry.Measurements[k];
                    Assert.Equal(Concept(n), m.Concept.Value);
                    Assert.Equal(double.Parse(n.Element("value")!.Value, CultureInfo.InvariantCulture), m.Value);
                    Assert.Equal(n.Element("unit")!.Element("value")!.Value, m.Units.Value);
                    Assert.Equal(n.Elements("code").Single(c => Concept(c) == "121401").Element("value")!.Value, m.Derivation!.Value);
                    if (m.Concept.Value == "126395" && m.Derivation.Value == "373098007") Assert.Equal(m.Value, entry.Values.R2StarMeanPerSecond);
                    if (m.Concept.Value == "126395" && m.Derivation.Value == "386136009") Assert.Equal(m.Value, entry.Values.R2StarSdPerSecond);
                }
                // The ROI as read lands on the phantom's pixels and can be measured there.
                var plane = MultiEchoSeries.FromCatalog(catalog.AllSeries.First()).Slices[0].Echoes[0];
                Assert.True(RoiMeasurement.Measure(plane, read.Rois.Rois[i]).PixelCount > 0);
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void DatasetThatIsNotAnSr_IsRefusedAtTheRoot()
    {
        var mr = DicomFile.Open(Path.Combine(MeasurementReportFixture.SampleFolder, "synthetic_r2star_phantom.dcm")).Dataset;
        var e = Assert.Throws<SrContentException>(() => MeasurementReportReader.Read(mr));
        Assert.Equal("1", e.ContentPath);
        Assert.Contains("not in a Structured Report", e.Message);
        Assert.Contains("synthetic_r2star_phantom.dcm", e.Message);
    }

    [Fact]
    public void SrOfAnotherTemplate_IsRefusedNamingTheRootConcept()
    {
        var (tree, source) = Ours();
        var other = tree with { ConceptName = MeasurementReportCodes.ImageLibrary };
        var e = Assert.Throws<SrContentException>(() => MeasurementReportReader.Read(Document(other, source)));
        Assert.Equal("1", e.ContentPath);
        Assert.Contains("not a TID 1500 Measurement Report", e.Message);
        Assert.Contains("111028", e.Message);
    }

    [Fact]
    public void GroupWithoutRegion_IsRefusedNamingTheGroupPath()
    {
        var (tree, source) = Ours();
        var broken = Edit(tree, group => group with { Children = [.. group.Children.Where(c => !c.ConceptName.Is(MeasurementReportCodes.ImageRegion))] });
        var e = Assert.Throws<SrContentException>(() => MeasurementReportReader.Read(Document(broken, source)));
        Assert.Equal("1.9.1", e.ContentPath);
        Assert.Contains("geometry cannot be mapped", e.Message);
    }

    [Fact]
    public void OpenPolylineRegion_IsRefusedNamingTheScoordPath()
    {
        var (tree, source) = Ours();
        var broken = Edit(tree, group => group with
        {
            Children = [.. group.Children.Select(c => c.ConceptName.Is(MeasurementReportCodes.ImageRegion) ? c with { GraphicType = "POLYLINE", GraphicData = [1f, 1f, 5f, 1f, 5f, 5f] } : c)],
        });
        var e = Assert.Throws<SrContentException>(() => MeasurementReportReader.Read(Document(broken, source)));
        Assert.Equal("1.9.1.5", e.ContentPath);
        Assert.Contains("open POLYLINE", e.Message);
    }

    [Fact]
    public void NumWithoutUnits_IsRefusedNamingTheItemAndTag()
    {
        var (tree, source) = Ours();
        var ds = Document(tree, source);
        // Remove the Measurement Units Code Sequence of the first group's first NUM (content item 1.9.1.6).
        var content = new DicomTag(0x0040, 0xA730);
        var num = ds.GetSequence(content)[8].GetSequence(content)[0].GetSequence(content)[5];
        num.GetSequence(new DicomTag(0x0040, 0xA300))[0].Remove(new DicomTag(0x0040, 0x08EA));   // Measured Value → Measurement Units Code Sequence
        var e = Assert.Throws<SrContentException>(() => MeasurementReportReader.Read(ds));
        Assert.Equal("1.9.1.6", e.ContentPath);
        Assert.Contains("(0040,08EA)", e.Message);
    }

    private static (SrContentItem Tree, DicomDataset Source) Ours()
    {
        var f = MeasurementReportFixture.Make("sample");
        return (SrContentCodec.ReadRoot(MeasurementReportWriter.Create(f.Content)), f.Content.Source);
    }

    private static DicomDataset Document(SrContentItem root, DicomDataset source) =>
        SrDocumentWriter.Create(new SrDocumentContent { Root = root, Source = source, Evidence = [] });

    /// <summary>The tree with the first measurement group replaced by <paramref name="edit"/> of it.</summary>
    private static SrContentItem Edit(SrContentItem root, Func<SrContentItem, SrContentItem> edit) => root with
    {
        Children = [.. root.Children.Select(c => c.ConceptName.Is(MeasurementReportCodes.ImagingMeasurements)
            ? c with { Children = [edit(c.Children[0]), .. c.Children.Skip(1)] } : c)],
    };
}
