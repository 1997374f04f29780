using System.Buffers.Binary;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Dicom.Imaging.Codec.Jpeg2000;
using Xunit;

namespace IronNotebooks.Dicom.Tests.Corpus;

/// <summary>
/// dcm_qa_ts holds one Siemens image in nine transfer syntaxes; dcm2niix's output for each (Ref/N.nii) holds the same
/// decoded pixels. Every syntax must give those pixels (9.dcm is JPEG 2000 lossless, decoded through OpenJPEG).
/// </summary>
public class TransferSyntaxConformanceTests
{
    [CorpusTheory]
    [InlineData(1)] [InlineData(2)] [InlineData(3)] [InlineData(4)] [InlineData(5)] [InlineData(6)] [InlineData(7)] [InlineData(8)]
    public void EveryDecodableSyntax_GivesTheSamePixelsAsDcm2niix(int n)
    {
        var values = DicomFile.Open(TestPaths.CorpusFile($"dcm_qa_ts/In/{n}.dcm")).GetPixelData().GetStoredValues(0);
        var (dims, reference) = ReadNiftiInt16(TestPaths.CorpusFile($"dcm_qa_ts/Ref/{n}.nii"));

        // The DICOM image is a Siemens mosaic: a 6×6 grid of 64×64 tiles, of which dcm2niix keeps the first
        // dims[3] (35) as slices, flipping rows into NIfTI orientation. Compare each tile with its slice as a
        // multiset of values, which is independent of the flip.
        int tile = dims[1], perRow = 384 / tile;
        Assert.Equal((64, 64, 35), (dims[1], dims[2], dims[3]));
        for (int k = 0; k < dims[3]; k++)
        {
            var mine = new List<int>(tile * tile);
            for (int y = 0; y < tile; y++)
                for (int x = 0; x < tile; x++)
                    mine.Add((int)values[((k / perRow) * tile + y) * 384 + (k % perRow) * tile + x]);
            Assert.Equal(reference.Skip(k * tile * tile).Take(tile * tile).Order(), mine.Order());
        }
    }

    [CorpusFact]
    public void Jpeg2000Lossless_GivesTheSamePixelsAsDcm2niix()
    {
        if (Jpeg2000Decoder.Version is null && !Requirements.RequireAll)
        {
            // Without OpenJPEG the file is refused, naming the transfer syntax, the file and what to install.
            var pixels = DicomFile.Open(TestPaths.CorpusFile("dcm_qa_ts/In/9.dcm")).GetPixelData();
            var e = Assert.Throws<DicomUnsupportedTransferSyntaxException>(() => pixels.GetStoredValues(0));
            Assert.Equal("1.2.840.10008.1.2.4.90", e.TransferSyntaxUid);
            Assert.Contains("9.dcm", e.Message);
            Assert.Contains("libopenjp2-7", e.Message);
            return;
        }
        EveryDecodableSyntax_GivesTheSamePixelsAsDcm2niix(9);
    }

    /// <summary>Reads the dimensions and voxels of an uncompressed NIfTI-1 file of datatype int16 (4).</summary>
    private static (int[] Dims, int[] Values) ReadNiftiInt16(string path)
    {
        var b = File.ReadAllBytes(path);
        Assert.Equal(348, BinaryPrimitives.ReadInt32LittleEndian(b));
        Assert.Equal(4, BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(70)));
        int offset = (int)BinaryPrimitives.ReadSingleLittleEndian(b.AsSpan(108));
        var values = new int[(b.Length - offset) / 2];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(offset + 2 * i));
        var dims = Enumerable.Range(0, 8).Select(i => (int)BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(40 + 2 * i))).ToArray();
        return (dims, values);
    }
}
