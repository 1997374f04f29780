using System.Text.Json;
using IronNotebooks.Cli;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using Xunit;

namespace IronNotebooks.Tests.Roi;

/// <summary>
/// ROI statistics on the real UKRIN 12-echo NIfTI data (three vendors) against nibabel + numpy
/// (Fixtures/roi/make_roi_reference.py; its header gives the command). Planes are float32, so values agree to a
/// relative 1e-6 (areas too: numpy uses pixdim, IronNotebooks the float32 affine); pixel counts exactly.
/// </summary>
public class NiftiRoiAgreementTests
{
    public static IEnumerable<object[]> Cases()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("roi/roi_reference.json")));
        foreach (var vendor in doc.RootElement.GetProperty("vendors").EnumerateObject())
            foreach (var roi in vendor.Value.GetProperty("rois").EnumerateObject())
                yield return [vendor.Name, roi.Name];
    }

    [CorpusTheory]
    [MemberData(nameof(Cases))]
    public void RoiStatistics_OnEveryEcho_MatchNumpy(string vendor, string spec)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("roi/roi_reference.json")));
        var expected = doc.RootElement.GetProperty("vendors").GetProperty(vendor).GetProperty("rois").GetProperty(spec).EnumerateArray().ToList();
        int slice = doc.RootElement.GetProperty("slice").GetInt32();

        var series = MultiEchoSeries.FromNiftiFolder(TestPaths.CorpusFile($"ukat/r2star/{vendor}"));
        // NIfTI slices are ordered by index here; the loader orders them along the normal, so find slice k by location.
        var nifti = IronNotebooks.Imaging.Nifti.NiftiReader.Read(Directory.GetFiles(TestPaths.CorpusFile($"ukat/r2star/{vendor}"), "*_e1.nii.gz")[0]);
        var location = nifti.SliceGeometry(slice).SliceLocationMm;
        var target = series.Slices.Single(s => Math.Abs(s.SliceLocationMm - location) < 1e-6);
        var actual = RoiMeasurement.MeasureEchoes(target, RoiCommands.ParseSpec(spec));

        Assert.Equal(expected.Count, actual.Count);
        for (int e = 0; e < actual.Count; e++)
        {
            var x = expected[e];
            var a = actual[e];
            Assert.Equal(x.GetProperty("echoTimeMs").GetDouble(), a.EchoTimeMs!.Value, 9);
            Assert.Equal(x.GetProperty("pixels").GetInt32(), a.PixelCount);
            foreach (var (name, value) in new[] { ("areaMm2", a.AreaMm2), ("mean", a.Mean), ("sd", a.Sd), ("median", a.Median), ("min", a.Min), ("max", a.Max) })
            {
                double want = x.GetProperty(name).GetDouble();
                Assert.True(Math.Abs(want - value) <= 1e-6 * Math.Max(1, Math.Abs(want)), $"{vendor} {spec} echo {e} {name}: numpy {want}, IronNotebooks {value}");
            }
        }
    }
}
