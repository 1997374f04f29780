using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;

namespace IronNotebooks.Dicom.Tests.IO;

public sealed class DicomWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ironnb-writer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static MrImageSeries Series(int frames) => SamplePhantomTests.Create() with
    {
        Frames = SamplePhantomTests.Create().Frames.Take(frames).ToList(),
    };

    [Fact]
    public void WriteClassic_ThenRead_GivesBackEveryFrameWithItsGeometryAndEchoTime()
    {
        var series = Series(3);
        var paths = MrImageWriter.WriteClassic(series, _dir);

        Assert.Equal(3, paths.Count);
        for (int i = 0; i < 3; i++)
        {
            var file = DicomFile.Open(paths[i]);
            var pixels = file.GetPixelData();
            var info = Assert.Single(pixels.Frames);
            Assert.Equal(series.Frames[i].EchoTimeMs, info.EchoTimeMs);
            Assert.Equal(series.Frames[i].ImagePositionPatientMm, info.ImagePositionPatientMm);
            Assert.Equal(series.PixelSpacingMm, info.PixelSpacingMm);
            Assert.Equal(series.ImageOrientationPatient, info.ImageOrientationPatient);
            Assert.Equal(0.5, info.RescaleSlope);
            Assert.Equal(series.Frames[i].StoredValues.Select(v => (double)v), pixels.GetStoredValues(0));
            Assert.Equal(1.5, file.Dataset.GetDouble(DicomTags.MagneticFieldStrength));
            Assert.Equal(20, file.Dataset.GetDouble(DicomTags.FlipAngle));
            Assert.Equal(DicomUid.MRImageStorage, file.FileMetaInformation.GetString(DicomTags.MediaStorageSOPClassUID));
            Assert.Empty(file.Diagnostics);
        }
    }

    [Fact]
    public void WriteEnhanced_ThenRead_GivesPerFrameEchoTimesFromFunctionalGroups()
    {
        var series = Series(8);
        var path = Path.Combine(_dir, "enh.dcm");
        MrImageWriter.WriteEnhanced(series, path);

        var pixels = DicomFile.Open(path).GetPixelData();
        Assert.Equal(8, pixels.NumberOfFrames);
        Assert.Equal(series.Frames.Select(f => (double?)f.EchoTimeMs), pixels.Frames.Select(f => f.EchoTimeMs));
        Assert.All(pixels.Frames, f => Assert.Equal(10, f.SliceThicknessMm));
        Assert.Equal(series.Frames[7].StoredValues.Select(v => v * 0.5), pixels.GetRescaledValues(7));
    }

    [CorpusTheory]
    [InlineData("dcm_qa_ts/In/3.dcm")]                                  // explicit big endian → swapped on write
    [InlineData("pydicom-data/emri_small.dcm")]                         // enhanced MR, 10 frames
    [InlineData("dcm_qa_philips_enh/In/enh/2001_WIP_fcMRI_Field_Mapping_e2_phMag.dcm.gz")]
    [InlineData("pydicom-debian-testfiles/MR_small_implicit.dcm")]      // implicit VR, UN private tags
    [InlineData("pydicom-data/parametric_map_double_float.dcm")]        // double float pixel data
    public void CorpusFile_WrittenAndReadBack_KeepsEveryElementAndPixel(string relative)
    {
        var original = DicomFile.Open(TestPaths.CorpusFile(relative));
        var path = Path.Combine(_dir, "copy.dcm");
        original.Save(path);
        var copy = DicomFile.Open(path);

        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, copy.TransferSyntax);
        Assert.Equal(original.Dataset.Select(e => e.Tag), copy.Dataset.Select(e => e.Tag));
        var a = original.GetPixelData();
        var b = copy.GetPixelData();
        for (int i = 0; i < a.NumberOfFrames; i++)
        {
            Assert.Equal(a.GetStoredValues(i), b.GetStoredValues(i));
            // Records holding lists compare lists by reference, so compare their JSON form.
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(a.Frames[i]), System.Text.Json.JsonSerializer.Serialize(b.Frames[i]));
        }
    }

    [ToolFact("dcmdump", "pydicom")]
    public void WrittenFiles_AreReadWithoutComplaintByDcmtkAndPydicom()
    {
        var classic = MrImageWriter.WriteClassic(Series(2), Path.Combine(_dir, "classic"));
        var enhanced = Path.Combine(_dir, "enhanced.dcm");
        MrImageWriter.WriteEnhanced(Series(8), enhanced);
        var copies = new List<string>();
        if (TestPaths.Corpus is not null)
        {
            var copy = Path.Combine(_dir, "philips_copy.dcm");
            DicomFile.Open(TestPaths.CorpusFile("dcm_qa_philips_enh/In/enh/2001_WIP_fcMRI_Field_Mapping_e2_phMag.dcm.gz")).Save(copy);
            copies.Add(copy);
        }

        foreach (var path in classic.Append(enhanced).Concat(copies))
        {
            // dcmdump +E sends parse errors and warnings (E:, W:) to stderr; the dump itself goes to stdout.
            var (code, _, err) = ExternalTool.Run(ExternalTool.Require("dcmdump"), ["+E", path]);
            Assert.True(code == 0 && !err.Contains("E:") && !err.Contains("W:"), $"dcmdump on {path}: exit {code}\n{err}");
        }

        // pydicom reads every file strictly (raising on invalid values) and decodes the pixels to the same values.
        var script = """
            import sys, json, pydicom, numpy as np
            pydicom.config.settings.reading_validation_mode = pydicom.config.RAISE
            out = {}
            for p in sys.argv[1:]:
                ds = pydicom.dcmread(p)
                a = ds.pixel_array.astype(np.int64)
                out[p] = [int(a.sum()), list(a.shape), str(ds.file_meta.TransferSyntaxUID)]
            print(json.dumps(out))
            """;
        var all = classic.Append(enhanced).ToArray();
        var (pyCode, pyOut, pyErr) = ExternalTool.Run(ExternalTool.Require("pydicom"), new[] { "-c", script }.Concat(all));
        Assert.True(pyCode == 0, pyErr);
        var result = System.Text.Json.JsonDocument.Parse(pyOut).RootElement;
        foreach (var path in all)
        {
            var pixels = DicomFile.Open(path).GetPixelData();
            long sum = 0;
            for (int i = 0; i < pixels.NumberOfFrames; i++) sum += (long)pixels.GetStoredValues(i).Sum();
            Assert.Equal(sum, result.GetProperty(path)[0].GetInt64());
            Assert.Equal("1.2.840.10008.1.2.1", result.GetProperty(path)[2].GetString());
        }
    }

    [Fact]
    public void WriteClassic_ValueAboveBitsStored_IsRefusedNotClipped()
    {
        var series = Series(1) with { BitsStored = 10 }; // the phantom's first echo reaches 3914 > 1023
        var e = Assert.Throws<ArgumentException>(() => MrImageWriter.WriteClassic(series, _dir));
        Assert.Contains("nothing is clipped", e.Message);
    }

    [Fact]
    public void Write_EncapsulatedPixelData_IsRefusedWithAnExplanation()
    {
        var ds = new DicomDataset();
        ds.SetString(DicomTags.SOPClassUID, DicomVR.UI, DicomUid.MRImageStorage);
        ds.SetString(DicomTags.SOPInstanceUID, DicomVR.UI, DicomUid.Generate());
        ds.Set(new DicomElement(DicomTags.PixelData, DicomVR.OB, new DicomFragments([], [new DicomFragment(new byte[4], 0)])));
        var e = Assert.Throws<ArgumentException>(() => DicomWriter.Write(new MemoryStream(), ds));
        Assert.Contains("decode it", e.Message);
    }

    [Fact]
    public void Generate_MakesDistinctValidUids()
    {
        var a = DicomUid.Generate();
        Assert.NotEqual(a, DicomUid.Generate());
        Assert.StartsWith("2.25.", a);
        Assert.True(a.Length <= 64);
        Assert.Matches("^[0-9.]+$", a);
    }
}
