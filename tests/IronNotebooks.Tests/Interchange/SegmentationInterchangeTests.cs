using System.Security.Cryptography;
using System.Text.Json;
using IronNotebooks.Calibration;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Exams;
using IronNotebooks.Imaging;
using IronNotebooks.Interchange;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;
using IronNotebooks.Simulation;
using Xunit;

namespace IronNotebooks.Tests.Interchange;

/// <summary>
/// ROI sets written as DICOM Segmentations from a synthetic exam and from a corpus series (Siemens dcm_qa_me), checked
/// by dicom3tools (dciodvfy), DCMTK (dcmdump +E) and Debian's pydicom, which must read every value back equal to ours
/// (masks against our RoiRasterizer's); and read back into ROI sets with the same masks and the same R2*.
/// </summary>
public sealed class SegmentationInterchangeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ironnb-seg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed record Case(string ExamFolder, RoiSet Set, SourceSeries Source, SegmentationExportResult Export, string SegPath);

    /// <summary>A synthetic 1.5 T multi-echo exam (64×64) with its ground-truth ROI set.</summary>
    private Case Synthetic(string id = "SEG-SYN", ulong seed = 20261203, bool enhanced = false)
    {
        var exam = SyntheticExamWriter.WritePatient(new VirtualPatient(id, LiverIronConcentration.FromUmolPerGram(120)), [SynthProtocol.MultiEchoGre],
            Path.Combine(_dir, id), new SimulationOptions(seed, 1.5, new AnatomyOptions(64), 50) { EnhancedMultiEcho = enhanced });
        var set = RoiSet.Load(exam.PathOf(exam.RoiSetFile));
        return Export(exam.Folder, set, ImageCatalog.Scan(exam.Folder).AllSeries.First(s => s.MagnitudeEchoTimesMs.Count > 1));
    }

    /// <summary>
    /// The corpus's Siemens dual-echo GRE with one ROI per placement path: a pixel circle on the reference image, a
    /// patient-space polygon on another plane, and a mask that names its own plane.
    /// </summary>
    private Case Corpus()
    {
        var folder = TestPaths.CorpusFile("dcm_qa_me/In/2_me_FieldMap_GRE");
        var series = ImageCatalog.Scan(folder).AllSeries.First(s => s.MagnitudeEchoTimesMs.Count > 1);
        var source = SourceSeries.Of(series);
        var p5 = source.Planes[5];
        var p10 = source.Planes[Math.Min(10, source.Planes.Count - 1)].Geometry;
        var p20 = source.Planes[Math.Min(20, source.Planes.Count - 1)].Geometry;
        int cx = p10.Columns / 2, cy = p10.Rows / 2;
        var muscle = ExamRois.ToPatient(new PolygonRoi("right paraspinal", RoiRole.MuscleRightParaspinal, RoiSpace.Pixel,
            [new(cx - 10, cy - 5), new(cx + 3, cy - 8), new(cx + 6, cy + 7), new(cx - 8, cy + 9)]), p10);
        var lesion = new MaskRoi("lesion", RoiRole.Lesion, p20.Rows, p20.Columns, [.. Enumerable.Range(0, 40).Select(i => (cy + i / 8) * p20.Columns + cx + i % 8)])
            { PlaneOriginMm = new RoiPoint(p20.OriginMm.X, p20.OriginMm.Y, p20.OriginMm.Z) };
        var set = new RoiSet("hand-made test ROIs on the dcm_qa_me dual-echo GRE", p5.Files[0],
        [
            new CircleRoi("liver disc", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(cx - 6, cy + 4), 5.5),
            muscle, lesion,
        ]);
        return Export(folder, set, series);
    }

    private Case Export(string examFolder, RoiSet set, CatalogSeries series)
    {
        var source = SourceSeries.Of(series);
        var export = SegmentationExport.FromRoiSet(set, source, examFolder);
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + "-seg.dcm");
        SegmentationWriter.Write(path, export.Content);
        return new Case(examFolder, set, source, export, path);
    }

    private Case Make(string which) => which switch
    {
        "synthetic" => Synthetic(),
        "synthetic-enhanced" => Synthetic("SEG-ENH", enhanced: true),
        _ => Corpus(),
    };

    /// <summary>Classic single-frame files, one Enhanced MR file (sources referenced with frame numbers), and a corpus series.</summary>
    public static TheoryData<string> Inputs() => ["synthetic", "synthetic-enhanced", "corpus"];

    /// <summary>The mask of <paramref name="roi"/> on plane <paramref name="plane"/> as the measurement path computes it.</summary>
    private static IReadOnlyList<int> RasterizerMask(RoiShape roi, SourcePlane plane) => RoiRasterizer.Rasterize(roi, plane.Geometry).PixelIndices;

    private static string Hash(IReadOnlyList<int> indices, int pixels)
    {
        var mask = new byte[pixels];
        foreach (var i in indices) mask[i] = 1;
        return Convert.ToHexStringLower(SHA256.HashData(mask));
    }

    [ToolTheory("dciodvfy", "dcmdump")]
    [MemberData(nameof(Inputs))]
    public void Segmentation_PassesDciodvfyAndDcmdumpWithoutErrorsOrWarnings(string which)
    {
        if (which == "corpus" && TestPaths.Corpus is null && !Requirements.RequireAll) return;
        var c = Make(which);
        var v = ExternalTool.Run(ExternalTool.Require("dciodvfy"), [c.SegPath]);
        var errors = (v.StdOut + v.StdErr).Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        var d = ExternalTool.Run(ExternalTool.Require("dcmdump"), ["+E", c.SegPath]);
        var problems = (d.StdOut + d.StdErr).Split('\n').Where(l => l.StartsWith("E:", StringComparison.Ordinal) || l.StartsWith("W:", StringComparison.Ordinal)).ToList();
        Assert.True(d.ExitCode == 0 && problems.Count == 0, string.Join('\n', problems));
    }

    [ToolTheory("pydicom")]
    [MemberData(nameof(Inputs))]
    public void Segmentation_ReadByPydicom_GivesEveryValueBackEqual(string which)
    {
        if (which == "corpus" && TestPaths.Corpus is null && !Requirements.RequireAll) return;
        var c = Make(which);
        const string script = """
            import hashlib, json, sys
            import numpy as np, pydicom
            ds = pydicom.dcmread(sys.argv[1])
            n, r, k = int(ds.NumberOfFrames), int(ds.Rows), int(ds.Columns)
            px = ds.pixel_array.reshape(n, r, k).astype(np.uint8)
            code = lambda s: [str(s[0].CodeValue), str(s[0].CodingSchemeDesignator), str(s[0].CodeMeaning)]
            segs = []
            for s in ds.SegmentSequence:
                t = s.SegmentedPropertyTypeCodeSequence[0]
                segs.append({"number": int(s.SegmentNumber), "label": str(s.SegmentLabel), "algorithm": str(s.SegmentAlgorithmType),
                  "algorithmName": str(s.get("SegmentAlgorithmName", "")), "category": code(s.SegmentedPropertyCategoryCodeSequence),
                  "type": code(s.SegmentedPropertyTypeCodeSequence),
                  "modifier": code(t.SegmentedPropertyTypeModifierCodeSequence) if "SegmentedPropertyTypeModifierCodeSequence" in t else None})
            frames = [{"segment": int(f.SegmentIdentificationSequence[0].ReferencedSegmentNumber),
                       "position": [float(v) for v in f.PlanePositionSequence[0].ImagePositionPatient],
                       "index": [int(v) for v in f.FrameContentSequence[0].DimensionIndexValues],
                       "sources": [str(s.ReferencedSOPInstanceUID) for s in f.DerivationImageSequence[0].SourceImageSequence],
                       "sha256": hashlib.sha256(px[i].tobytes()).hexdigest(), "pixels": int(px[i].sum())}
                      for i, f in enumerate(ds.PerFrameFunctionalGroupsSequence)]
            print(json.dumps({"sop": ds.SOPClassUID, "modality": ds.Modality, "type": ds.SegmentationType, "bits": int(ds.BitsAllocated),
              "frames": frames, "rows": r, "cols": k, "segments": segs, "frameOfReference": ds.FrameOfReferenceUID, "study": ds.StudyInstanceUID,
              "patient": str(ds.PatientID), "refSeries": ds.ReferencedSeriesSequence[0].SeriesInstanceUID,
              "refInstances": [i.ReferencedSOPInstanceUID for i in ds.ReferencedSeriesSequence[0].ReferencedInstanceSequence],
              "spacing": [float(v) for v in ds.SharedFunctionalGroupsSequence[0].PixelMeasuresSequence[0].PixelSpacing]}))
            """;
        var run = ExternalTool.Run(ExternalTool.Require("pydicom"), ["-c", script, c.SegPath]);
        Assert.True(run.ExitCode == 0, run.StdErr);
        var json = JsonDocument.Parse(run.StdOut).RootElement;
        var content = c.Export.Content;
        Assert.Equal(SegmentationWriter.SopClassUid, json.GetProperty("sop").GetString());
        Assert.Equal(("SEG", "BINARY", 1), (json.GetProperty("modality").GetString(), json.GetProperty("type").GetString(), json.GetProperty("bits").GetInt32()));
        Assert.Equal((content.Geometry.Rows, content.Geometry.Columns), (json.GetProperty("rows").GetInt32(), json.GetProperty("cols").GetInt32()));
        Assert.Equal(content.Geometry.PixelSpacingMm, json.GetProperty("spacing").EnumerateArray().Select(e => e.GetDouble()).ToList());
        Assert.Equal(c.Source.FrameOfReferenceUid, json.GetProperty("frameOfReference").GetString());
        Assert.Equal(c.Source.FirstDataset.GetString(DicomTags.StudyInstanceUID), json.GetProperty("study").GetString());
        Assert.Equal(c.Source.FirstDataset.GetString(DicomTags.PatientID), json.GetProperty("patient").GetString());
        Assert.Equal(c.Source.Series.SeriesInstanceUid, json.GetProperty("refSeries").GetString());
        // The Common Instance Reference lists exactly the images the frames derive from.
        Assert.Equal(c.Export.Segments.SelectMany(e => e.PlaneIndices).Distinct().SelectMany(p => c.Source.Planes[p].SourceImages).Select(s => s.SopInstanceUid).Distinct().Order(),
            json.GetProperty("refInstances").EnumerateArray().Select(e => e.GetString()!).Order());

        // Segments: one per ROI, label = ROI name, codes of its role.
        var segments = json.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(c.Set.Rois.Count, segments.Count);
        for (int s = 0; s < segments.Count; s++)
        {
            var roi = c.Set.Rois[s];
            var codes = RoiRoleCodes.For(roi.Role);
            Assert.Equal(s + 1, segments[s].GetProperty("number").GetInt32());
            Assert.Equal(roi.Name, segments[s].GetProperty("label").GetString());
            Assert.Equal(SegmentationExport.InferAlgorithm(c.Set).Type.ToString().ToUpperInvariant(), segments[s].GetProperty("algorithm").GetString());
            Assert.Equal([codes.Category.Value, codes.Category.Scheme, codes.Category.Meaning], segments[s].GetProperty("category").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal([codes.Type.Value, codes.Type.Scheme, codes.Type.Meaning], segments[s].GetProperty("type").EnumerateArray().Select(e => e.GetString()));
            if (codes.TypeModifier is { } m) Assert.Equal([m.Value, m.Scheme, m.Meaning], segments[s].GetProperty("modifier").EnumerateArray().Select(e => e.GetString()));
            else Assert.Equal(JsonValueKind.Null, segments[s].GetProperty("modifier").ValueKind);
        }

        // Frames: in (segment, position) order, each mask equal to the rasteriser's on the ROI's plane, with that plane's sources.
        var expected = c.Export.Segments.SelectMany(e => e.PlaneIndices.Select(p => (e.SegmentNumber, Roi: c.Set.Rois[e.SegmentNumber - 1], Plane: c.Source.Planes[p])))
            .OrderBy(x => x.SegmentNumber).ThenBy(x => x.Plane.Geometry.SliceLocationMm).ToList();
        var frames = json.GetProperty("frames").EnumerateArray().ToList();
        Assert.Equal(expected.Count, frames.Count);
        for (int f = 0; f < frames.Count; f++)
        {
            var (number, roi, plane) = expected[f];
            var mask = RasterizerMask(roi, plane);
            Assert.Equal(number, frames[f].GetProperty("segment").GetInt32());
            Assert.Equal(number, frames[f].GetProperty("index")[0].GetInt32());
            var o = plane.Geometry.OriginMm;
            Assert.Equal([o.X, o.Y, o.Z], frames[f].GetProperty("position").EnumerateArray().Select(e => e.GetDouble()));
            Assert.Equal(plane.SourceImages.Select(s => s.SopInstanceUid), frames[f].GetProperty("sources").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(mask.Count, frames[f].GetProperty("pixels").GetInt32());
            Assert.Equal(Hash(mask, content.Geometry.PixelsPerFrame), frames[f].GetProperty("sha256").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void RoundTrip_RoiSetToSegmentationToRoiSet_GivesTheSameMasksOnTheSamePlanes(string which)
    {
        if (which == "corpus" && TestPaths.Corpus is null && !Requirements.RequireAll) return;
        var c = Make(which);
        var imported = SegmentationImport.ToRoiSet(SegmentationReader.Read(c.SegPath), [c.Source], c.ExamFolder);
        Assert.Equal("sopInstance", imported.Matching);
        Assert.Equal(c.Source.FrameOfReferenceUid, imported.Set.FrameOfReferenceUid);
        Assert.Equal(c.Set.Rois.Select(r => (r.Name, r.Role)), imported.Set.Rois.Select(r => (r.Name, r.Role)));
        foreach (var e in c.Export.Segments)
        {
            var plane = c.Source.Planes[Assert.Single(e.PlaneIndices)];
            var back = Assert.IsType<MaskRoi>(imported.Set[e.Roi]);
            Assert.Equal(RasterizerMask(c.Set[e.Roi], plane), RasterizerMask(back, plane));
            // The imported mask refuses any other plane.
            if (c.Source.Planes.FirstOrDefault(p => p.Index != plane.Index) is { } other)
                Assert.Throws<RoiException>(() => RoiRasterizer.Rasterize(back, other.Geometry));
        }
        // And the set survives its own JSON (the plane of each mask included).
        var reloaded = RoiSet.FromJson(imported.Set.ToJson());
        Assert.Equal(imported.Set.Rois.OfType<MaskRoi>().Select(m => m.PlaneOriginMm), reloaded.Rois.OfType<MaskRoi>().Select(m => m.PlaneOriginMm));
    }

    [Fact]
    public void RoundTrip_SyntheticExam_GivesTheSameR2StarThroughRoiFits()
    {
        var c = Synthetic();
        var imported = SegmentationImport.ToRoiSet(SegmentationReader.Read(c.SegPath), [c.Source], c.ExamFolder).Set;
        var series = MultiEchoSeries.FromCatalog(c.Source.Series);
        foreach (var roi in c.Set.Rois.Where(r => r.Role == RoiRole.Liver))
        {
            var e = c.Export.Segments.Single(s => s.Roi == roi.Name);
            int slice = Assert.Single(e.PlaneIndices);
            var before = RoiDecayFit.Fit(series, slice, roi, DecayModels.Arlo).Fit;
            var after = RoiDecayFit.Fit(series, slice, imported[roi.Name], DecayModels.Arlo).Fit;
            Assert.True(before.IsUsable);
            Assert.Equal(before.R2StarPerSecond, after.R2StarPerSecond);
        }
    }

    [Fact]
    public void Import_SegmentationOfAnotherExam_IsRefusedNamingItsFrameOfReference()
    {
        var a = Synthetic("SEG-A", 1);
        var b = Synthetic("SEG-B", 2);
        var seg = SegmentationReader.Read(a.SegPath);
        var e = Assert.Throws<InterchangeException>(() => SegmentationImport.ToRoiSet(seg, [b.Source], b.ExamFolder));
        Assert.Contains("does not belong to this exam", e.Message, StringComparison.Ordinal);
        Assert.Contains(seg.FrameOfReferenceUid!, e.Message, StringComparison.Ordinal);
        Assert.Contains(a.SegPath, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FramesWithoutSourceReferences_AreMatchedByPlanePosition()
    {
        var c = Synthetic();
        // The same content without Derivation Image references nor instance list: only positions and the frame of reference remain.
        var stripped = c.Export.Content with { Frames = [.. c.Export.Content.Frames.Select(f => f with { SourceImages = [] })] };
        var path = Path.Combine(_dir, "noref.dcm");
        SegmentationWriter.Write(path, stripped);
        var imported = SegmentationImport.ToRoiSet(SegmentationReader.Read(path), [c.Source], c.ExamFolder);
        Assert.Equal("planePosition", imported.Matching);
        foreach (var e in c.Export.Segments)
            Assert.Equal(RasterizerMask(c.Set[e.Roi], c.Source.Planes[e.PlaneIndices[0]]), RasterizerMask(imported.Set[e.Roi], c.Source.Planes[e.PlaneIndices[0]]));
    }

    [Fact]
    public void Import_FrameOnAnotherGrid_IsRefusedAsUnmappableGeometry()
    {
        var c = Synthetic();
        // Same frame of reference and plane position, but a 32×32 grid of twice the spacing: resampling would be needed.
        var content = c.Export.Content;
        var coarse = content with
        {
            Geometry = content.Geometry with { Rows = 32, Columns = 32, PixelSpacingMm = [.. content.Geometry.PixelSpacingMm.Select(v => 2 * v)] },
            Frames = [.. content.Frames.Select(f => f with { SourceImages = [], PixelIndices = [0, 1, 32] })],
        };
        var path = Path.Combine(_dir, "coarse.dcm");
        SegmentationWriter.Write(path, coarse);
        var e = Assert.Throws<InterchangeException>(() => SegmentationImport.ToRoiSet(SegmentationReader.Read(path), [c.Source], c.ExamFolder));
        Assert.Contains("cannot be mapped without resampling", e.Message, StringComparison.Ordinal);
        Assert.Contains("32×32", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_PrefersTheSeriesOfTheReferenceImage_AndNamesTheSeriesWhenAskedForAMissingOne()
    {
        var exam = SyntheticExamWriter.WritePatient(new VirtualPatient("SEG-CHOOSE", LiverIronConcentration.FromUmolPerGram(80)), [SynthProtocol.Rennes, SynthProtocol.MultiEchoGre],
            Path.Combine(_dir, "choose"), new SimulationOptions(5, 1.5, new AnatomyOptions(64), 50));
        var catalog = ImageCatalog.Scan(exam.Folder);
        var set = RoiSet.Load(exam.PathOf(exam.RoiSetFile));
        var byReference = SourceSeries.Choose(catalog, set, exam.Folder, null);
        Assert.Contains(byReference.Planes.SelectMany(p => p.Files), f => Path.GetFullPath(f) == Path.GetFullPath(Path.Combine(exam.Folder, set.ReferenceImage!)));
        var multiEcho = SourceSeries.Choose(catalog, set with { ReferenceImage = null }, exam.Folder, null);
        Assert.True(multiEcho.Series.MagnitudeEchoTimesMs.Count > 1);
        var e = Assert.Throws<InterchangeException>(() => SourceSeries.Choose(catalog, set, exam.Folder, 777));
        Assert.Contains("no series number 777", e.Message, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void Import_PydicomLiverSegmentation_WithoutExam_GivesOneLiverMaskPerPlane()
    {
        var seg = SegmentationReader.Read(TestPaths.CorpusFile("pydicom-data/liver.dcm"));
        var result = SegmentationImport.ToRoiSet(seg);
        Assert.Equal("none", result.Matching);
        Assert.Equal(3, result.Set.Rois.Count);
        Assert.All(result.Set.Rois, r => Assert.Equal(RoiRole.Liver, r.Role));   // (T-62000, SRT, "Liver") through the SNOMED RT alias
        Assert.All(result.Set.Rois, r => Assert.StartsWith("Liver @ ", r.Name, StringComparison.Ordinal));
        var masks = result.Set.Rois.Cast<MaskRoi>().ToList();
        Assert.Equal(seg.Frames.OrderBy(f => f.ImagePositionPatientMm![2]).Select(f => f.PixelIndices.Count), masks.Select(m => m.PixelIndices.Count));
        Assert.All(masks, m => Assert.NotNull(m.PlaneOriginMm));
        Assert.Equal(seg.FrameOfReferenceUid, result.Set.FrameOfReferenceUid);
    }

    [CorpusFact]
    public void Import_PydicomLiverSegmentation_IntoASyntheticExam_IsRefusedAsAnotherExam()
    {
        var c = Synthetic();
        var e = Assert.Throws<InterchangeException>(() =>
            SegmentationImport.ToRoiSet(SegmentationReader.Read(TestPaths.CorpusFile("pydicom-data/liver.dcm")), [c.Source], c.ExamFolder));
        Assert.Contains("1.2.392.200103.20080913.113635.3.2009.6.22.21.44.34.23882.1", e.Message, StringComparison.Ordinal);   // its Frame of Reference UID
    }

    [Fact]
    public void Export_RoiSetOfAnotherFrameOfReference_IsRefused()
    {
        var c = Synthetic();
        var e = Assert.Throws<InterchangeException>(() => SegmentationExport.FromRoiSet(c.Set with { FrameOfReferenceUid = "1.2.3.4" }, c.Source, c.ExamFolder));
        Assert.Contains("1.2.3.4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_ProposedRoiSet_IsAutomaticWithTheProposerNamed()
    {
        var c = Synthetic();
        var proposed = c.Set with { Description = "Proposed by IronNotebooks RoiProposer on slice 0 (0 mm) of 'x': liver 1 confidence 0.9" };
        var export = SegmentationExport.FromRoiSet(proposed, c.Source, c.ExamFolder);
        Assert.All(export.Content.Segments, s => Assert.Equal((SegmentAlgorithmType.Automatic, SegmentationExport.ProposerAlgorithmName), (s.AlgorithmType, s.AlgorithmName)));
        Assert.All(SegmentationExport.FromRoiSet(c.Set, c.Source, c.ExamFolder).Content.Segments, s => Assert.Equal(SegmentAlgorithmType.Manual, s.AlgorithmType));
    }
}
