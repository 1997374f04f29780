using IronNotebooks.Dicom.Imaging;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Dicom.Tests.Corpus;

/// <summary>
/// dcm_qa_philips_enh exports one Philips dual-echo acquisition twice: 212 classic files and one enhanced file with
/// 212 frames. Frame by frame (matched on echo time, position and magnitude/phase) they must agree in stored values,
/// rescale and the private scale slope, so quantitative work gives the same numbers from either export.
/// </summary>
public class PhilipsEnhancedVsClassicTests
{
    private sealed record Plane(double EchoTimeMs, string Position, bool Phase, double[] Stored, DicomFrameInfo Info);

    private static string Key(DicomFrameInfo f) => string.Join(",", f.ImagePositionPatientMm!.Select(v => Math.Round(v, 3)));

    private static bool IsPhase(DicomFrameInfo f) => f.ImageType.Contains("P") || f.ImageType.Contains("PHASE");

    [CorpusFact]
    public void EnhancedAndClassicExports_AgreeFrameByFrame()
    {
        var enhanced = DicomFile.Open(TestPaths.CorpusFile("dcm_qa_philips_enh/In/enh/2001_WIP_fcMRI_Field_Mapping_e2_phMag.dcm.gz")).GetPixelData();
        var enhancedPlanes = Enumerable.Range(0, enhanced.NumberOfFrames)
            .Select(i => new Plane(enhanced.Frames[i].EchoTimeMs!.Value, Key(enhanced.Frames[i]), IsPhase(enhanced.Frames[i]), enhanced.GetStoredValues(i), enhanced.Frames[i]))
            .ToDictionary(p => (p.EchoTimeMs, p.Position, p.Phase));

        var classicFiles = Directory.GetFiles(TestPaths.CorpusFile("dcm_qa_philips_enh/In/cl"), "*.dcm.gz");
        Assert.Equal(212, classicFiles.Length);
        Assert.Equal(212, enhancedPlanes.Count);
        foreach (var path in classicFiles)
        {
            var pixels = DicomFile.Open(path).GetPixelData();
            var info = Assert.Single(pixels.Frames);
            var twin = enhancedPlanes[(info.EchoTimeMs!.Value, Key(info), IsPhase(info))];
            Assert.Equal(twin.Stored, pixels.GetStoredValues(0));
            Assert.Equal(twin.Info.RescaleSlope, info.RescaleSlope, 12);
            Assert.Equal(twin.Info.RescaleIntercept, info.RescaleIntercept, 12);
            Assert.Equal(twin.Info.PhilipsScaleSlope, info.PhilipsScaleSlope);
            Assert.Equal(twin.Info.PixelSpacingMm, info.PixelSpacingMm);
        }
    }

    [CorpusFact]
    public void MagnitudeFrames_HaveThePhilipsFloatingPointScale()
    {
        var pixels = DicomFile.Open(TestPaths.CorpusFile("dcm_qa_philips_enh/In/enh/2001_WIP_fcMRI_Field_Mapping_e2_phMag.dcm.gz")).GetPixelData();
        int magnitude = Enumerable.Range(0, pixels.NumberOfFrames).First(i => !IsPhase(pixels.Frames[i]));
        var info = pixels.Frames[magnitude];

        // RS 1.2916 (README of dcm_qa_philips_enh), SS from (2005,100E); FP = (SV·RS + RI)/(RS·SS).
        Assert.Equal(1.29157509157509, info.RescaleSlope, 12);
        Assert.True(info.HasPhilipsScaling);
        var stored = pixels.GetStoredValues(magnitude);
        var fp = pixels.GetRealWorldValues(magnitude);
        for (int k = 0; k < stored.Length; k += 97)
            Assert.Equal((stored[k] * info.RescaleSlope + info.RescaleIntercept) / (info.RescaleSlope * info.PhilipsScaleSlope!.Value), fp[k], 9);
    }
}
