using System.Globalization;
using IronNotebooks.Calibration;
using IronNotebooks.Cohorts;
using IronNotebooks.Dicom.Tests.Support;
using IronNotebooks.Imaging;
using IronNotebooks.Simulation;
using IronNotebooks.Statistics;
using Xunit;

namespace IronNotebooks.Tests.Simulation;

/// <summary>
/// datasets/published: every row is cited, derived figures follow from published ones, and the tables agree with the
/// library's registries (so the data, the code and the papers say the same thing).
/// </summary>
public sealed class PublishedTableTests
{
    private static string Folder => Path.Combine(TestPaths.RepositoryRoot, "datasets", "published");

    private static CsvTable Table(string name) => CsvTable.Read(Path.Combine(Folder, name));

    private static double Number(CsvTable t, int row, string column) => double.Parse(t.Cell(row, column), CultureInfo.InvariantCulture);

    [Fact]
    public void EveryPublishedCsv_HasACitationAndAStatusOnEveryRow_AndIsInTheReadme()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "datasets", "README.md"));
        var files = Directory.GetFiles(Folder, "*.csv");
        Assert.True(files.Length >= 10);
        string[] statuses = ["published", "derived", "secondary", "not found"];
        foreach (var file in files)
        {
            var t = CsvTable.Read(file);
            Assert.True(t.HasColumn("citation") && t.HasColumn("status"), Path.GetFileName(file));
            for (int r = 0; r < t.RowCount; r++)
            {
                Assert.False(string.IsNullOrWhiteSpace(t.Cell(r, "citation")), $"{Path.GetFileName(file)} line {t.LineOf(r)}");
                var status = t.Cell(r, "status");
                Assert.True(statuses.Contains(status) || status.Contains('['), $"{Path.GetFileName(file)} line {t.LineOf(r)}: status '{status}'");
            }
            Assert.Contains("`" + Path.GetFileName(file) + "`", readme);
        }
    }

    private static int Cell(CsvTable t, string biopsy, string band)
    {
        for (int r = 0; r < t.RowCount; r++)
            if (t.Cell(r, "biopsy_class") == biopsy && t.Cell(r, "rennes_band") == band) return int.Parse(t.Cell(r, "patients"), CultureInfo.InvariantCulture);
        throw new KeyNotFoundException($"{biopsy} × {band}");
    }

    [Fact]
    public void Rennes171Table_ReproducesEveryPublishedFigure()
    {
        var t = Table("rennes_validation_171.csv");
        string[] classes = ["normal", "moderate", "high"], bands = ["<60", "60-170", ">170"];
        int total = classes.Sum(c => bands.Sum(b => Cell(t, c, b)));
        Assert.Equal(171, total);
        Assert.Equal([107, 38, 26], classes.Select(c => bands.Sum(b => Cell(t, c, b))));
        Assert.Equal(PublishedCohorts.Rennes171.Classes.Select(c => c.Count), classes.Select(c => bands.Sum(b => Cell(t, c, b))));

        // Rule-in > 170 µmol/g for high overload (biopsy > 80): PPV 100 %, sensitivity 69 %.
        int tp = Cell(t, "high", ">170"), fp = Cell(t, "normal", ">170") + Cell(t, "moderate", ">170");
        int fn = Cell(t, "high", "<60") + Cell(t, "high", "60-170"), tn = 171 - 26 - fp;
        var ruleIn = DiagnosticTable.FromCounts(tp, fp, fn, tn);
        Assert.Equal(1.0, ruleIn.Ppv!.Value);
        Assert.Equal(69, Math.Round(100 * ruleIn.Sensitivity.Value));
        // Rule-out < 60 µmol/g: NPV 100 %, specificity 75 % (negatives called < 60 over all non-high).
        int outNeg = Cell(t, "normal", "<60") + Cell(t, "moderate", "<60"), outFn = Cell(t, "high", "<60");
        var ruleOut = DiagnosticTable.FromCounts(26 - outFn, 145 - outNeg, outFn, outNeg);
        Assert.Equal(1.0, ruleOut.Npv!.Value);
        Assert.Equal(75, Math.Round(100 * ruleOut.Specificity.Value));
        // Uncertain band: 44 patients = 25.7 %, of whom 12 normal and 8 high.
        int uncertain = classes.Sum(c => Cell(t, c, "60-170"));
        Assert.Equal(44, uncertain);
        Assert.Equal(25.7, Math.Round(100.0 * uncertain / 171, 1));
        Assert.Equal((12, 8), (Cell(t, "normal", "60-170"), Cell(t, "high", "60-170")));
        Assert.Equal(171, Cell(t, "normal", "<60") + Cell(t, "moderate", "<60") + uncertain + tp); // 109 + 44 + 18
    }

    [Fact]
    public void Rennes171Facts_AgreeWithTheTable()
    {
        var facts = Table("rennes_validation_171_facts.csv");
        double Fact(string name) => Number(facts, Enumerable.Range(0, facts.RowCount).Single(r => facts.Cell(r, "fact") == name), "value");
        Assert.Equal(Fact("normal_classified_moderate") + Fact("normal_classified_high"), Fact("normal_classified_overloaded")); // 42 + 4 = 46
        Assert.Equal(Fact("patients"), Fact("normal_patients") + Fact("moderate_patients") + Fact("high_patients"));
        Assert.Equal(Math.Round(100 * Fact("uncertain_60_170_patients") / Fact("patients"), 1), Fact("uncertain_60_170_percent"));
        Assert.Equal(44, Fact("uncertain_60_170_patients"));
    }

    [Fact]
    public void SirSequences_AreExactlyTheProtocolRegistry()
    {
        var t = Table("sir_sequences.csv");
        var rows = Enumerable.Range(0, t.RowCount)
            .Select(r => (t.Cell(r, "protocol"), Number(t, r, "field_t"), t.Cell(r, "sequence"), Number(t, r, "repetition_time_ms"), Number(t, r, "echo_time_ms"), Number(t, r, "flip_angle_deg")))
            .ToList();
        var registry = SequenceProtocols.All.SelectMany(p => p.Steps.Select(s => (p.Name, p.FieldStrengthT, s.Label, s.RepetitionTimeMs, s.EchoTimeMs, s.FlipAngleDeg))).ToList();
        Assert.Equal(registry, rows);
        // 3 T: the 1.5 T TEs halved (Paisant 2017), marked derived.
        for (int r = 0; r < t.RowCount; r++)
            if (t.Cell(r, "protocol") == "rennes-3T") Assert.Equal("derived", t.Cell(r, "status"));
    }

    [Fact]
    public void Calibrations_AgreeWithTheRegistryAtEveryTestedRate()
    {
        var t = Table("relaxometry_calibrations.csv");
        Assert.Equal(RelaxometryCalibrations.All.Select(c => c.Name), Enumerable.Range(0, t.RowCount).Select(r => t.Cell(r, "name")));
        for (int r = 0; r < t.RowCount; r++)
        {
            var c = RelaxometryCalibrations.Get(t.Cell(r, "name"));
            Assert.Equal(c.FieldStrengthT, Number(t, r, "field_t"));
            double a = Number(t, r, "a"), b = Number(t, r, "b");
            foreach (double rate in new[] { 50.0, 150, 300 })
            {
                double expected = t.Cell(r, "form") switch
                {
                    "linear" => a * rate + b,
                    "power" => a * Math.Pow(rate, b),
                    _ => Math.Pow(a - Math.Sqrt(b - Number(t, r, "c") * rate), 1.424),
                };
                Assert.Equal(expected, LicConversion.FromRate(rate, c.FieldStrengthT, c).Lic!.Value.MgPerGram, 9);
            }
            if (c.ValidityMinMgPerGram is double lo) Assert.Equal(lo, Number(t, r, "validity_min_mg_per_g"));
        }
    }

    [Fact]
    public void FieldScalings_AgreeWithTheRegistry_AndStoreysNormalValuesLieOnTheLine()
    {
        var t = Table("field_strength_scalings.csv");
        for (int r = 0; r < t.RowCount; r++)
        {
            var s = FieldStrengthScalings.Get(t.Cell(r, "name"));
            Assert.Equal((s.Slope, s.InterceptPerSecond), (Number(t, r, "slope"), Number(t, r, "intercept_per_second")));
        }
        // Normal liver 39 s⁻¹ at 1.5 T → 2·39 − 11 = 67, within 2 s⁻¹ of the published 69.
        Assert.InRange(FieldStrengthScalings.Storey2007Liver.ToHighField(39), 67 - 0.001, 69);
    }

    [Fact]
    public void SediaPhantom_TheTwoSequenceFormulaGives52NotThePrinted62()
    {
        var sedia = Table("sedia_phantom.csv");
        var formula = Table("sir_formulas.csv");
        double intercept = Number(formula, 0, "intercept"), cT2 = Number(formula, 0, "coef_t2"), cIw = Number(formula, 0, "coef_iw");
        double iw = Number(sedia, 0, "value"), t2 = Number(sedia, 1, "value");
        Assert.Equal((0.95, 0.47), (iw, t2));
        double lic = Math.Exp(intercept + cT2 * t2 + cIw * iw);
        Assert.Equal(Number(sedia, 3, "value"), Math.Round(lic, 1));   // 52.1, derived
        Assert.Equal(62, Number(sedia, 2, "value"));                   // as printed
        Assert.Equal("derived", sedia.Cell(3, "status"));
        Assert.Equal("not found", formula.Cell(1, "status"));          // Rennes formula [NF]
    }

    [Fact]
    public void Grades_AgreeWithTheLibrarysClassificationSchemes()
    {
        var liver = Table("liver_iron_grades.csv");
        foreach (var scheme in new[] { LicClasses.BiopsyUmol, LicClasses.Guideline, LicClasses.Transfusional })
        {
            var rows = Enumerable.Range(0, liver.RowCount).Where(r => liver.Cell(r, "scheme") == scheme.Name).ToList();
            Assert.Equal(scheme.Labels, rows.Select(r => liver.Cell(r, "grade")));
            Assert.Equal(scheme.Boundaries.Select(b => b.Value), rows.Skip(1).Select(r => Number(liver, r, "lower")));
            Assert.Equal(scheme.Boundaries.Select(b => b.ValueBelongsToUpperClass), rows.Skip(1).Select(r => bool.Parse(liver.Cell(r, "lower_inclusive"))));
        }
        var heart = Table("cardiac_t2star_grades.csv");
        Assert.Equal(LicClasses.CardiacT2Star.Labels, Enumerable.Range(0, heart.RowCount).Select(r => heart.Cell(r, "grade")));
        Assert.Equal(LicClasses.CardiacT2Star.Boundaries.Select(b => b.Value), Enumerable.Range(1, heart.RowCount - 1).Select(r => Number(heart, r, "lower_ms")));
    }

    [Fact]
    public void DecisionCutoffs_HoldTheRennes171FiguresThatTheTableReproduces()
    {
        var t = Table("decision_cutoffs.csv");
        int row = Enumerable.Range(0, t.RowCount).Single(r => t.Cell(r, "cutoff") == "170");
        Assert.Equal((69.0, 100.0), (Number(t, row, "sensitivity_percent"), Number(t, row, "ppv_percent")));
        row = Enumerable.Range(0, t.RowCount).Single(r => t.Cell(r, "cutoff") == "60");
        Assert.Equal((75.0, 100.0), (Number(t, row, "specificity_percent"), Number(t, row, "npv_percent")));
    }
}
