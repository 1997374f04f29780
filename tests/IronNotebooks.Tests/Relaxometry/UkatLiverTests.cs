using IronNotebooks.Imaging;
using IronNotebooks.Relaxometry;
using IronNotebooks.Roi;
using IronNotebooks.Dicom.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace IronNotebooks.Tests.Relaxometry;

/// <summary>
/// Real 3 T liver data (UKAT r2star NIfTI, 12 in-phase echoes): an ROI in the right liver lobe, checked by eye on the
/// first echo (coronal, liver on the image left in radiological orientation), away from large vessels. Normal liver at
/// 3 T is ≈ 50–100 s⁻¹ (Storey 2007: 69 s⁻¹), so every model must land in a physiologically plausible 35–120 s⁻¹.
/// </summary>
public sealed class UkatLiverTests(ITestOutputHelper output)
{
    [CorpusTheory]
    [InlineData("siemens", 0, 30, 100, 6)]
    [InlineData("philips", 1, 30, 85, 5)]
    [InlineData("ge", 1, 75, 175, 10)]
    public void RoiDecayFit_LiverRoi_GivesPlausibleThreeTeslaR2Star(string vendor, int slice, double cx, double cy, double radius)
    {
        var series = MultiEchoSeries.FromNiftiFolder(TestPaths.CorpusFile($"ukat/r2star/{vendor}"));
        var roi = new CircleRoi($"liver {vendor}", RoiRole.Other, RoiSpace.Pixel, new RoiPoint(cx, cy), radius);
        foreach (var model in new[] { DecayModels.Mono, DecayModels.Offset, DecayModels.LogLinear, DecayModels.Arlo })
        {
            var r = RoiDecayFit.Fit(series, slice, roi, model);
            output.WriteLine($"{vendor} slice {slice} circle:{cx},{cy},{radius} ({r.PixelCount} px) {model.Name}: R2* = {r.Fit.R2StarPerSecond:0.0} s⁻¹ "
                + $"(SE {r.Fit.R2StarStandardErrorPerSecond:0.0}), T2* = {r.Fit.T2StarMs:0.00} ms, RMSE {r.Fit.Rmse:0.0}, TE1 {series.EchoTimesMs[0]:0.00} ms, {r.Fit.Status}");
            Assert.True(r.Fit.IsUsable, r.Fit.ExitReason);
            Assert.InRange(r.Fit.R2StarPerSecond, 35, 120);
        }
    }
}
