using System.Security.Cryptography;
using IronNotebooks.Dicom.Imaging;
using IronNotebooks.Dicom.Imaging.Codec;
using IronNotebooks.Dicom.Imaging.Codec.Jpeg2000;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Dicom.Tests.Corpus;

/// <summary>
/// Every DICOM file of ../shared/corpus is read and, where it decodes, compared pixel by pixel (lossless: sha256 of
/// all stored values; lossy: spot pixels within a tolerance) with an independent decoder.
/// </summary>
public class CorpusAgreementTests
{
    /// <summary>Files that no tool reads; each must fail with the typed error named here.</summary>
    private static readonly Dictionary<string, Type> KnownBroken = new()
    {
        // Pixel data 62 bytes short of 64×64×16 bits; pydicom also refuses its pixels.
        ["pydicom-debian-testfiles/MR_truncated.dcm"] = typeof(DicomTruncatedException),
        // A stray leading byte misaligns every tag; DCMTK's dcmdump fails on it the same way ((0820,0500) too long).
        ["pydicom-debian-testfiles/no_meta.dcm"] = typeof(DicomFormatException),   // starts one byte into an element: "not a DICOM file" since issue 13
    };

    public static IEnumerable<object[]> CorpusFiles() => CorpusReference.Load().Files.Select(f => new object[] { f.File });

    [CorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void CorpusFile_ReadsAndDecodesLikeTheIndependentReference(string relative)
    {
        var reference = CorpusReference.Get(relative);
        var path = TestPaths.CorpusFile(relative);
        Assert.Equal(reference.Sha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));

        if (KnownBroken.TryGetValue(relative, out var errorType))
        {
            var e = Assert.Throws(errorType, () => DicomFile.Open(path).GetPixelData());
            Assert.Contains(path, e.Message);
            return;
        }

        var file = DicomFile.Open(path);
        if (reference.TransferSyntaxUid is { } ts) Assert.Equal(ts, file.TransferSyntax.Uid);
        Assert.Equal(reference.TopLevelElements, file.Dataset.Count);
        Assert.Equal(reference.SeriesInstanceUid, file.Dataset.GetStringOrDefault(DicomTags.SeriesInstanceUID));
        Assert.Equal(reference.Modality, file.Dataset.GetStringOrDefault(DicomTags.Modality));
        if (reference.Rows is null) return;

        var pixels = file.GetPixelData();
        var f = pixels.Format;
        Assert.Equal((reference.Rows, reference.Columns, reference.Frames, reference.SamplesPerPixel, reference.BitsAllocated, reference.PixelRepresentation),
            (f.Rows, f.Columns, f.NumberOfFrames, f.SamplesPerPixel, f.BitsAllocated, f.PixelRepresentation));
        for (int i = 0; i < f.NumberOfFrames; i++)
        {
            var expected = reference.FrameFacts![i];
            var actual = pixels.Frames[i];
            Assert.Equal(expected.EchoTimeMs, actual.EchoTimeMs);
            Assert.Equal(expected.RescaleSlope, actual.RescaleSlope, 12);
            Assert.Equal(expected.RescaleIntercept, actual.RescaleIntercept, 12);
        }

        if (IsJpeg2000(file.TransferSyntax) && Jpeg2000Decoder.Version is null && !Requirements.RequireAll)
        {
            // OpenJPEG is not installed on this machine: the file must be refused naming what to install.
            var e = Assert.Throws<DicomUnsupportedTransferSyntaxException>(() => pixels.GetFrameBytes(0));
            Assert.Contains("libopenjp2-7", e.Message);
            return;
        }

        for (int i = 0; i < f.NumberOfFrames; i++)
        {
            var values = pixels.GetStoredValues(i);
            var expected = reference.PixelFrames![i];
            if (reference.Lossy)
            {
                // Lossy decoders may differ by rounding in the IDCT, the 9-7 wavelet and colour upsampling: compare
                // within a tolerance of 1 stored value (2 above 8 bits) at spot pixels and 0.5 on the frame mean.
                double tolerance = f.BitsStored > 8 ? 2 : 1;
                Assert.InRange(values.Average(), expected.Sum / values.Length - 0.5, expected.Sum / values.Length + 0.5);
                if (i == 0)
                    for (int k = 0; k < reference.SpotPixels!.Indices.Length; k++)
                        Assert.InRange(values[reference.SpotPixels.Indices[k]], reference.SpotPixels.Values[k] - tolerance, reference.SpotPixels.Values[k] + tolerance);
                continue;
            }
            Assert.Equal(expected.Min, values.Min());
            Assert.Equal(expected.Max, values.Max());
            // numpy sums pairwise; float data may differ in the last bits of the sum, integer sums are exact.
            Assert.Equal(expected.Sum, values.Sum(), f.IsFloat ? Math.Abs(expected.Sum) * 1e-12 : 0);
            Assert.Equal(expected.Sha256, Sha256Of(values, f.IsFloat));
        }
    }

    private static bool IsJpeg2000(DicomTransferSyntax ts) => PixelDecoderRegistry.TryGet(ts.Uid, out var d) && d is Jpeg2000Decoder;

    internal static string Sha256Of(double[] values, bool isFloat)
    {
        var bytes = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++)
        {
            long bits = isFloat ? BitConverter.DoubleToInt64Bits(values[i]) : (long)values[i];
            BitConverter.TryWriteBytes(bytes.AsSpan(8 * i), bits);
        }
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
