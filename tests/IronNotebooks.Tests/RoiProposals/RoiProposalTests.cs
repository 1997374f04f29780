using System.Text.Json;
using IronNotebooks.Calibration;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using IronNotebooks.RoiProposals;
using IronNotebooks.Simulation;
using IronNotebooks.Testing;
using Xunit;
using Xunit.Abstractions;

namespace IronNotebooks.Tests.RoiProposals;

/// <summary>
/// Small, fast versions of the proposal evaluation (the 200- and 1,000-exam runs are `proposal-eval` in
/// tests/IronNotebooks.Benchmarks): seeded random-anatomy exams checked against the simulator's tissue map.
/// </summary>
public sealed class RoiProposalTests(ITestOutputHelper output)
{
    [Fact]
    public void DistanceTransform_RandomMask_MatchesBruteForce()
    {
        var rng = new Random(5);
        int rows = 23, cols = 31;
        var mask = Enumerable.Range(0, rows * cols).Select(_ => rng.NextDouble() < 0.8).ToArray();
        var d = DistanceTransform.ToOutsideMm(mask, rows, cols, 1.5, 0.7);
        for (int i = 0; i < mask.Length; i++)
        {
            if (!mask[i]) { Assert.Equal(0, d[i]); continue; }
            int x = i % cols, y = i / cols;
            double best = double.PositiveInfinity;
            for (int yy = -1; yy <= rows; yy++)
                for (int xx = -1; xx <= cols; xx++)
                {
                    bool outside = yy < 0 || xx < 0 || yy >= rows || xx >= cols || !mask[yy * cols + xx];
                    if (outside) best = Math.Min(best, Math.Sqrt(Math.Pow((xx - x) * 0.7, 2) + Math.Pow((yy - y) * 1.5, 2)));
                }
            Assert.Equal(best, d[i], 4);
        }
    }

    [Fact]
    public void AnatomyVariation_SameSeed_SameBodyAndLiverAbsentSlicesHaveNoLiver()
    {
        var a = AnatomyVariation.Random(9, "SYN-0003");
        var b = AnatomyVariation.Random(9, "SYN-0003");
        Assert.Equal(JsonSerializer.Serialize(a), JsonSerializer.Serialize(b));
        Assert.NotEqual(JsonSerializer.Serialize(a), JsonSerializer.Serialize(AnatomyVariation.Random(9, "SYN-0004")));
        var absent = AnatomyVariation.Random(9, "SYN-0003", liverAbsentProbability: 1);
        var anatomy = VirtualAnatomy.Abdomen(absent.ToOptions() with { MatrixSize = 96 });
        Assert.DoesNotContain(Tissue.Liver, anatomy.Labels.ToArray());
        Assert.DoesNotContain(anatomy.Rois.Rois, r => r.Role == RoiRole.Liver);
        var present = VirtualAnatomy.Abdomen(AnatomyVariation.Random(9, "SYN-0003", 0).ToOptions() with { MatrixSize = 96 });
        Assert.Contains(Tissue.Liver, present.Labels.ToArray());
        foreach (var roi in present.Rois.Rois.Where(r => r.Role == RoiRole.Liver))
            Assert.All(RoiRasterizer.Rasterize(roi, present.Geometry).PixelIndices, i => Assert.Equal(Tissue.Liver, present.Labels[i]));
    }

    [Fact]
    public void Propose_TwelveRandomExams_DiscsInLiverLicWithinTenPercentAndAbsentLiverNotFound()
    {
        string work = Path.Combine(Path.GetTempPath(), "ironnb-proposal-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var rows = Enumerable.Range(1, 10).Select(i => ProposalEvaluation.RunOne(31, i, 128, work)).ToList();
            rows.Add(ProposalEvaluation.RunOne(31, 11, 128, work, liverAbsentProbability: 1));
            rows.Add(ProposalEvaluation.RunOne(31, 12, 128, work, liverAbsentProbability: 1));
            foreach (var r in rows)
                output.WriteLine($"{r.Id} {r.FieldT} T LIC {r.TrueLicUmolPerGram:0.#}: found {r.LiverFound}, discs {r.Discs}, outside {r.DiscsOutsideLiver}, LIC {r.LicUmolPerGram:0.#} ({r.Outcome}), covered {r.Covered}");
            Assert.All(rows.Where(r => !r.LiverPresent), r => Assert.False(r.LiverFound, $"{r.Id}: liver proposed on a slice without liver"));
            var found = rows.Where(r => r.LiverFound).ToList();
            Assert.True(found.Count >= 8, $"liver found in {found.Count} of 10 exams");
            Assert.Equal(0, found.Sum(r => r.DiscsOutsideLiver));
            Assert.All(found.Where(r => r.Outcome == "Estimated"), r => Assert.InRange(Math.Abs(r.LicRelativeError), 0, 0.10));
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, true);
        }
    }

    [Fact]
    public void Propose_DeepFatPadJoinedToTheSubcutaneousFat_IsRejectedWithItsReasonAndTheDiscsLandInTheLiver()
    {
        // Exam 129 of the 200-exam evaluation (seed 2026, 1 T, LIC 22 µmol/g, 192²): a posterior fat pad joined to the
        // subcutaneous fat held a larger homogeneous disc than the vessel-rich liver; the first wave put a disc in it (LIC −46 %).
        string work = Path.Combine(Path.GetTempPath(), "ironnb-proposal-fatpad-" + Guid.NewGuid().ToString("N"));
        try
        {
            var row = ProposalEvaluation.RunOne(2026, 129, null, work);
            output.WriteLine($"{row.Id}: found {row.LiverFound}, discs {row.Discs}, outside {row.DiscsOutsideLiver}, LIC {row.LicUmolPerGram:0.#} vs {row.TrueLicUmolPerGram:0.#} µmol/g");
            Assert.True(row.LiverFound);
            Assert.Equal(0, row.DiscsOutsideLiver);
            Assert.InRange(Math.Abs(row.LicRelativeError), 0, 0.10);
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, true);
        }
    }

    [Fact]
    public void WithInterval_GivenSds_MatchesNormalModelThroughWood2005()
    {
        var e = LicConversion.FromRate(250, 1.5, RelaxometryCalibrations.Get("wood2005"));
        var withInterval = LicUncertainty.WithInterval(e, 4, 6);
        var iv = withInterval.Interval!;
        double sd = Math.Sqrt(16 + 36);
        // Hand formula: rate ± 1.959964·sd through LIC = 0.0254·R2* + 0.202 mg/g (docs/methods.md §3), ×17.907 µmol/mg.
        Assert.Equal((0.0254 * (250 - 1.959964 * sd) + 0.202) * 17.907, iv.CiLowUmolPerGram!.Value, 3);
        Assert.Equal((0.0254 * (250 + 1.959964 * sd) + 0.202) * 17.907, iv.CiHighUmolPerGram!.Value, 3);
        // P(LIC > 7 mg/g) = 1 − Φ((R7 − 250)/sd), R7 = (7 − 0.202)/0.0254; Φ by the erfc series of the test itself.
        double z = ((7 - 0.202) / 0.0254 - 250) / sd;
        Assert.Equal(0.5 * Erfc(z / Math.Sqrt(2)), iv.ProbabilityAbove.Single(p => p.ThresholdMgPerGram == 7).Probability, 4);
        Assert.False(iv.Components.Single(c => c.Name == "calibration").Included);
        Assert.Contains("no residual SD", iv.Components.Single(c => c.Name == "calibration").Note);
    }

    // Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), independent of the library's Math.NET path.
    private static double Erfc(double x)
    {
        double t = 1 / (1 + 0.3275911 * Math.Abs(x));
        double y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.Exp(-x * x);
        return x >= 0 ? y : 2 - y;
    }
}
