using System.Buffers.Binary;
using IronNotebooks.Dicom.Imaging;
using IronNotebooks.Dicom.Imaging.Codec;
using IronNotebooks.Dicom.Imaging.Codec.Jpeg2000;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Dicom.Tests.Imaging;

/// <summary>
/// The C# main-header check that guards OpenJPEG, the missing-library error, and HTJ2K decoding against OpenJPH
/// (Debian openjph-tools: an encoder and decoder written independently of OpenJPEG).
/// </summary>
public class Jpeg2000DecoderTests
{
    private static readonly DicomPixelFormat Grey16 = new(8, 16, 1, 16, 12, 11, 0, 0, "MONOCHROME2", 1);

    /// <summary>
    /// A main header by hand: SOC, SIZ (Xsiz × Ysiz, components of precision <paramref name="precision"/>), COD,
    /// QCD, then SOT. Enough for the C# check; not a decodable image.
    /// </summary>
    private static byte[] MainHeader(int width = 16, int height = 8, int components = 1, int precision = 12, bool signed = false,
        int xr = 1, int tile = 0, bool cod = true, bool qcd = true, int? sizLength = null)
    {
        var b = new List<byte>();
        void U16(int v) { b.Add((byte)(v >> 8)); b.Add((byte)v); }
        void U32(uint v) { U16((int)(v >> 16)); U16((int)(v & 0xFFFF)); }
        U16(0xFF4F);
        U16(0xFF51); U16(sizLength ?? 38 + 3 * components); U16(0);
        U32((uint)width); U32((uint)height); U32(0); U32(0);
        U32((uint)(tile == 0 ? width : tile)); U32((uint)(tile == 0 ? height : tile)); U32(0); U32(0);
        U16(components);
        for (int c = 0; c < components; c++) { b.Add((byte)((precision - 1) | (signed ? 0x80 : 0))); b.Add((byte)xr); b.Add(1); }
        if (cod) { U16(0xFF52); U16(12); b.AddRange([0, 0, 0, 1, 0, 5, 4, 4, 0, 1]); }
        if (qcd) { U16(0xFF5C); U16(4); b.AddRange([0x40, 0x48]); }
        U16(0xFF90); U16(10); U16(0); U32(14); b.AddRange([0, 1]);
        U16(0xFF93); U16(0xFFD9);
        return [.. b];
    }

    [Fact]
    public void Read_HeaderMatchingTheDicomImage_GivesSizeComponentsAndCoding()
    {
        var h = J2kCodestreamHeader.Read(MainHeader(), Grey16);
        Assert.Equal((16, 8, 1, 12, false, 5, true, false), (h.Width, h.Height, h.Components.Count, h.Components[0].Precision,
            h.Components[0].IsSigned, h.DecompositionLevels, h.IsReversible, h.IsHighThroughput));
    }

    [Theory]
    [InlineData("size", "the codestream image is 17×8, the DICOM header says Columns 16 × Rows 8")]
    [InlineData("components", "the codestream has 3 component(s), the DICOM header says Samples per Pixel 1")]
    [InlineData("precision", "component 0 has 17-bit samples, more than Bits Allocated 16 holds")]
    [InlineData("sizLength", "SIZ marker segment length 44 does not match 1 component(s)")]
    [InlineData("noCod", "the main header has no COD marker")]
    [InlineData("noQcd", "the main header has no QCD marker")]
    [InlineData("tiles", "tiles (at most 65535 can be indexed)")]
    [InlineData("soc", "does not start with the SOC marker")]
    [InlineData("truncated", "runs past the end of the frame")]
    public void Read_HeaderDisagreeingWithTheDicomImageOrCorrupt_IsRefusedBeforeNativeCode(string fault, string expected)
    {
        var bytes = fault switch
        {
            "size" => MainHeader(width: 17),
            "components" => MainHeader(components: 3),
            "precision" => MainHeader(precision: 17),
            "sizLength" => MainHeader(sizLength: 44),
            "noCod" => MainHeader(cod: false),
            "noQcd" => MainHeader(qcd: false),
            "tiles" => TinyTiles(),
            "soc" => [0xFF, 0x4E, .. MainHeader()[2..]],
            _ => MainHeader()[..20],
        };
        var format = fault == "tiles" ? Grey16 with { Columns = 60000, Rows = 60000 } : Grey16;
        var e = Assert.Throws<InvalidDataException>(() => J2kCodestreamHeader.Read(bytes, format));
        Assert.Contains(expected, e.Message);
        Assert.Contains("byte offset", e.Message);
    }

    /// <summary>A 60000×60000 image cut into 1×1 tiles: 3.6 billion tiles.</summary>
    private static byte[] TinyTiles()
    {
        var b = MainHeader(width: 60000, height: 60000);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(4 + 2 + 2 + 16), 1);
        BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(4 + 2 + 2 + 20), 1);
        return b;
    }

    [Fact]
    public void Read_SubsampledComponents_AreNotSupportedByName()
    {
        var e = Assert.Throws<NotSupportedException>(() => J2kCodestreamHeader.Read(MainHeader(components: 3, precision: 8, xr: 2),
            new DicomPixelFormat(8, 16, 3, 8, 8, 7, 0, 0, "YBR_ICT", 1)));
        Assert.Contains("subsampled", e.Message);
    }

    [Fact]
    public void Decode_CorruptHeaderThroughPixelData_IsADicomCodecExceptionNamingFrameAndSyntax()
    {
        var ds = Dataset(8, 16, 12, MainHeader(width: 17));
        var e = Assert.Throws<DicomCodecException>(() => DicomPixelData.Create(ds, DicomTransferSyntax.Jpeg2000Lossless).GetStoredValues(0));
        Assert.Equal(0, e.FrameIndex);
        Assert.Contains("1.2.840.10008.1.2.4.90", e.Message);
        Assert.Contains("17×8", e.Message);
    }

    [Fact]
    public void Decode_WithoutOpenJpeg_SaysWhatToInstallOnEachPlatform()
    {
        var decoder = new Jpeg2000Decoder(["/nonexistent/libopenjp2.so.7"]);
        var e = Assert.Throws<DllNotFoundException>(() => decoder.Decode(MainHeader(), Grey16, new byte[Grey16.FrameByteLength]));
        Assert.Contains("apt-get install libopenjp2-7", e.Message);
        Assert.Contains("brew install openjpeg", e.Message);
        Assert.Contains("vcpkg install openjpeg", e.Message);
        Assert.Contains("/nonexistent/libopenjp2.so.7", e.Message);
    }

    [Fact]
    public void GetFrameBytes_NativeLibraryMissing_IsAnUnsupportedSyntaxErrorNamingTheFileAndTheFix()
    {
        // A decoder for a private test UID that behaves as Jpeg2000Decoder does without OpenJPEG.
        const string uid = "1.2.826.0.1.3680043.10.1199.19.1";
        PixelDecoderRegistry.Register(new MissingNativeLibraryDecoder(uid));
        var ds = Dataset(8, 16, 12, MainHeader());
        var pixels = DicomPixelData.Create(ds, DicomTransferSyntax.FromUid(uid), "/data/exam/img.dcm");
        var e = Assert.Throws<DicomUnsupportedTransferSyntaxException>(() => pixels.GetFrameBytes(0));
        Assert.Equal(uid, e.TransferSyntaxUid);
        Assert.Contains("/data/exam/img.dcm", e.Message);
        Assert.Contains("apt-get install libopenjp2-7", e.Message);
    }

    private sealed class MissingNativeLibraryDecoder(string uid) : IPixelDecoder
    {
        public IReadOnlyList<string> TransferSyntaxUids { get; } = [uid];

        public void Decode(ReadOnlySpan<byte> compressed, DicomPixelFormat format, Span<byte> destination) =>
            new Jpeg2000Decoder(["/nonexistent/libopenjp2.so.7"]).Decode(compressed, format, destination);
    }

    private static DicomDataset Dataset(int rows, int columns, int bitsStored, byte[] frame, int bitsAllocated = 16, int representation = 0)
    {
        var ds = new DicomDataset();
        ds.SetNumbers(DicomTags.Rows, DicomVR.US, rows);
        ds.SetNumbers(DicomTags.Columns, DicomVR.US, columns);
        ds.SetNumbers(DicomTags.BitsAllocated, DicomVR.US, bitsAllocated);
        ds.SetNumbers(DicomTags.BitsStored, DicomVR.US, bitsStored);
        ds.SetNumbers(DicomTags.HighBit, DicomVR.US, bitsStored - 1);
        ds.SetNumbers(DicomTags.PixelRepresentation, DicomVR.US, representation);
        ds.SetNumbers(DicomTags.SamplesPerPixel, DicomVR.US, 1);
        ds.SetString(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.Set(new DicomElement(DicomTags.PixelData, DicomVR.OB, new DicomFragments([], [new DicomFragment(frame, 0)])));
        return ds;
    }

    // ---- HTJ2K: codestreams made by OpenJPH's ojph_compress from a corpus image, decoded here through OpenJPEG ----

    /// <summary>The 384×384 12-bit Siemens mosaic of dcm_qa_ts (uncompressed, 1.dcm) and a PGM of it for OpenJPH.</summary>
    private static (double[] Values, string Pgm, string Dir) SourceImage()
    {
        var values = DicomFile.Open(TestPaths.CorpusFile("dcm_qa_ts/In/1.dcm")).GetPixelData().GetStoredValues(0);
        var dir = Directory.CreateTempSubdirectory("ironnb-htj2k-").FullName;
        var pgm = Path.Combine(dir, "source.pgm");
        File.WriteAllBytes(pgm, ToPgm(values, 384, 384, 4095));
        return (values, pgm, dir);
    }

    private static byte[] ToPgm(double[] values, int width, int height, int maxValue)
    {
        var head = System.Text.Encoding.ASCII.GetBytes($"P5\n{width} {height}\n{maxValue}\n");
        var body = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(2 * i), (ushort)values[i]);
        return [.. head, .. body];
    }

    private static int[] FromPgm(string path)
    {
        var b = File.ReadAllBytes(path);
        int newlines = 0, at = 0;
        while (newlines < 3) if (b[at++] == '\n') newlines++;
        var values = new int[(b.Length - at) / 2];
        for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at + 2 * i));
        return values;
    }

    private static byte[] Compress(string pgm, string dir, string name, params string[] options)
    {
        var output = Path.Combine(dir, name + ".j2c");
        var (code, stdout, stderr) = ExternalTool.Run(ExternalTool.Require("ojph_compress"), ["-i", pgm, "-o", output, .. options]);
        Assert.True(code == 0, stdout + stderr);
        return File.ReadAllBytes(output);
    }

    [ToolTheory("corpus", "ojph_compress", "libopenjp2")]
    [InlineData("1.2.840.10008.1.2.4.201", "LRCP")]
    [InlineData("1.2.840.10008.1.2.4.202", "RPCL")]
    public void Decode_LosslessHtj2kFromOpenJph_GivesTheSourcePixelsExactly(string uid, string order)
    {
        var (values, pgm, dir) = SourceImage();
        try
        {
            var codestream = Compress(pgm, dir, "lossless", "-reversible", "true", "-prog_order", order);
            var format = new DicomPixelFormat(384, 384, 1, 16, 12, 11, 0, 0, "MONOCHROME2", 1);
            Assert.True(J2kCodestreamHeader.Read(codestream, format).IsHighThroughput);
            var decoded = DicomPixelData.Create(Dataset(384, 384, 12, codestream), DicomTransferSyntax.FromUid(uid)).GetStoredValues(0);
            Assert.Equal(values, decoded);
        }
        finally { Directory.Delete(dir, true); }
    }

    [ToolFact("corpus", "ojph_compress", "ojph_expand", "libopenjp2")]
    public void Decode_LossyHtj2kFromOpenJph_AgreesWithOpenJphWithinOneStoredValue()
    {
        var (values, pgm, dir) = SourceImage();
        try
        {
            var codestream = Compress(pgm, dir, "lossy", "-qstep", "0.002");
            var expanded = Path.Combine(dir, "lossy.pgm");
            var run = ExternalTool.Run(ExternalTool.Require("ojph_expand"), ["-i", Path.Combine(dir, "lossy.j2c"), "-o", expanded]);
            Assert.True(run.ExitCode == 0, run.StdOut + run.StdErr);
            var reference = FromPgm(expanded);
            var decoded = DicomPixelData.Create(Dataset(384, 384, 12, codestream), DicomTransferSyntax.HtJpeg2000).GetStoredValues(0);

            // Two independent 9-7 wavelet implementations (OpenJPEG, OpenJPH) round differently: ±1 stored value.
            Assert.Equal(reference.Length, decoded.Length);
            double maxVsOpenJph = 0, maxVsSource = 0;
            for (int i = 0; i < decoded.Length; i++)
            {
                maxVsOpenJph = Math.Max(maxVsOpenJph, Math.Abs(decoded[i] - reference[i]));
                maxVsSource = Math.Max(maxVsSource, Math.Abs(decoded[i] - values[i]));
            }
            Assert.InRange(maxVsOpenJph, 0, 1);
            Assert.True(maxVsSource > 0, "the lossy codestream must actually be lossy, or this test checks nothing");
        }
        finally { Directory.Delete(dir, true); }
    }
}
