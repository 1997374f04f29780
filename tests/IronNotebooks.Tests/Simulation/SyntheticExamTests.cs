using System.Globalization;
using IronNotebooks.Calibration;
using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;
using IronNotebooks.Simulation;
using Xunit;
using Xunit.Abstractions;

namespace IronNotebooks.Tests.Simulation;

/// <summary>Written exams read back through the same path a notebook uses: DICOM → ImageCatalog → MultiEchoSeries → ROI → fit.</summary>
public sealed class SyntheticExamTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ironnb-synth-" + Guid.NewGuid().ToString("N"));
    private readonly ITestOutputHelper _log;

    public SyntheticExamTests(ITestOutputHelper log) => _log = log;

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static SimulationOptions Small(double field = 1.5, ulong seed = 20261122, double snr = 50) =>
        new(seed, field, new AnatomyOptions(128), snr);

    private static VirtualPatient Patient(double umol, string id = "SYN-0001") => new(id, LiverIronConcentration.FromUmolPerGram(umol));

    private static MultiEchoSeries Load(SimulatedExam exam, string label) =>
        MultiEchoSeries.FromCatalog(ImageCatalog.Scan(exam.PathOf(exam.Sequence(label).Folder)).AllSeries.Single());

    [Theory]
    [InlineData(30)]
    [InlineData(80)]
    [InlineData(150)]
    [InlineData(250)]
    [InlineData(350)]
    public void MultiEchoGre_FittedFromTheDicomFiles_RecoversTheGeneratingR2Star(double licUmol)
    {
        var exam = SyntheticExamWriter.WritePatient(Patient(licUmol), [SynthProtocol.MultiEchoGre], Path.Combine(_dir, "p"), Small());
        var series = Load(exam, "MGRE");
        var rois = RoiSet.Load(exam.PathOf(exam.RoiSetFile));
        // σ from the air ROI (Rayleigh), as a reader would get it; the Rician model then removes the noise-floor bias.
        var background = RoiMeasurement.Measure(series.Slices[0].Echoes[0], rois["background"]);
        double sigma = NoiseEstimate.FromBackground(background).SigmaFromMean;
        Assert.InRange(sigma / exam.Sequence("MGRE").NoiseSigma, 0.9, 1.1);
        var fits = rois.Rois.Where(r => r.Role == RoiRole.Liver)
            .Select(r => RoiDecayFit.Fit(series, 0, r, DecayModels.Rician, DecayFitOptions.Default with { NoiseSigma = sigma }).Fit).ToList();
        Assert.All(fits, f => Assert.True(f.IsUsable, f.Status.ToString()));
        double fitted = fits.Average(f => f.R2StarPerSecond);
        double truth = exam.LiverR2StarPerSecond!.Value;
        _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"LIC {licUmol} µmol/g: true R2* {truth:0.0}, fitted {fitted:0.0} ({fits.Select(f => f.R2StarPerSecond.ToString("0.0", CultureInfo.InvariantCulture)).Aggregate((a, b) => a + "/" + b)}), ratio {fitted / truth:0.0000}"));
        // Within noise: three 8 mm ROIs at SNR 50 (≈ 20 pixels each); observed ratios are listed in the log.
        Assert.InRange(fitted / truth, 0.95, 1.05);
        // And the calibration returns the LIC.
        var lic = LicConversion.FromRate(fitted, 1.5, RelaxometryCalibrations.Wood2005).Lic!.Value.UmolPerGram;
        Assert.InRange(lic / licUmol, 0.93, 1.07);
    }

    [Theory]
    [InlineData(0.35)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void MultiEchoGre_AtEveryOtherField_RecoversTheR2StarOfThatField(double field)
    {
        var exam = SyntheticExamWriter.WritePatient(Patient(150), [SynthProtocol.MultiEchoGre], Path.Combine(_dir, "p"), Small(field));
        var series = Load(exam, "MGRE");
        Assert.Equal(field, series.FieldStrengthT);
        var rois = RoiSet.Load(exam.PathOf(exam.RoiSetFile));
        double sigma = NoiseEstimate.FromBackground(RoiMeasurement.Measure(series.Slices[0].Echoes[0], rois["background"])).SigmaFromMean;
        double fitted = rois.Rois.Where(r => r.Role == RoiRole.Liver)
            .Average(r => RoiDecayFit.Fit(series, 0, r, DecayModels.Rician, DecayFitOptions.Default with { NoiseSigma = sigma }).Fit.R2StarPerSecond);
        Assert.InRange(fitted / exam.LiverR2StarPerSecond!.Value, 0.95, 1.05);
        Assert.Equal(field is 3.0 ? "storey2007-liver" : LiverIronModel.LinearR2PrimeRule, exam.R2StarRule);
    }

    [Fact]
    public void HeartSeptum_TakesThePatientsT2Star_AndStoreysHeartLineAtThreeTesla()
    {
        var patient = Patient(50) with { HeartT2StarMs1p5T = 12 };
        var options = Small() with { Anatomy = new AnatomyOptions(96, IncludeHeartSeptum: true) };
        var at15 = SyntheticExamWriter.WritePatient(patient, [SynthProtocol.MultiEchoGre], Path.Combine(_dir, "h15"), options);
        var at3 = SyntheticExamWriter.WritePatient(patient, [SynthProtocol.MultiEchoGre], Path.Combine(_dir, "h3"), options with { FieldStrengthT = 3.0 });
        Assert.Equal(1000.0 / 12, at15.Tissues.Single(t => t.Tissue == Tissue.HeartSeptum).R2StarPerSecond, 9);
        Assert.Equal(1.88 * 1000 / 12 - 15, at3.Tissues.Single(t => t.Tissue == Tissue.HeartSeptum).R2StarPerSecond, 9);
        Assert.Contains(at15.Sequence("MGRE").Rois, r => r.Role == RoiRole.HeartSeptum);
    }

    [Fact]
    public void CoilShading_ChangesTheRatiosButNotTheirDecayWithEchoTime()
    {
        var flat = SyntheticExamWriter.WritePatient(Patient(60), [SynthProtocol.Rennes], Path.Combine(_dir, "flat"), Small(snr: 0));
        var shaded = SyntheticExamWriter.WritePatient(Patient(60), [SynthProtocol.Rennes], Path.Combine(_dir, "shaded"), Small(snr: 0) with { CoilShading = 0.4 });
        double Slope(SimulatedExam e) => Math.Log(e.Sequence("PD").NoiselessLiverToMuscleRatio[0] / e.Sequence("T2+").NoiselessLiverToMuscleRatio[0]) / 0.010;
        Assert.NotEqual(flat.Sequence("PD").NoiselessLiverToMuscleRatio[0], shaded.Sequence("PD").NoiselessLiverToMuscleRatio[0], 3);
        Assert.Equal(Slope(flat), Slope(shaded), 1e-2);
        Assert.Contains(shaded.Warnings, w => w.Contains("body coil", StringComparison.Ordinal));
    }

    [Fact]
    public void MultiEchoGre_WithoutNoise_GivesTheExactR2StarEverywhereInTheLiver()
    {
        var exam = SyntheticExamWriter.WritePatient(Patient(120), [SynthProtocol.MultiEchoGre], Path.Combine(_dir, "p"), Small(snr: 0));
        var series = Load(exam, "MGRE");
        var fit = RoiDecayFit.Fit(series, 0, RoiSet.Load(exam.PathOf(exam.RoiSetFile))["liver-2"], DecayModels.Mono).Fit;
        // Only the 16-bit quantisation remains (steps of 1/65535 of the maximum).
        Assert.Equal(exam.LiverR2StarPerSecond!.Value, fit.R2StarPerSecond, 0.5);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(200)]
    public void MultiEchoSe_FittedFromTheDicomFiles_RecoversTheGeneratingR2(double licUmol)
    {
        var exam = SyntheticExamWriter.WritePatient(Patient(licUmol), [SynthProtocol.MultiEchoSe], Path.Combine(_dir, "p"), Small(snr: 100));
        var series = Load(exam, "MSE");
        var rois = RoiSet.Load(exam.PathOf(exam.RoiSetFile));
        var r2 = rois.Rois.Where(r => r.Role == RoiRole.Liver).Average(r => RoiDecayFit.Fit(series, 0, r, DecayModels.Mono).Fit.R2StarPerSecond);
        _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"LIC {licUmol}: true R2 {exam.LiverR2PerSecond:0.0}, fitted {r2:0.0}"));
        Assert.InRange(r2 / exam.LiverR2PerSecond!.Value, 0.96, 1.04);
    }

    [Theory]
    [InlineData(0.5, "rennes-0.5T")]
    [InlineData(1.0, "rennes-1.0T")]
    [InlineData(1.5, "rennes-1.5T")]
    [InlineData(3.0, "rennes-3T")]
    public void RennesExam_IsRecognisedAsTheProtocol_AndItsRatiosFollowTheSpoiledGrePhysics(double field, string protocol)
    {
        var exam = SyntheticExamWriter.WritePatient(Patient(100), [SynthProtocol.Rennes], Path.Combine(_dir, "p"), Small(field));
        var match = SequenceSet.FromCatalog(ImageCatalog.Scan(exam.Folder)).Match(SequenceProtocols.Get(protocol));
        Assert.True(match.IsComplete, string.Join(", ", match.Missing));
        Assert.All(match.Steps, s => Assert.Equal(1, s.Candidates));
        Assert.Empty(match.Unused);
        // docs/methods.md §2.4: for equal TR and flip, ln(L/M(TEa)/L/M(TEb)) = (R2*liver − R2*muscle)(TEb − TEa).
        double muscleR2Star = exam.Tissues.Single(t => t.Tissue == Tissue.Muscle).R2StarPerSecond;
        var gre20 = exam.Series.Where(s => s.FlipAngleDeg == 20).ToList();
        for (int i = 1; i < gre20.Count; i++)
        {
            double dTe = (gre20[i].EchoTimesMs[0] - gre20[0].EchoTimesMs[0]) / 1000;
            double slope = Math.Log(gre20[0].NoiselessLiverToMuscleRatio[0] / gre20[i].NoiselessLiverToMuscleRatio[0]) / dTe;
            Assert.Equal(exam.LiverR2StarPerSecond!.Value - muscleR2Star, slope, 1e-2);
        }
        // The exam object hands the SIR methods what they need: per-sequence ratios and the truth.
        Assert.Equal(100, exam.LicUmolPerGram!.Value, 9);
        Assert.Equal(SequenceProtocols.Get(protocol).Steps.Select(s => s.Label), exam.Series.Select(s => s.Label));
        // Where the liver is above the noise floor (noiseless signal > 5σ), the written images give the noiseless ratio within noise.
        var aboveFloor = exam.Series.Where(s => s.Rois.Where(r => r.Role == RoiRole.Liver).All(r => r.NoiselessMean[0] > 5 * s.NoiseSigma)).ToList();
        Assert.NotEmpty(aboveFloor);
        Assert.All(aboveFloor, s => Assert.InRange(s.LiverToMuscleRatio[0] / s.NoiselessLiverToMuscleRatio[0], 0.95, 1.05));
    }

    [Fact]
    public void RennesAtZeroPointThreeFiveTesla_IsRefusedNamingTheFieldsThatExist()
    {
        var e = Assert.Throws<ArgumentException>(() => SyntheticExamWriter.WritePatient(Patient(50), [SynthProtocol.Rennes], Path.Combine(_dir, "p"), Small(0.35)));
        Assert.Contains("0.5 T", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SyntheticExamWriter.WritePatient(Patient(50), [SynthProtocol.TwoSequence], Path.Combine(_dir, "q"), Small(3.0)));
    }

    [Fact]
    public void LilleAndTwoSequenceExams_CarryTheirRegistrySequences()
    {
        var lille = SyntheticExamWriter.WritePatient(Patient(400), [SynthProtocol.Lille], Path.Combine(_dir, "lille"), Small());
        Assert.True(SequenceSet.FromCatalog(ImageCatalog.Scan(lille.Folder)).Match(SequenceProtocols.Get("lille-addon-1.5T")).IsComplete);
        Assert.Equal(6, lille.Series.Count);
        var two = SyntheticExamWriter.WritePatient(Patient(60), [SynthProtocol.TwoSequence], Path.Combine(_dir, "two"), Small());
        Assert.True(SequenceSet.FromCatalog(ImageCatalog.Scan(two.Folder)).Match(SequenceProtocols.Get("two-sequence-1.5T")).IsComplete);
        Assert.Equal(["IW", "T2"], two.Series.Select(s => s.Label));
    }

    [Fact]
    public void IronSparingLesion_IsBrightOnALateEchoOfAnOverloadedLiver()
    {
        var options = Small() with { Anatomy = new AnatomyOptions(128, Lesions: [FocalLesion.Default]) };
        var exam = SyntheticExamWriter.WritePatient(Patient(200), [SynthProtocol.MultiEchoGre], Path.Combine(_dir, "p"), options);
        var mgre = exam.Sequence("MGRE");
        double lesion = mgre.Rois.Single(r => r.Name == "lesion-1").Mean[6], liver = mgre.LiverMean[6];
        Assert.True(lesion > 5 * liver, $"lesion {lesion} vs liver {liver}");
    }

    [Fact]
    public void IronKeepingLesion_HasTheLiversR2Star_AndIsIsointenseOnEveryEcho_WhileAnIronSparingOneIsBright()
    {
        // docs/methods.md §5: extramedullary hematopoiesis keeps iron (isointense); HCC/adenoma/metastasis exclude it (bright).
        var keeping = new FocalLesion(-60, 55, 10, KeepsIron: true);
        var options = Small(snr: 0) with { Anatomy = new AnatomyOptions(128, Lesions: [FocalLesion.Default, keeping]) };
        var exam = SyntheticExamWriter.WritePatient(Patient(200), [SynthProtocol.MultiEchoGre], Path.Combine(_dir, "p"), options);
        var tissue = exam.Tissues.Single(t => t.Tissue == Tissue.IronKeepingLesion);
        Assert.Equal(exam.LiverR2StarPerSecond!.Value, tissue.R2StarPerSecond);
        Assert.Equal(25, exam.Tissues.Single(t => t.Tissue == Tissue.Lesion).R2StarPerSecond); // registry's iron-free lesion at 1.5 T
        var mgre = exam.Sequence("MGRE");
        var liver = mgre.Rois.Single(r => r.Name == "liver-1").NoiselessMean;
        var emh = mgre.Rois.Single(r => r.Name == "lesion-2").NoiselessMean;
        var sparing = mgre.Rois.Single(r => r.Name == "lesion-1").NoiselessMean;
        for (int e = 0; e < liver.Count; e++) Assert.Equal(liver[e], emh[e], 9);
        Assert.True(sparing[6] > 5 * liver[6], $"iron-sparing lesion {sparing[6]} vs liver {liver[6]}");
        var anatomy = VirtualAnatomy.Abdomen(options.Anatomy);
        var centre = anatomy.Rois["lesion-2"] as CircleRoi;
        Assert.Equal(Tissue.IronKeepingLesion, anatomy[(int)Math.Round(centre!.Center.X), (int)Math.Round(centre.Center.Y)]);
    }

    [Fact]
    public void Steatosis_MakesTheOpposedPhaseEchoDarkerThanTheNeighbouringInPhaseEchoes()
    {
        // 1.5 T: fat and water opposed at 2.27 ms, in phase at 4.53 ms; a custom echo train pins the effect.
        var patient = Patient(30) with { LiverFatFraction = 0.3 };
        var exam = SyntheticExamWriter.WritePatient(patient, [SynthProtocol.MultiEchoGre], Path.Combine(_dir, "p"), Small(snr: 0));
        var mgre = exam.Sequence("MGRE");
        var noiseless = mgre.Rois.Single(r => r.Name == "liver-1").NoiselessMean;
        // Echoes 0.99, 2.40, 3.81, 5.22 ms: the 2.40 ms echo is nearly opposed (a dip), 3.81/5.22 bracket in phase.
        Assert.True(noiseless[1] < noiseless[2], "opposed-phase dip");
        Assert.True(exam.LiverFatFraction == 0.3);
    }

    [Fact]
    public void Phantom_VialsFitToTheirR2Star()
    {
        var exam = SyntheticExamWriter.WritePhantom(Path.Combine(_dir, "ph"), Small(snr: 100));
        var series = Load(exam, "MGRE");
        var rois = RoiSet.Load(exam.PathOf(exam.RoiSetFile));
        double sigma = NoiseEstimate.FromBackground(RoiMeasurement.Measure(series.Slices[0].Echoes[0], rois["background"])).SigmaFromMean;
        foreach (var vial in exam.Vials)
        {
            var fit = RoiDecayFit.Fit(series, 0, rois[vial.Name], DecayModels.Rician, DecayFitOptions.Default with { NoiseSigma = sigma }).Fit;
            _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{vial.Name}: true {vial.R2StarPerSecond:0.0}, fitted {fit.R2StarPerSecond:0.0}"));
            Assert.InRange(fit.R2StarPerSecond / vial.R2StarPerSecond, 0.95, 1.05);
        }
    }

    [Fact]
    public void SameSeed_WritesByteIdenticalFiles_InAnotherFolder_AndAnotherSeedDoesNot()
    {
        var options = Small() with { Anatomy = new AnatomyOptions(64, Lesions: [FocalLesion.Default], IncludeHeartSeptum: true) };
        SynthProtocol[] protocols = [SynthProtocol.Rennes, SynthProtocol.MultiEchoGre, SynthProtocol.MultiEchoSe];
        var a = SyntheticExamWriter.WritePatient(Patient(90), protocols, Path.Combine(_dir, "a"), options);
        var b = SyntheticExamWriter.WritePatient(Patient(90), protocols, Path.Combine(_dir, "b"), options);
        var c = SyntheticExamWriter.WritePatient(Patient(90), protocols, Path.Combine(_dir, "c"), options with { Seed = options.Seed + 1 });
        var filesA = Directory.EnumerateFiles(a.Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a.Folder, f)).Order().ToList();
        var filesB = Directory.EnumerateFiles(b.Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(b.Folder, f)).Order().ToList();
        Assert.Equal(filesA, filesB);
        Assert.Equal(5 + 12 + 5 + 2, filesA.Count);
        foreach (var f in filesA)
            Assert.True(File.ReadAllBytes(Path.Combine(a.Folder, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b.Folder, f))), $"{f} differs");
        var pd = a.Sequence("PD").Files[0];
        Assert.False(File.ReadAllBytes(a.PathOf(pd)).AsSpan().SequenceEqual(File.ReadAllBytes(c.PathOf(pd))));
        Assert.NotEqual(a.StudyInstanceUid, c.StudyInstanceUid);
    }

    [Fact]
    public void EnhancedLayout_HoldsEveryEchoInOneFile_WithTheSameSignal()
    {
        var classic = SyntheticExamWriter.WritePatient(Patient(120), [SynthProtocol.MultiEchoGre], Path.Combine(_dir, "classic"), Small());
        var enhanced = SyntheticExamWriter.WritePatient(Patient(120), [SynthProtocol.MultiEchoGre], Path.Combine(_dir, "enh"), Small() with { EnhancedMultiEcho = true });
        Assert.Single(enhanced.Sequence("MGRE").Files);
        var series = Load(enhanced, "MGRE");
        Assert.Equal(SynthProtocols.MultiEchoGre.EchoTimesMs, series.EchoTimesMs);
        Assert.Equal(classic.Sequence("MGRE").LiverMean, enhanced.Sequence("MGRE").LiverMean);
    }

    [Fact]
    public void TruthAndRoiFiles_DescribeTheExamWithoutAbsolutePaths()
    {
        var exam = SyntheticExamWriter.WritePatient(Patient(75), [SynthProtocol.TwoSequence], Path.Combine(_dir, "p"), Small());
        string truth = File.ReadAllText(exam.PathOf(SyntheticExamWriter.TruthFileName));
        Assert.DoesNotContain(_dir, truth, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(truth);
        Assert.Equal(75, json.RootElement.GetProperty("licUmolPerGram").GetDouble(), 9);
        Assert.Equal(".", json.RootElement.GetProperty("folder").GetString());
        Assert.Contains("\"r2StarCalibration\": \"wood2005\"", truth, StringComparison.Ordinal);
        var rois = RoiSet.Load(exam.PathOf(exam.RoiSetFile));
        Assert.Equal("01_IW/IM00001.dcm", rois.ReferenceImage);
        Assert.Equal(3, rois.Rois.Count(r => r.Role == RoiRole.Liver));
    }
}
