using System.Globalization;
using IronNotebooks.Calibration;
using IronNotebooks.Cohorts;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Exams;
using IronNotebooks.Simulation;
using Xunit;

namespace IronNotebooks.Tests.Exams;

/// <summary>
/// Exams with a chemical-shift series: the acquisition kind (with and without phase), the `exam measure` fatwater rows
/// (CC-R2*, PDFF, LIC through the CC-R2* calibration, provenance), and a synthetic cohort with fat through `cohort run`
/// and `cohort validate` (PDFF against the simulated truth).
/// </summary>
public sealed class ExamFatWaterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ironnb-exam-fw-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private SimulatedExam Write(string id, double field, double licUmol, double pdffPercent, params SynthProtocol[] protocols) =>
        SyntheticExamWriter.WritePatient(new VirtualPatient(id, LiverIronConcentration.FromUmolPerGram(licUmol), LiverFatFraction: pdffPercent / 100),
            protocols, Path.Combine(_dir, id), new SimulationOptions(11, field, new AnatomyOptions(96), 50));

    [Fact]
    public void Open_ExamWithMgreAndChemicalShift_TellsTheKindsApartWithEvidence()
    {
        var exam = Exam.Open(Write("SYN-0001", 1.5, 90, 20, SynthProtocol.MultiEchoGre, SynthProtocol.ChemicalShift).Folder);
        Assert.Equal([ExamAcquisitionKind.MultiEchoGradientEcho, ExamAcquisitionKind.ChemicalShiftMultiEcho, ExamAcquisitionKind.Other],
            exam.Acquisitions.Select(a => a.Kind));
        Assert.Contains(exam.Acquisitions[1].Evidence, e => e.Contains("chemical-shift encoded: 6 echoes up to 6.2 ms"));
    }

    [Theory]
    [InlineData(1.5, "hernando-1.5t")]
    [InlineData(3.0, "hernando-3t")]
    public void Measure_ChemicalShiftExamWithPhase_GivesComplexFatWaterRowsThroughTheCcR2StarCalibration(double field, string calibration)
    {
        var written = Write("SYN-0002", field, 90, 20, SynthProtocol.ChemicalShift);
        var truth = written.Series.Single().ChemicalShift!;
        var result = ExamMeasurement.Measure(written.Folder);
        var rows = result.Rows.Where(r => r.Method == "fatwater").ToList();
        Assert.Contains(rows, r => r.Calibration == calibration);
        Assert.All(rows, r =>
        {
            Assert.Equal(MeasurementStatus.Estimated, r.Status);
            Assert.Equal("hamilton2011", r.Model);
            Assert.Equal([1, 2], r.Series);
            Assert.Equal(truth.LiverSignalFatFractionPercent, r.FatFractionPercent!.Value, 1.0);
            Assert.Equal(truth.LiverR2StarPerSecond, r.RatePerSecond!.Value, truth.LiverR2StarPerSecond * 0.05);
            Assert.StartsWith("fit: complexRegularised", r.Warnings[0]);
            Assert.DoesNotContain(r.Warnings, w => w.Contains("kind mismatch", StringComparison.OrdinalIgnoreCase));
            var expected = LicConversion.FromRate(r.RatePerSecond!.Value, field, RelaxometryCalibrations.Get(r.Calibration), R2StarKind.ConfounderCorrected);
            Assert.Equal(expected.Lic!.Value.UmolPerGram, r.LicUmolPerGram!.Value, 1e-9);
        });
        Assert.DoesNotContain(result.Rows, r => r.Method != "fatwater" && r.FatFractionPercent is not null);
    }

    [Fact]
    public void Measure_ChemicalShiftExamWithoutPhase_FallsBackToTheMagnitudeFitAndSaysSo()
    {
        var written = Write("SYN-0003", 1.5, 60, 15, SynthProtocol.ChemicalShift);
        Directory.Delete(written.PathOf(written.Series.Single().ChemicalShift!.PhaseFolder), recursive: true);
        var exam = Exam.Open(written.Folder);
        Assert.Equal(ExamAcquisitionKind.ChemicalShiftMultiEcho, Assert.Single(exam.Acquisitions).Kind);
        var row = Assert.Single(ExamMeasurement.Measure(exam).Rows);
        Assert.Equal("fatwater", row.Method);
        Assert.StartsWith("fit: magnitude", row.Warnings[0]);
        Assert.NotNull(row.FatFractionPercent);
        Assert.Contains(row.Warnings, w => w.StartsWith("noise (noise-floor-aware magnitude fit)", StringComparison.Ordinal));
        Assert.Equal(written.Series.Single().ChemicalShift!.LiverSignalFatFractionPercent, row.FatFractionPercent!.Value, 1.5);
        Assert.Equal([1], row.Series);
        // Magnitude fits carry standard errors: the row has the LIC interval and threshold probabilities of the R2* rows.
        Assert.InRange(row.LicUmolPerGram!.Value, row.LicCiLowUmolPerGram!.Value, row.LicCiHighUmolPerGram!.Value);
        Assert.True(row.LicCiHighUmolPerGram > row.LicCiLowUmolPerGram);
        Assert.Equal(3, row.ProbabilityAbove.Count);
    }

    [Fact]
    public void Measure_ChemicalShiftExamWithPhase_CarriesTheLicIntervalFromTheComplexFitsStandardErrors()
    {
        var row = ExamMeasurement.Measure(Write("SYN-0005", 1.5, 60, 15, SynthProtocol.ChemicalShift).Folder).Rows.First(r => r.Method == "fatwater");
        Assert.StartsWith("fit: complexRegularised", row.Warnings[0], StringComparison.Ordinal);
        Assert.InRange(row.LicUmolPerGram!.Value, row.LicCiLowUmolPerGram!.Value, row.LicCiHighUmolPerGram!.Value);
        Assert.True(row.LicCiHighUmolPerGram > row.LicCiLowUmolPerGram);
        Assert.DoesNotContain(row.Warnings, w => w.StartsWith("no LIC interval", StringComparison.Ordinal));
    }

    [Fact]
    public void Measure_WithAWaterOnlyCalibrationAsked_FlagsTheKindMismatch()
    {
        var written = Write("SYN-0004", 1.5, 60, 10, SynthProtocol.ChemicalShift);
        var row = Assert.Single(ExamMeasurement.Measure(written.Folder, options: ExamMeasurementOptions.Default with { R2StarCalibrations = ["wood2005"] }).Rows);
        Assert.Equal("wood2005", row.Calibration);
        Assert.Contains(row.Warnings, w => w.Contains("kind mismatch", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void SynthCohortWithFat_CohortRunAndValidate_ReportPdffAgainstTheTruth()
    {
        var synth = Path.Combine(_dir, "synth");
        var (code, _, error) = CliHarness.Run("synth", "--out", synth, "--patients", "4", "--protocol", "chemical-shift", "--pdff-max", "40", "--matrix", "96", "--seed", "8");
        Assert.True(code == 0, error);
        var cohort = File.ReadAllLines(Path.Combine(synth, "cohort.csv"));
        Assert.EndsWith(",truthFatFractionPercent", cohort[0]);
        var truths = cohort.Skip(1).Select(l => double.Parse(l.Split(',')[^1], CultureInfo.InvariantCulture)).ToList();
        Assert.True(truths.Distinct().Count() == 4 && truths.All(t => t is >= 0 and <= 40), string.Join(", ", truths));

        var run = Path.Combine(_dir, "run");
        (code, _, error) = CliHarness.Run("cohort", "run", Path.Combine(synth, "cohort.csv"), "--out", run, "--jobs", "2");
        Assert.True(code == 0, error);
        var results = File.ReadAllLines(Path.Combine(run, "results.csv"));
        Assert.Contains("fatFractionPercent", results[0].Split(','));
        Assert.Contains("fatwater/hamilton2011/hernando-1.5t:fatFractionPercent", File.ReadLines(Path.Combine(run, "results-wide.csv")).First());

        var validation = CohortValidation.Validate(CohortTable.Load(run), "truthLicUmolPerGram", [80]);
        var pdff = Assert.Single(validation.FatFraction);
        Assert.Equal("fatwater/hamilton2011/hernando-1.5t", pdff.Key);
        // Seed 8 draws liver R2* 29–283 s⁻¹, inside the fat–water target range.
        Assert.Equal((4, 0), (pdff.N, pdff.Failed));
        Assert.InRange(pdff.MeanErrorPercentPoints!.Value, -1.0, 2.0);
        Assert.True(pdff.MaxAbsoluteErrorPercentPoints < 2.5, $"max |error| {pdff.MaxAbsoluteErrorPercentPoints}");
        (code, var text, error) = CliHarness.Run("cohort", "validate", run, "--reference", "truthLicUmolPerGram", "--threshold", "80");
        Assert.True(code == 0, error);
        Assert.Contains($"PDFF fatwater/hamilton2011/hernando-1.5t against truthFatFractionPercent: n {pdff.N}, failed {pdff.Failed}", text);
    }
}
