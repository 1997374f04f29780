using System.Text.Json;
using IronNotebooks.Calibration;
using IronNotebooks.Imaging;
using IronNotebooks.Plotting;
using IronNotebooks.Plotting.Plotly;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;
using IronNotebooks.Statistics;
using Xunit;

namespace IronNotebooks.Tests.Plotting;

public class ChartTests
{
    [Fact]
    public void RocPlot_LegendCarriesTheAucAndDeLongIntervalOfTheCurve_AndThePointsAreOneMinusSpecificityAgainstSensitivity()
    {
        // Cases 3, 4, 5; controls 1, 2, 3.5: 8 of 9 case–control pairs are ordered correctly, AUC = 8/9 = 0.889 by hand.
        var curve = Roc.Compute([3, 4, 5, 1, 2, 3.5], [true, true, true, false, false, false]);
        var root = FigureJson.Parse(RocPlot.From([new RocPlotSeries("R2*", curve, CutoffSearch.Find(curve))]));
        var trace = root.GetProperty("data")[0];
        var name = trace.GetProperty("name").GetString()!;
        Assert.StartsWith("R2*: AUC 0.889 (95 % CI ", name);
        Assert.Contains($"{curve.AucCi!.Lower:F3}–{curve.AucCi.Upper:F3}", name);
        var x = FigureJson.Doubles(trace.GetProperty("x"));
        var y = FigureJson.Doubles(trace.GetProperty("y"));
        Assert.Equal((1.0, 1.0), (x[0]!.Value, y[0]!.Value));     // threshold −∞: everyone positive
        Assert.Equal((0.0, 0.0), (x[^1]!.Value, y[^1]!.Value));   // threshold +∞: no one positive
        // Trapezoid area under the drawn points equals the AUC (independent of Roc's own formula).
        double area = 0;
        for (int i = 1; i < x.Length; i++) area += (x[i - 1]!.Value - x[i]!.Value) * (y[i - 1]!.Value + y[i]!.Value) / 2;
        Assert.Equal(8.0 / 9, area, 12);
        Assert.Equal("1 − specificity", FigureJson.AxisTitle(root, "xaxis"));
        Assert.Equal("sensitivity", FigureJson.AxisTitle(root, "yaxis"));
        Assert.Equal("x", root.GetProperty("layout").GetProperty("yaxis").GetProperty("scaleanchor").GetString());
        Assert.Contains(root.GetProperty("data").EnumerateArray(), t => t.GetProperty("name").GetString()!.StartsWith("R2* Youden: ≥ ", StringComparison.Ordinal));
    }

    [Fact]
    public void RocPlot_DrawsSeveralCurvesInDistinctColours()
    {
        var a = Roc.Compute([1, 2, 3, 4], [false, false, true, true]);
        var b = Roc.Compute([1, 3, 2, 4], [false, false, true, true]);
        var root = FigureJson.Parse(RocPlot.From([new RocPlotSeries("A", a), new RocPlotSeries("B", b)]));
        var data = root.GetProperty("data");
        Assert.Equal(2, data.GetArrayLength());
        Assert.StartsWith("A: AUC 1.000", data[0].GetProperty("name").GetString());
        Assert.StartsWith("B: AUC 0.750", data[1].GetProperty("name").GetString()); // 3 of 4 pairs by hand
        Assert.NotEqual(data[0].GetProperty("line").GetProperty("color").GetString(), data[1].GetProperty("line").GetProperty("color").GetString());
    }

    [Fact]
    public void BlandAltmanPlot_DrawsBiasAndLimitsAtTheHandComputedValues_WithUnitsInTheAxisTitles()
    {
        // Differences b − a = 1, 0, 2, 0: mean 0.75, SD √(2.75/3) = 0.957427; limits 0.75 ± 1.96·0.957427.
        var result = BlandAltman.Compute([1, 2, 3, 4], [2, 2, 5, 4]);
        var root = FigureJson.Parse(BlandAltmanPlot.From(result, BlandAltmanPlotOptions.Default with { MethodA = "GE", MethodB = "Siemens", Unit = "s⁻¹" }));
        var shapes = root.GetProperty("layout").GetProperty("shapes").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        double sd = Math.Sqrt(2.75 / 3);
        Assert.Equal(0.75, shapes["bias"].GetProperty("y0").GetDouble(), 12);
        Assert.Equal(0.75 + 1.96 * sd, shapes["upper limit of agreement"].GetProperty("y0").GetDouble(), 9);
        Assert.Equal(0.75 - 1.96 * sd, shapes["lower limit of agreement"].GetProperty("y1").GetDouble(), 9);
        Assert.Equal("paper", shapes["bias"].GetProperty("xref").GetString());
        Assert.Equal("dash", shapes["upper limit of agreement"].GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal(result.BiasCi.Lower, shapes["bias CI"].GetProperty("y0").GetDouble(), 12);
        Assert.Equal("mean of GE and Siemens (s⁻¹)", FigureJson.AxisTitle(root, "xaxis"));
        Assert.Equal("Siemens − GE (s⁻¹)", FigureJson.AxisTitle(root, "yaxis"));
        var points = root.GetProperty("data")[0];
        Assert.Equal([1.5, 2, 4, 4], FigureJson.Doubles(points.GetProperty("x")));
        Assert.Equal([1, 0, 2, 0], FigureJson.Doubles(points.GetProperty("y")));
        var labels = root.GetProperty("layout").GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ToList();
        Assert.Contains("bias 0.75 s⁻¹", labels);
        Assert.Contains($"+1.96 SD {0.75 + 1.96 * sd:F2} s⁻¹", labels);
    }

    [Fact]
    public void BlandAltmanPlot_OnTheLogScale_LabelsTheLinesWithRatios()
    {
        var result = BlandAltman.Compute([100, 200, 300, 400], [110, 190, 330, 440], BlandAltmanOptions.LogRatio);
        var root = FigureJson.Parse(BlandAltmanPlot.From(result));
        Assert.Equal("ln(b / a)", FigureJson.AxisTitle(root, "yaxis"));
        var bias = root.GetProperty("layout").GetProperty("annotations")[0].GetProperty("text").GetString()!;
        // Geometric mean ratio by hand: (1.1·0.95·1.1·1.1)^(1/4).
        Assert.Contains($"(ratio {Math.Pow(1.1 * 0.95 * 1.1 * 1.1, 0.25):F3})", bias);
    }

    [Fact]
    public void MethodComparisonPlot_DrawsIdentityOverTheCommonRangeAndEachFittedLineWithItsEquation()
    {
        double[] x = [1, 2, 3, 4], y = [2.1, 3.9, 6.2, 7.8];
        var ols = MethodComparison.Ols(x, y);
        var root = FigureJson.Parse(MethodComparisonPlot.From(x, y, MethodComparisonPlotOptions.Default with
        {
            XTitle = "R2* GE (s⁻¹)", YTitle = "R2* Siemens (s⁻¹)", Lines = [ols],
        }));
        var identity = FigureJson.Trace(root, "identity");
        Assert.Equal([1, 7.8], FigureJson.Doubles(identity.GetProperty("x")));
        Assert.Equal([1, 7.8], FigureJson.Doubles(identity.GetProperty("y")));
        // OLS by hand: x̄ 2.5, ȳ 5, Sxy = 1.5·2.9 + 0.5·1.1 + 0.5·1.2 + 1.5·2.8 = 9.7, Sxx = 5 → slope 1.94, intercept 5 − 1.94·2.5 = 0.15.
        var fitted = FigureJson.Trace(root, "OLS");
        Assert.Equal(1.94 * 1 + 0.15, FigureJson.Doubles(fitted.GetProperty("y"))[0]!.Value, 9);
        Assert.Equal(1.94 * 4 + 0.15, FigureJson.Doubles(fitted.GetProperty("y"))[1]!.Value, 9);
        Assert.StartsWith("OLS: y = 1.940·x + 0.150 (R² ", fitted.GetProperty("name").GetString());
        Assert.Equal("R2* Siemens (s⁻¹)", FigureJson.AxisTitle(root, "yaxis"));
    }

    [Fact]
    public void DecayPlot_DrawsTheEchoesAndEachModelsCurveFromItsOwnParameters()
    {
        double[] te = [1, 2, 3, 4, 5, 6];
        double[] s = [.. te.Select(t => 1000 * Math.Exp(-0.1 * t) + 50)]; // R2* 100 s⁻¹, offset 50
        var mono = DecayFit.Fit(te, s, DecayModels.Mono);
        var offset = DecayFit.Fit(te, s, DecayModels.Offset);
        var root = FigureJson.Parse(DecayPlot.From(te, s, [mono, offset]));
        Assert.Equal(te.Select(v => (double?)v), FigureJson.Doubles(root.GetProperty("data")[0].GetProperty("x")));
        var curve = FigureJson.Trace(root, "offset");
        Assert.StartsWith("offset: R2* 100.0 ± ", curve.GetProperty("name").GetString());
        var cx = FigureJson.Doubles(curve.GetProperty("x"));
        var cy = FigureJson.Doubles(curve.GetProperty("y"));
        Assert.Equal(0, cx[0]);
        Assert.Equal(1050, cy[0]!.Value, 6);                       // S0 + C at TE = 0
        int k = cx.Length / 2;
        Assert.Equal(1000 * Math.Exp(-0.1 * cx[k]!.Value) + 50, cy[k]!.Value, 6);
        var monoCurve = FigureJson.Trace(root, "mono");
        Assert.Equal(mono.S0 * Math.Exp(-mono.R2StarPerSecond * cx[k]!.Value / 1000), FigureJson.Doubles(monoCurve.GetProperty("y"))[k]!.Value, 9);
        Assert.Equal("echo time (ms)", FigureJson.AxisTitle(root, "xaxis"));
        Assert.Equal("signal (a.u.)", FigureJson.AxisTitle(root, "yaxis"));
    }

    [Fact]
    public void DecayPlot_RicianCurveIsTheRicianMean_AndTheNoiseFloorIsMarked()
    {
        double[] te = [1, 2, 3, 4, 5, 6, 7, 8];
        double[] s = [.. te.Select(t => 800 * Math.Exp(-0.3 * t) + 5)];
        var fit = DecayFit.Fit(te, s, DecayModels.Rician, DecayFitOptions.Default with { NoiseSigma = 10 });
        var root = FigureJson.Parse(DecayPlot.From(te, s, [fit]));
        var curve = root.GetProperty("data")[1];
        var cy = FigureJson.Doubles(curve.GetProperty("y"));
        // Far below the noise the Rician mean tends to σ·√(π/2) (Rayleigh mean), never to 0: the last grid point is past
        // 8 ms where A = S0·e^(−R2*·TE) is small.
        double floor = 10 * Math.Sqrt(Math.PI / 2);
        Assert.True(cy[^1]!.Value >= floor - 1e-9, $"{cy[^1]} < {floor}");
        var shape = root.GetProperty("layout").GetProperty("shapes")[0];
        Assert.Equal(floor, shape.GetProperty("y0").GetDouble(), 9);
    }

    [Fact]
    public void DecayPlot_BiExponentialCurveIsTheSumOfBothComponents_AndUnusableFitsAreListedWithoutACurve()
    {
        var biexp = new DecayFitResult("biexp", 400, 2.5, 600, null, 1, 8, 12, DecayFitStatus.Converged, "ok", 5, null, null,
            new DecayComponent(300, 40, null), null, []);
        var failed = new DecayFitResult("mono", double.NaN, double.NaN, double.NaN, null, double.NaN, 1, 0, DecayFitStatus.TooFewEchoes, "few", null, null, null, null, null, []);
        var root = FigureJson.Parse(DecayPlot.From([1, 2, 3], [500, 300, 200], [biexp, failed]));
        var curve = FigureJson.Trace(root, "biexp");
        var x = FigureJson.Doubles(curve.GetProperty("x"));
        var y = FigureJson.Doubles(curve.GetProperty("y"));
        int k = 37;
        Assert.Equal(600 * Math.Exp(-0.4 * x[k]!.Value) + 300 * Math.Exp(-0.04 * x[k]!.Value), y[k]!.Value, 9);
        Assert.Equal(0, FigureJson.Trace(root, "mono: no usable fit (TooFewEchoes)").GetProperty("x").GetArrayLength());
    }

    [Fact]
    public void DecayPlot_OfAnRoiFit_UsesTheRoiMeansWithSdErrorBars()
    {
        var stats = new[] { 1.0, 2.0, 4.0 }.Select((t, i) => new RoiStatistics("liver", RoiRole.Liver, t, 900 * Math.Exp(-0.2 * t), 10 + i, 0, 0, 0, 25, 25)).ToList();
        var fit = DecayFit.Fit([1, 2, 4], [.. stats.Select(e => e.Mean)], DecayModels.Mono);
        var root = FigureJson.Parse(DecayPlot.From(new RoiDecayFitResult(fit, 2, 25, stats, "series A")));
        var echoes = root.GetProperty("data")[0];
        Assert.Equal([10, 11, 12], FigureJson.Doubles(echoes.GetProperty("error_y").GetProperty("array")));
        Assert.Contains("ROI liver", root.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void ParametricMapPlot_HasAColourBarWithUnit_NullForUnfittedPixels_AndRoiLabelsWithTheirMean()
    {
        var g = new ImageGeometry(4, 5, new Vector3Mm(0, 0, 0), new Vector3Mm(1, 0, 0), new Vector3Mm(0, 1, 0), 1, 1, 5);
        var values = Enumerable.Range(0, 20).Select(i => (float)(10 * i)).ToArray();
        values[0] = float.NaN;
        var roi = new RectangleRoi("liver <1>", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(0, 0), new RoiPoint(1, 1)); // pixels 0, 1, 5, 6
        var root = FigureJson.Parse(ParametricMapPlot.From(values, g, [roi]));
        var heat = root.GetProperty("data")[0];
        Assert.Equal("heatmap", heat.GetProperty("type").GetString());
        Assert.Equal("R2* (s⁻¹)", heat.GetProperty("colorbar").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, heat.GetProperty("z")[0][0].ValueKind);
        Assert.Equal(50, heat.GetProperty("z")[1][0].GetDouble());
        var shape = root.GetProperty("layout").GetProperty("shapes")[0];
        Assert.Equal(RoiColors.Css(RoiRole.Liver), shape.GetProperty("line").GetProperty("color").GetString());
        // Finite pixels 1, 5, 6 hold 10, 50, 60: mean 40 by hand; the NaN pixel is left out and counted.
        Assert.Equal("liver &lt;1&gt;: 40.0 s⁻¹ (n = 3/4)", root.GetProperty("layout").GetProperty("annotations")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void ParametricMapPlot_RefusesAGeometryOfAnotherSize()
    {
        var g = new ImageGeometry(4, 5, new Vector3Mm(0, 0, 0), new Vector3Mm(1, 0, 0), new Vector3Mm(0, 1, 0), 1, 1, 5);
        Assert.Throws<ArgumentException>(() => ParametricMapPlot.From(new float[19], g, []));
    }

    [Fact]
    public void CalibrationCurves_AreSolidInsideTheValidityRange_DottedOutside_AndMeetAtTheBoundary()
    {
        var root = FigureJson.Parse(CalibrationCurvesPlot.From([RelaxometryCalibrations.Wood2005, RelaxometryCalibrations.Hankins2009]));
        var data = root.GetProperty("data").EnumerateArray().ToList();
        var inside = data.First(t => t.GetProperty("name").GetString()!.Contains("valid 1.33–32.9 mg/g", StringComparison.Ordinal));
        var outside = data.First(t => t.GetProperty("name").GetString()!.Contains("outside", StringComparison.Ordinal));
        Assert.Null(inside.GetProperty("line").TryGetProperty("dash", out var d) ? d.GetString() : null);
        Assert.Equal("dot", outside.GetProperty("line").GetProperty("dash").GetString());
        var x = FigureJson.Doubles(inside.GetProperty("x"));
        var yIn = FigureJson.Doubles(inside.GetProperty("y"));
        var yOut = FigureJson.Doubles(outside.GetProperty("y"));
        // Wood: LIC = 0.0254·R2* + 0.202 reaches 1.33 mg/g at R2* = (1.33 − 0.202)/0.0254 = 44.409 s⁻¹; 32.9 mg/g lies beyond 1000 s⁻¹.
        int first = Array.FindIndex(yIn, v => v is not null);
        Assert.Equal((1.33 - 0.202) / 0.0254, x[first]!.Value, 6);
        Assert.Equal(1.33, yIn[first]!.Value, 6);
        Assert.Equal(1.33, yOut[first]!.Value, 6);             // the dotted part ends where the solid part starts
        Assert.All(Enumerable.Range(0, x.Length), i => Assert.True(x[i] < x[first] ? yIn[i] is null && yOut[i] is not null : yIn[i] is not null));
        Assert.Equal(0.0254 * 1000 + 0.202, yIn[^1]!.Value, 9);
        var hankins = data.Single(t => t.GetProperty("name").GetString()!.StartsWith("Hankins", StringComparison.Ordinal));
        Assert.Contains("validity range not stated", hankins.GetProperty("name").GetString());
        Assert.Equal("dash", hankins.GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal("R2* (s⁻¹)", FigureJson.AxisTitle(root, "xaxis"));
        Assert.Equal("LIC (mg Fe/g dry weight)", FigureJson.AxisTitle(root, "yaxis"));
    }

    [Fact]
    public void CalibrationCurves_StopWhereTheFormulaHasNoValue_AndRefuseToMixR2WithR2Star()
    {
        var root = FigureJson.Parse(CalibrationCurvesPlot.From([RelaxometryCalibrations.StPierre2005]));
        var t = root.GetProperty("data")[0];
        var x = FigureJson.Doubles(t.GetProperty("x"));
        var y = FigureJson.Doubles(t.GetProperty("y"));
        // St Pierre's inverse (29.75 − √(900.7 − 2.283·R2))^1.424 needs 900.7 − 2.283·R2 ≥ 0 (R2 ≤ 394.5 s⁻¹) and
        // √(…) ≤ 29.75 (R2 ≥ (900.7 − 29.75²)/2.283 = 6.85 s⁻¹).
        Assert.All(Enumerable.Range(0, x.Length), i => Assert.Equal(x[i] <= 900.7 / 2.283 && x[i] >= (900.7 - 29.75 * 29.75) / 2.283, y[i] is not null));
        Assert.Equal("R2 (s⁻¹)", FigureJson.AxisTitle(root, "xaxis"));
        Assert.Throws<ArgumentException>(() => CalibrationCurvesPlot.From([RelaxometryCalibrations.Wood2005, RelaxometryCalibrations.StPierre2005]));
    }

    [Fact]
    public void CalibrationCurves_ByDefault_DrawEveryR2StarCalibrationOfTheRegistry()
    {
        var root = FigureJson.Parse(CalibrationCurvesPlot.From());
        var names = root.GetProperty("data").EnumerateArray().Select(t => t.GetProperty("legendgroup").GetString()).Distinct().ToList();
        Assert.Equal(RelaxometryCalibrations.All.Where(c => c.Quantity == RelaxationQuantity.R2Star).Select(c => c.Name), names);
    }

    [Fact]
    public void RoiOverlayImage_Create_WrapsThePngWithItsSizeAndCaption()
    {
        var g = new ImageGeometry(4, 5, new Vector3Mm(0, 0, 0), new Vector3Mm(1, 0, 0), new Vector3Mm(0, 1, 0), 1, 1, 5);
        var plane = new ImagePlane(new float[20], g, 1.2, "echo 1");
        var img = RoiOverlayImage.Create(plane, [new CircleRoi("liver", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(2, 2), 1)], scale: 3);
        Assert.Equal((15, 12), (img.Width, img.Height));
        Assert.Equal(RoiOverlayImage.ToPng(plane, [new CircleRoi("liver", RoiRole.Liver, RoiSpace.Pixel, new RoiPoint(2, 2), 1)], scale: 3), img.Png);
        Assert.Equal("echo 1: ROIs liver", img.Caption);
    }
}
