using System.Security.Cryptography;
using System.Text.Json;
using IronNotebooks.Calibration;
using IronNotebooks.Dicom;
using IronNotebooks.Dicom.IO;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;
using Xunit;

namespace IronNotebooks.Tests.Relaxometry;

/// <summary>
/// R2* and LIC maps written as DICOM Parametric Maps, checked by dicom3tools (dciodvfy), DCMTK (dcmdump +E) and
/// Debian's pydicom, which must read every value back equal to ours.
/// </summary>
public sealed class ParametricMapTests
{
    private static (string Path, ParametricMapContent Content) Write(string folder, string outDir, bool lic)
    {
        var catalogSeries = ImageCatalog.Scan(folder).AllSeries.First(s => s.MagnitudeEchoTimesMs.Count > 1);
        var series = MultiEchoSeries.FromCatalog(catalogSeries);
        var model = series.EchoTimesMs.Count >= 3 ? DecayModels.Arlo : DecayModels.LogLinear;
        var map = R2StarMap.Compute(series, model);
        var content = lic ? R2StarParametricMap.ForLic(map, series, catalogSeries, RelaxometryCalibrations.Wood2005)
                          : R2StarParametricMap.ForR2Star(map, series, catalogSeries);
        var path = Path.Combine(outDir, lic ? "lic.dcm" : "r2star.dcm");
        ParametricMapWriter.Write(path, content);
        return (path, content);
    }

    public static TheoryData<string, bool> Inputs() => new()
    {
        { "sample", false }, { "sample", true }, { "corpus", false },
    };

    private static string Folder(string which) => which == "sample"
        ? Path.Combine(TestPaths.RepositoryRoot, "datasets", "sample")
        : TestPaths.CorpusFile("dcm_qa_me/In/2_me_FieldMap_GRE");

    [ToolTheory("corpus", "dciodvfy", "dcmdump")]
    [MemberData(nameof(Inputs))]
    public void ParametricMap_PassesDciodvfyAndDcmdumpWithoutErrorsOrWarnings(string which, bool lic)
    {
        var dir = Directory.CreateTempSubdirectory("ironnb-pm-").FullName;
        try
        {
            var (path, _) = Write(Folder(which), dir, lic);
            var v = ExternalTool.Run(ExternalTool.Require("dciodvfy"), [path]);
            var errors = (v.StdOut + v.StdErr).Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 0, string.Join('\n', errors));
            var d = ExternalTool.Run(ExternalTool.Require("dcmdump"), ["+E", path]);
            var problems = (d.StdOut + d.StdErr).Split('\n').Where(l => l.StartsWith("E:", StringComparison.Ordinal) || l.StartsWith("W:", StringComparison.Ordinal)).ToList();
            Assert.True(d.ExitCode == 0 && problems.Count == 0, string.Join('\n', problems));
        }
        finally { Directory.Delete(dir, true); }
    }

    [ToolTheory("corpus", "pydicom")]
    [MemberData(nameof(Inputs))]
    public void ParametricMap_ReadByPydicom_GivesEveryValueBackEqual(string which, bool lic)
    {
        var dir = Directory.CreateTempSubdirectory("ironnb-pm-").FullName;
        try
        {
            var (path, content) = Write(Folder(which), dir, lic);
            const string script = """
                import hashlib, json, sys
                import numpy as np, pydicom
                ds = pydicom.dcmread(sys.argv[1])
                px = ds.pixel_array.astype('<f4').reshape(int(ds.NumberOfFrames), int(ds.Rows), int(ds.Columns))
                m = ds.SharedFunctionalGroupsSequence[0].RealWorldValueMappingSequence[0]
                print(json.dumps({"sop": ds.SOPClassUID, "frames": int(ds.NumberOfFrames), "rows": int(ds.Rows), "cols": int(ds.Columns),
                  "bits": int(ds.BitsAllocated), "label": m.LUTLabel, "units": m.MeasurementUnitsCodeSequence[0].CodeValue,
                  "scheme": m.MeasurementUnitsCodeSequence[0].CodingSchemeDesignator, "slope": float(m.RealWorldValueSlope),
                  "frameOfReference": ds.FrameOfReferenceUID, "study": ds.StudyInstanceUID,
                  "refSeries": ds.ReferencedSeriesSequence[0].SeriesInstanceUID,
                  "refInstances": [i.ReferencedSOPInstanceUID for i in ds.ReferencedSeriesSequence[0].ReferencedInstanceSequence],
                  "positions": [[float(v) for v in f.PlanePositionSequence[0].ImagePositionPatient] for f in ds.PerFrameFunctionalGroupsSequence],
                  "sha256": [hashlib.sha256(f.tobytes()).hexdigest() for f in px]}))
                """;
            var run = ExternalTool.Run(ExternalTool.Require("pydicom"), ["-c", script, path]);
            Assert.True(run.ExitCode == 0, run.StdErr);
            var json = JsonDocument.Parse(run.StdOut).RootElement;
            Assert.Equal(ParametricMapWriter.SopClassUid, json.GetProperty("sop").GetString());
            Assert.Equal((content.Frames.Count, content.Geometry.Rows, content.Geometry.Columns, 32),
                (json.GetProperty("frames").GetInt32(), json.GetProperty("rows").GetInt32(), json.GetProperty("cols").GetInt32(), json.GetProperty("bits").GetInt32()));
            Assert.Equal(lic ? "LIC" : "R2*", json.GetProperty("label").GetString());
            Assert.Equal(lic ? "mg/g" : "1/s", json.GetProperty("units").GetString());
            Assert.Equal("UCUM", json.GetProperty("scheme").GetString());
            Assert.Equal(1.0, json.GetProperty("slope").GetDouble());
            Assert.Equal(content.Source.GetString(DicomTags.FrameOfReferenceUID), json.GetProperty("frameOfReference").GetString());
            Assert.Equal(content.Source.GetString(DicomTags.StudyInstanceUID), json.GetProperty("study").GetString());
            Assert.Equal(content.SourceSeriesInstanceUid, json.GetProperty("refSeries").GetString());
            Assert.Equal(content.Frames.SelectMany(f => f.SourceImages).Select(s => s.SopInstanceUid).Distinct(),
                json.GetProperty("refInstances").EnumerateArray().Select(e => e.GetString()));
            for (int f = 0; f < content.Frames.Count; f++)
            {
                var bytes = new byte[content.Frames[f].Values.Length * 4];
                Buffer.BlockCopy(content.Frames[f].Values, 0, bytes, 0, bytes.Length);
                Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), json.GetProperty("sha256")[f].GetString());
                Assert.Equal(content.Frames[f].ImagePositionPatientMm, json.GetProperty("positions")[f].EnumerateArray().Select(e => e.GetDouble()).ToList());
            }
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void LicMap_OutsideTheCalibrationRange_IsNaNNeverExtrapolated()
    {
        var dir = Directory.CreateTempSubdirectory("ironnb-pm-").FullName;
        try
        {
            var (_, r2) = Write(Path.Combine(TestPaths.RepositoryRoot, "datasets", "sample"), dir, lic: false);
            var (_, lic) = Write(Path.Combine(TestPaths.RepositoryRoot, "datasets", "sample"), dir, lic: true);
            var wood = RelaxometryCalibrations.Wood2005;
            int inRange = 0;
            for (int i = 0; i < r2.Frames[0].Values.Length; i++)
            {
                float r = r2.Frames[0].Values[i], l = lic.Frames[0].Values[i];
                if (!float.IsFinite(r)) { Assert.True(float.IsNaN(l)); continue; }
                // Wood 2005: LIC = 0.0254 R2* + 0.202 mg/g, valid 1.33–32.9 mg/g (docs/methods.md §3).
                double expected = 0.0254 * r + 0.202;
                if (expected < wood.ValidityMinMgPerGram || expected > wood.ValidityMaxMgPerGram) Assert.True(float.IsNaN(l), $"pixel {i}: R2* {r} → {l}");
                else { Assert.Equal(expected, l, 1e-4); inRange++; }
            }
            Assert.True(inRange > 0);
        }
        finally { Directory.Delete(dir, true); }
    }
}
