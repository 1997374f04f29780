using System.Globalization;
using System.Text.Json;
using IronNotebooks.Calibration;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.FatWater;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using IronNotebooks.Simulation;
using Xunit;
using Xunit.Abstractions;

namespace IronNotebooks.Tests.Simulation;

/// <summary>
/// The simulator's chemical-shift series (magnitude + Siemens-convention phase, multi-peak fat, smooth B0) written as
/// DICOM, read back through ImageCatalog → ChemicalShiftSeriesLoader and fitted: PDFF and CC-R2* come back within the
/// issue-18 accuracy targets at SNR 50; dciodvfy finds no error; pydicom reads the same phase values.
/// </summary>
public sealed class ChemicalShiftDicomTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ironnb-cse-dicom-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private SimulatedExam Write(string id, double field, double licUmol, double pdffPercent, double snr = 50, int matrix = 128, ulong seed = 18) =>
        SyntheticExamWriter.WritePatient(new VirtualPatient(id, LiverIronConcentration.FromUmolPerGram(licUmol), LiverFatFraction: pdffPercent / 100),
            [SynthProtocol.ChemicalShift], Path.Combine(_dir, id), new SimulationOptions(seed, field, new AnatomyOptions(matrix), snr));

    private static (ChemicalShiftSeries Series, PhasePairing Pairing) Load(SimulatedExam exam)
    {
        var catalog = ImageCatalog.Scan(exam.Folder);
        var magnitude = catalog.AllSeries.Single(s => s.MagnitudeEchoTimesMs.Count > 0);
        return ChemicalShiftSeriesLoader.Load(catalog, magnitude);
    }

    private static IReadOnlyList<RoiShape> Livers(SimulatedExam exam) =>
        [.. RoiSet.Load(exam.PathOf(exam.RoiSetFile)).Rois.Where(r => r.Role == RoiRole.Liver)];

    /// <summary>
    /// PDFF 0–40 % × liver R2* 25–500 s⁻¹ at SNR 50, three 8 mm liver ROIs per exam (their mean is what `exam measure`
    /// reports). Targets of issue 18: per exam |PDFF − truth| ≤ 1 point; CC-R2* bias (mean over the three PDFF exams of one
    /// R2*) ≤ 5 %. Every single ROI fit must be within 2 points, 15 % and 5 Hz of the field map, or else be flagged
    /// SwapSuspected; below <see cref="ReliableR2StarPerSecond"/> no flag is allowed. The truth is the signal fat fraction
    /// (fat and water T1-weighted at TR 9 ms, 3°), which is what the images carry.
    /// </summary>
    [Theory]
    [InlineData(1.5)]
    [InlineData(3.0)]
    public void WrittenSeries_ReadBackAndFittedComplex_RecoversPdffAndCcR2StarAtSnr50(double field)
    {
        var problems = new List<string>();
        var ratiosByRate = new Dictionary<double, List<double>>();
        int k = 0;
        foreach (double pdff in new[] { 0.0, 20, 40 })
            foreach (double lic in new[] { 20.0, 100, 200 })
            {
                if (LiverIronModel.FromLic(LiverIronConcentration.FromUmolPerGram(lic), field).R2StarPerSecond > 500) continue;
                var exam = Write(string.Create(CultureInfo.InvariantCulture, $"SYN-{++k:D4}"), field, lic, pdff, seed: (ulong)(100 + k));
                var truth = exam.Series.Single().ChemicalShift!;
                if (truth.LiverR2StarPerSecond > 500) continue;
                var (series, pairing) = Load(exam);
                Assert.Equal(PhaseSourceKind.OtherSeriesPhase, pairing.Kind);
                var livers = Livers(exam);
                var fits = RoiComplexFatWaterFit.Fit(series, 0, livers, FatWaterOptions.At(field)).Select(r => r.Fit).ToList();
                Assert.All(fits, f => Assert.Equal(FatWaterFitKind.ComplexRegularised, f.Kind));
                string cell = FormattableString.Invariant($"{field} T PDFF {pdff} (signal {truth.LiverSignalFatFractionPercent:0.00}) R2* {truth.LiverR2StarPerSecond:0.0}");
                bool reliable = truth.LiverR2StarPerSecond <= ReliableR2StarPerSecond;
                for (int r = 0; r < fits.Count; r++)
                {
                    var f = fits[r];
                    double dPdff = f.FatFractionPercent - truth.LiverSignalFatFractionPercent, ratio = f.R2StarPerSecond / truth.LiverR2StarPerSecond;
                    double dField = f.FieldMapHz!.Value - truth.LiverRoiFieldMapHz[livers[r].Name];
                    log.WriteLine(FormattableString.Invariant($"{cell} {livers[r].Name}: PDFF {f.FatFractionPercent:0.00} ({dPdff:+0.00;-0.00}), CC-R2* {f.R2StarPerSecond:0.0} ({100 * (ratio - 1):+0.0;-0.0} %), field {dField:+0.0;-0.0} Hz{(f.SwapSuspected ? ", SWAP SUSPECTED" : "")}"));
                    bool sane = Math.Abs(dPdff) <= 2.0 && Math.Abs(ratio - 1) <= 0.15 && Math.Abs(dField) <= 5;
                    if (!sane && !f.SwapSuspected) problems.Add($"{cell} {livers[r].Name}: off by more than 2 points / 15 % / 5 Hz without the swap flag");
                    if (reliable && f.SwapSuspected) problems.Add($"{cell} {livers[r].Name}: flagged at an R2* where it must not be");
                }
                if (fits.Any(f => f.SwapSuspected)) continue;
                double meanPdff = fits.Average(f => f.FatFractionPercent);
                log.WriteLine(FormattableString.Invariant($"{cell}: exam PDFF {meanPdff:0.00}, CC-R2* {fits.Average(f => f.R2StarPerSecond):0.0}"));
                if (Math.Abs(meanPdff - truth.LiverSignalFatFractionPercent) > 1.0) problems.Add($"{cell}: exam PDFF off by more than 1 point");
                var list = ratiosByRate.TryGetValue(truth.LiverR2StarPerSecond, out var l) ? l : ratiosByRate[truth.LiverR2StarPerSecond] = [];
                list.AddRange(fits.Select(f => f.R2StarPerSecond / truth.LiverR2StarPerSecond));
            }
        foreach (var (rate, ratios) in ratiosByRate)
        {
            log.WriteLine(FormattableString.Invariant($"{field} T R2* {rate:0.0}: CC-R2* bias {100 * (ratios.Average() - 1):+0.00;-0.00} % over {ratios.Count} ROI fits"));
            if (Math.Abs(ratios.Average() - 1) > 0.05) problems.Add(FormattableString.Invariant($"{field} T R2* {rate:0.0}: CC-R2* bias above 5 %"));
        }
        Assert.True(ratiosByRate.Count >= 2, "at least two R2* levels were checked");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>Liver R2* up to which every ROI fit must meet the targets unflagged, s⁻¹.</summary>
    private const double ReliableR2StarPerSecond = 300;

    [Fact]
    public void NoiselessPhase_FollowsTheSiemensConventionAndTheTruthFieldMap()
    {
        var exam = Write("SYN-0001", 1.5, 60, 0, snr: 0, matrix: 96);
        var truth = exam.Series.Single().ChemicalShift!;
        Assert.Equal(2, truth.PhaseSeriesNumber);
        Assert.Equal(6, truth.PhaseFiles.Count);
        var (series, _) = Load(exam);
        var phase = series.PhaseRadians!.Slices[0];
        var g = phase.Geometry;
        var psi = ChemicalShiftImaging.FieldMapHz(g, truth);
        var muscle = RoiSet.Load(exam.PathOf(exam.RoiSetFile)).Rois.First(r => r.Role == RoiRole.MuscleLeftParaspinal);
        var te = series.Magnitude.EchoTimesMs;
        // Muscle has no fat: the phase advances by 2πψΔTE per echo (the φ0 and the T2* do not enter the difference).
        foreach (int i in RoiRasterizer.Rasterize(muscle, g).PixelIndices)
        {
            double d = phase.Echoes[1].Pixels[i] - phase.Echoes[0].Pixels[i];
            d = Math.IEEERemainder(d, 2 * Math.PI);
            double expected = Math.IEEERemainder(2 * Math.PI * psi[i] * (te[1] - te[0]) / 1000, 2 * Math.PI);
            Assert.Equal(expected, d, 0.004); // 12-bit phase: one step is 2π/4096 = 1.5 mrad
        }
    }

    [ToolFact("dciodvfy")]
    public void WrittenMagnitudeAndPhaseFiles_PassDciodvfyWithoutErrors()
    {
        var exam = Write("SYN-0001", 3.0, 80, 20, matrix: 64);
        var s = exam.Series.Single();
        foreach (var file in s.Files.Concat(s.ChemicalShift!.PhaseFiles))
        {
            var v = ExternalTool.Run(ExternalTool.Require("dciodvfy"), [exam.PathOf(file)]);
            var errors = (v.StdOut + v.StdErr).Split('\n').Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 0, file + ":\n" + string.Join('\n', errors));
        }
    }

    [ToolFact("pydicom")]
    public void Pydicom_ReadsImageTypeRescaleAndTheSamePhaseInRadians()
    {
        var exam = Write("SYN-0001", 1.5, 80, 20, matrix: 64);
        var s = exam.Series.Single();
        var (series, _) = Load(exam);
        const string script = """
            import json, math, sys
            import numpy as np, pydicom
            out = {}
            for path in sys.argv[1:]:
                ds = pydicom.dcmread(path)
                rescaled = ds.pixel_array.astype(np.float64) * float(ds.RescaleSlope) + float(ds.RescaleIntercept)
                out[path] = {"imageType": list(ds.ImageType), "slope": float(ds.RescaleSlope), "intercept": float(ds.RescaleIntercept),
                             "bitsStored": int(ds.BitsStored), "echoTime": float(ds.EchoTime), "series": int(ds.SeriesNumber),
                             "frameOfReference": ds.FrameOfReferenceUID, "radians": (rescaled * math.pi / 4096).ravel().tolist()}
            print(json.dumps(out))
            """;
        var files = s.ChemicalShift!.PhaseFiles.Select(exam.PathOf).ToList();
        var (code, stdout, err) = ExternalTool.Run(ExternalTool.Require("pydicom"), ["-c", script, .. files]);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(stdout);
        var magnitudeFrame = ReadFrameOfReference(exam.PathOf(s.Files[0]));
        for (int e = 0; e < files.Count; e++)
        {
            var py = doc.RootElement.GetProperty(files[e]);
            Assert.Equal(["ORIGINAL", "PRIMARY", "P", "ND"], py.GetProperty("imageType").EnumerateArray().Select(x => x.GetString()));
            Assert.Equal((2.0, -4096.0, 12), (py.GetProperty("slope").GetDouble(), py.GetProperty("intercept").GetDouble(), py.GetProperty("bitsStored").GetInt32()));
            Assert.Equal(s.EchoTimesMs[e], py.GetProperty("echoTime").GetDouble());
            Assert.Equal(s.SeriesNumber + 1, py.GetProperty("series").GetInt32());
            Assert.Equal(magnitudeFrame, py.GetProperty("frameOfReference").GetString());
            var radians = py.GetProperty("radians").EnumerateArray().Select(x => x.GetDouble()).ToList();
            var ours = series.PhaseRadians!.Slices[0].Echoes[e].Pixels.ToArray();
            Assert.Equal(ours.Length, radians.Count);
            Assert.All(radians, r => Assert.InRange(r, -Math.PI, Math.PI));
            Assert.True(ours.Select((v, i) => Math.Abs(v - radians[i])).Max() < 1e-6, "our radians equal pydicom's rescaled × π/4096");
        }
    }

    private static string ReadFrameOfReference(string path) => Dicom.DicomFile.Open(path).Dataset.GetString(Dicom.DicomTags.FrameOfReferenceUID);

    [Fact]
    public void PhaseSeriesWithAMissingEcho_IsAnErrorNamingBothSeries()
    {
        var exam = Write("SYN-0001", 1.5, 60, 10, matrix: 64);
        var s = exam.Series.Single();
        File.Delete(exam.PathOf(s.ChemicalShift!.PhaseFiles[^1]));
        var e = Assert.Throws<ImagingException>(() => Load(exam));
        Assert.Contains("do not match the magnitude series", e.Message);
        Assert.Contains("5 phase echoes for 6 magnitude echoes", e.Message);
        Assert.Contains("SYNTHETIC CSE GRE", e.ToString());
        Assert.Contains("phase", e.ToString());
    }
}
