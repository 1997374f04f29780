using IronNotebooks.Calibration;
using IronNotebooks.Imaging;
using IronNotebooks.Plotting;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;
using IronNotebooks.Statistics;

namespace IronNotebooks.Tests.Display;

/// <summary>One value of every displayable type, made through the library's ordinary entry points.</summary>
internal static class DisplaySamples
{
    private static readonly double[] Scores = [3, 4, 5, 1, 2, 3.5, 6, 0.5];
    private static readonly bool[] Truth = [true, true, true, false, false, false, true, false];

    private static readonly (string Name, double Iw, double Lic)[] Cases = [("normal & co", 1.05, 30.4), ("high", 0.45, double.NaN)];

    public static IReadOnlyList<object> All()
    {
        var roc = Roc.Compute(Scores, Truth);
        var cut = CutoffSearch.Find(roc);
        double[] te = [1, 2, 3, 4, 5, 6];
        double[] signal = [.. te.Select(t => 1000 * Math.Exp(-0.1 * t))];
        var fit = DecayFit.Fit(te, signal, DecayModels.Mono);
        var echoes = te.Select((t, i) => new RoiStatistics("liver <1>", RoiRole.Liver, t, signal[i], 12, signal[i], signal[i] - 20, signal[i] + 20, 81, 81 * 2.25)).ToList();
        var g = new ImageGeometry(4, 5, new Vector3Mm(0, 0, 0), new Vector3Mm(1, 0, 0), new Vector3Mm(0, 1, 0), 1.5, 1.5, 5);
        var plane = new ImagePlane([.. Enumerable.Range(0, 20).Select(i => (float)i)], g, 1.2, "echo 1");
        var circle = new CircleRoi("liver", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(2, 2), 1);
        var map = new R2StarMapResult("arlo", te, [new R2StarMapSlice(0, 2, 2, [100f, float.NaN, 300f, 200f], [1f, 1f, 1f, 1f],
            [DecayFitStatus.ClosedForm, DecayFitStatus.Masked, DecayFitStatus.ClosedForm, DecayFitStatus.ClosedForm])], 3, 1, 0, "series <A>");
        double[] a = [100, 200, 300, 400, 500], b = [110, 190, 330, 440, 480];
        return
        [
            LicConversion.FromRate(250, 1.5, RelaxometryCalibrations.Wood2005),
            LiverIronConcentration.FromMgPerGram(6.552),
            fit,
            DecayFit.FitSpinEcho(te, signal, DecayModels.Mono),
            new RoiDecayFitResult(fit, 2, 81, echoes, "series <A>"),
            map,
            IronNotebooks.FatWater.FatWaterFit.FitMagnitude([1.2, 2.2, 3.2, 4.2, 5.2, 6.2], [900, 610, 700, 480, 520, 390], IronNotebooks.FatWater.FatWaterOptions.At(1.5)),
            echoes[0],
            new RoiSet("Rennes & co", null, [circle, new RectangleRoi("air", RoiRole.Background, RoiSpace.Pixel, new RoiPoint(0, 0), new RoiPoint(1, 1))]),
            new IronNotebooks.RoiProposals.RoiProposal
            {
                RoiSet = new RoiSet("proposed", null, [circle]), SliceIndex = 0, NoiseSigma = 4.1, ValidLiverDiscCentres = [], LiverDiscRadiusPixels = 2.5,
                Proposed = [new IronNotebooks.RoiProposals.ProposedRoi { Roi = circle, Confidence = 0.9, Reasons = ["largest homogeneous region on the patient's right & <clear>"] }],
                NotFound = [new IronNotebooks.RoiProposals.RoiNotFound { Name = "muscle-left", Role = RoiRole.MuscleLeftParaspinal, Reason = "slice is not axial" }],
                Source = "sample", Warnings = [],
            },
            roc,
            cut,
            DiagnosticTable.FromCounts(17, 2, 3, 28),
            ThreeBandTable.Compute(Scores, ["high", "high", "high", "normal", "normal", "moderate", "high", "normal"], 1.5, 4.5, RocDirection.HigherIsPositive),
            BlandAltman.Compute(a, b, BlandAltmanOptions.LogRatio),
            MethodComparison.Ols(a, b),
            RocComparison.Paired(Scores, [.. Scores.Select((s, i) => i % 2 == 0 ? s : -s)], Truth),
            Correlation.Pearson(a, b),
            MethodComparison.Concordance(a, b),
            CohenKappa.Compute(["x", "y", "y", "x", "z"], ["x", "y", "x", "x", "z"]),
            McNemar.FromCounts(10, 3, 7, 20),
            McNemar.Bowker(ConfusionMatrix.FromCounts(new[,] { { 5, 1, 0 }, { 2, 7, 1 }, { 0, 3, 4 } }, ["a", "b", "c"])),
            new IronNotebooks.Display.RoiStatisticsTable(echoes),
            IronNotebooks.SignalRatio.SirLic.Estimate("alustiza2004", new Dictionary<string, double> { ["IW"] = 0.95, ["T2"] = 0.47 }),
            ConfusionMatrix.FromCounts(new[,] { { 5, 1 }, { 2, 7 } }, ["normal", "overload"]),
            DiagnosticTable.FromCounts(17, 2, 3, 28).AtPrevalence(0.1),
            Repeatability.Compute(["s1", "s1", "s2", "s2", "s3", "s3"], [10, 11, 20, 19.5, 30, 31]),
            RocPlot.From(roc),
            RoiOverlayImage.Create(plane, [circle], scale: 2),
            ExamRow,
            new IronNotebooks.Exams.ExamMeasurementResult { Exam = "SYN-1", Folder = "/exams/SYN-1", Rows = [ExamRow], Acquisitions = ["9 multiEchoGradientEcho"], Warnings = [] },
            CohortSample,
            IronNotebooks.Cohorts.CohortValidation.Validate(CohortSample, "biopsy", [80]),
            IronNotebooks.Display.ResultTable.From("Cases <typed in>", Cases,
                new("case", c => c.Name),
                new("IW", c => c.Iw, 2), new("LIC (µmol/g)", c => c.Lic, 1)).WithNotes("Typed in, not patients."),
            IronNotebooks.Teaching.ExerciseCheck.Number("Exercise <1>", 0.5, 0.52, 0.01, "", "Divide liver by muscle & round.", "L/M < 0.88."),
        ];
    }

    private static readonly IronNotebooks.Exams.ExamMeasurementRow ExamRow = new()
    {
        Exam = "SYN-1", Method = "r2star", Model = "rician", Calibration = "wood2005", FieldStrengthT = 1.5, Status = IronNotebooks.Exams.MeasurementStatus.Estimated,
        LicUmolPerGram = 60, LicMgPerGram = 3.35, RatePerSecond = 120, Warnings = ["note <1>"], Series = [9], Files = 12, EchoTimesMs = [0.99, 2.4],
    };

    private static IronNotebooks.Cohorts.CohortTable CohortSample
    {
        get
        {
            double[] lic = [20, 50, 90, 130, 40, 200];
            var rows = lic.Select((v, i) => ExamRow with { Exam = $"E{i}", LicUmolPerGram = v * 1.1 }).ToList();
            return new IronNotebooks.Cohorts.CohortTable(rows, rows.ToDictionary(r => r.Exam,
                r => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["biopsy"] = (r.LicUmolPerGram!.Value / 1.1).ToString(System.Globalization.CultureInfo.InvariantCulture) }), ["biopsy"]);
        }
    }
}
