using System.IO.Compression;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.Tests.IO;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Testing;
using Xunit;

namespace IronNotebooks.Dicom.Tests.Robustness;

/// <summary>
/// The fast CI variant of the mutation fuzz run (the long one: `dotnet run -c Release --project
/// tests/IronNotebooks.Benchmarks -- fuzz N`). Every mutant must read or fail with a DicomException. The 10-second
/// limit only detects hangs; speed is measured by the long run, not here.
/// </summary>
public class FuzzTests
{
    /// <summary>Small corpus files covering every decodable transfer syntax and the enhanced/RLE/deflate paths.</summary>
    public static readonly string[] CorpusSeeds =
    [
        "pydicom-debian-testfiles/MR_small.dcm", "pydicom-debian-testfiles/MR_small_implicit.dcm",
        "pydicom-debian-testfiles/MR_small_bigendian.dcm", "pydicom-debian-testfiles/MR_small_RLE.dcm",
        "pydicom-debian-testfiles/MR_small_jpeg_ls_lossless.dcm", "pydicom-debian-testfiles/image_dfl.dcm",
        "pydicom-debian-testfiles/SC_rgb_jpeg_dcmtk.dcm", "pydicom-debian-testfiles/SC_rgb_jpeg_gdcm.dcm",
        "pydicom-debian-testfiles/JPGExtended.dcm", "pydicom-debian-testfiles/rtdose_rle.dcm",
        "pydicom-data/emri_small.dcm", "pydicom-data/emri_small_RLE.dcm", "pydicom-data/liver_deflate.dcm",
        "pydicom-data/JLSL_16_15_1_1F.dcm", "pydicom-data/JPGLosslessP14SV1_1s_1f_8b.dcm",
        "dcm_qa_philips_enh/In/cl/2001_0001.dcm.gz", "dcm_qa_me/In/4_me_fMRI/0001.dcm",
    ];

    public static byte[] SeedBytes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length > 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
        {
            // Fuzz the DICOM inside: mutating gzip bytes mostly tests the CRC check.
            using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            return ms.ToArray();
        }
        return bytes;
    }

    [Fact]
    public void MutatedSyntheticFiles_ReadOrFailWithDicomExceptionsOnly()
    {
        var classic = new MemoryStream();
        DicomWriter.Write(classic, MrImageWriter.CreateClassicDataset(SamplePhantomTests.Create(), 0));
        var seeds = new List<(string, byte[])> { ("sample", File.ReadAllBytes(SamplePhantomTests.SamplePath)), ("classic", classic.ToArray()) };
        var result = DicomMutationFuzzer.Run(seeds, 400, randomSeed: 1, TimeSpan.FromSeconds(10));
        Assert.True(result.Crashes.Count == 0, string.Join("\n", result.Crashes.Take(10)));
        Assert.True(result.TypedErrors > 0 && result.Read > 0, $"read {result.Read}, rejected {result.TypedErrors}: the mutations must exercise both paths");
    }

    [CorpusFact]
    public void MutatedCorpusFiles_ReadOrFailWithDicomExceptionsOnly()
    {
        var seeds = CorpusSeeds.Select(s => (s, SeedBytes(TestPaths.CorpusFile(s)))).ToList();
        var result = DicomMutationFuzzer.Run(seeds, 2000, randomSeed: 2, TimeSpan.FromSeconds(10));
        Assert.True(result.Crashes.Count == 0, string.Join("\n", result.Crashes.Take(10)));
    }

    /// <summary>
    /// Mutants of JPEG 2000 files reach OpenJPEG (native code) after the C# main-header check; each must decode or
    /// fail with a DicomException. A native crash would end the test process, which fails the run.
    /// </summary>
    [ToolFact("corpus", "libopenjp2")]
    public void MutatedJpeg2000Files_ReadOrFailWithDicomExceptionsOnly()
    {
        var seeds = DicomMutationFuzzer.Jpeg2000CorpusSeeds.Select(s => (s, SeedBytes(TestPaths.CorpusFile(s)))).ToList();
        var result = DicomMutationFuzzer.Run(seeds, 1500, randomSeed: 19, TimeSpan.FromSeconds(10));
        Assert.True(result.Crashes.Count == 0, string.Join("\n", result.Crashes.Take(10)));
        Assert.True(result.TypedErrors > 0 && result.Read > 0, $"read {result.Read}, rejected {result.TypedErrors}: the mutations must exercise both paths");
    }
}
