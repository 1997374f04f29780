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
        ];
    }
}
