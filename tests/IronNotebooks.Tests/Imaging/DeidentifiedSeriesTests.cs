using System.Text;
using IronNotebooks.Dicom.Deidentification;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;
using IronNotebooks.SignalRatio;
using Xunit;

namespace IronNotebooks.Tests.Imaging;

/// <summary>De-identification must not change a number: R2* maps, ROI fits and signal ratios before and after are identical.</summary>
public sealed class DeidentifiedSeriesTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("issue-19 test key, 32 bytes long");

    /// <summary>The bundled enhanced MR phantom: 8 echoes, vials of known R2*.</summary>
    [Fact]
    public void SamplePhantom_R2StarAndSignalRatios_AreIdenticalAfterDeidentification() =>
        CheckIdentical(Path.Combine(TestPaths.RepositoryRoot, "datasets", "sample"));

    /// <summary>A Siemens classic MR series of the corpus: 2 echoes × 36 slices, one file per frame.</summary>
    [CorpusFact]
    public void SiemensCorpusSeries_R2StarAndSignalRatios_AreIdenticalAfterDeidentification() =>
        CheckIdentical(TestPaths.CorpusFile("dcm_qa_me/In/2_me_FieldMap_GRE"));

    private static void CheckIdentical(string input)
    {
        var root = Directory.CreateTempSubdirectory("ironnb-deid-series-").FullName;
        try
        {
            var options = ConfidentialityOptions.RetainLongitudinalModifiedDates | ConfidentialityOptions.CleanDescriptors;
            var report = DicomFolderDeidentifier.Run(input, Path.Combine(root, "out"), Path.Combine(root, "map.csv"), new DeidentificationSettings { Options = options, Secret = Key });
            Assert.Empty(report.Failures);

            var before = Load(input);
            var after = Load(Path.Combine(root, "out"));
            Assert.Equal(before.EchoTimesMs, after.EchoTimesMs);
            Assert.Equal(before.Slices.Count, after.Slices.Count);

            var model = before.EchoTimesMs.Count >= 3 ? DecayModels.Arlo : DecayModels.LogLinear;   // ARLO needs 3 echoes
            var mapBefore = R2StarMap.Compute(before, model);
            var mapAfter = R2StarMap.Compute(after, model);
            for (int s = 0; s < mapBefore.Slices.Count; s++)
                Assert.Equal(mapBefore.Slices[s].R2StarPerSecond, mapAfter.Slices[s].R2StarPerSecond);

            int k = before.Slices.Count / 2;
            var geometry = before.Slices[k].Geometry;
            var liver = new CircleRoi("liver", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(geometry.Columns / 2.0, geometry.Rows / 2.0), 4);
            var muscle = new CircleRoi("muscle", RoiRole.MuscleLeftParaspinal, RoiSpace.Pixel, new RoiPoint(geometry.Columns / 4.0, geometry.Rows / 2.0), 3);
            var fitBefore = RoiDecayFit.Fit(before, k, liver, model);
            var fitAfter = RoiDecayFit.Fit(after, k, liver, model);
            Assert.Equal(fitBefore.Fit.R2StarPerSecond, fitAfter.Fit.R2StarPerSecond);

            // Liver/muscle signal-intensity ratio on each echo, as an SIR method would take it.
            for (int e = 0; e < before.EchoTimesMs.Count; e++)
            {
                double ratioBefore = RoiMeasurement.Measure(before.Slices[k].Echoes[e], liver).Mean / RoiMeasurement.Measure(before.Slices[k].Echoes[e], muscle).Mean;
                double ratioAfter = RoiMeasurement.Measure(after.Slices[k].Echoes[e], liver).Mean / RoiMeasurement.Measure(after.Slices[k].Echoes[e], muscle).Mean;
                Assert.Equal(ratioBefore, ratioAfter);
                Assert.Equal(LiverMuscleRatio.FromRatio("T2", ratioBefore).Ratio, LiverMuscleRatio.FromRatio("T2", ratioAfter).Ratio);
            }
        }
        finally { Directory.Delete(root, true); }
    }

    private static MultiEchoSeries Load(string folder) =>
        MultiEchoSeries.FromCatalog(ImageCatalog.Scan(folder).AllSeries.First(s => s.MagnitudeEchoTimesMs.Count > 1));
}
