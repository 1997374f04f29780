using System.Globalization;
using IronNotebooks.Calibration;
using IronNotebooks.Imaging;
using IronNotebooks.Roi;
using IronNotebooks.RoiProposals;
using IronNotebooks.Simulation;

namespace IronNotebooks.Testing;

/// <summary>One simulated exam run through ROI proposal, fit and interval, compared with the simulator's truth.</summary>
public sealed record ProposalEvaluationRow
{
    /// <summary>Patient ID.</summary>
    public required string Id { get; init; }
    /// <summary>Field, T.</summary>
    public required double FieldT { get; init; }
    /// <summary>Matrix.</summary>
    public required int Matrix { get; init; }
    /// <summary>True LIC, µmol/g.</summary>
    public required double TrueLicUmolPerGram { get; init; }
    /// <summary>True liver R2*, s⁻¹.</summary>
    public required double TrueR2StarPerSecond { get; init; }
    /// <summary>Liver drawn on the slice.</summary>
    public required bool LiverPresent { get; init; }
    /// <summary>Proposal found the liver.</summary>
    public required bool LiverFound { get; init; }
    /// <summary>Liver discs proposed.</summary>
    public required int Discs { get; init; }
    /// <summary>Discs whose centre is not liver or with more than 5 % non-liver pixels (tissue map).</summary>
    public required int DiscsOutsideLiver { get; init; }
    /// <summary>Discs touching any non-liver pixel.</summary>
    public required int DiscsTouchingNonLiver { get; init; }
    /// <summary>Paraspinal muscle discs proposed.</summary>
    public int MuscleDiscs { get; init; }
    /// <summary>Muscle discs whose centre is muscle on the tissue map.</summary>
    public int MuscleDiscsOnMuscle { get; init; }
    /// <summary>Tissues under the centres of the muscle discs that are not on muscle.</summary>
    public string MuscleDiscsMisplacedOn { get; init; } = "";
    /// <summary>Fitted R2*, s⁻¹ (NaN when not measured).</summary>
    public required double R2StarPerSecond { get; init; }
    /// <summary>LIC from the fitted R2* through the simulator's field model inverted (wood2005; Storey at 3 T; the R2′ ∝ B0 reconstruction at 0.5/1 T), µmol/g.</summary>
    public required double LicUmolPerGram { get; init; }
    /// <summary>Outcome of the library's LIC (wood2005, Storey scaling at 3 T).</summary>
    public required string Outcome { get; init; }
    /// <summary>Interval of the rate, s⁻¹.</summary>
    public required double RateLowPerSecond { get; init; }
    /// <summary>Interval upper end of the rate, s⁻¹.</summary>
    public required double RateHighPerSecond { get; init; }
    /// <summary>Fit SD, s⁻¹.</summary>
    public required double FitSdPerSecond { get; init; }
    /// <summary>Spatial SD, s⁻¹.</summary>
    public required double SpatialSdPerSecond { get; init; }
    /// <summary>First reason of the first liver disc, if any.</summary>
    public string? LiverReason { get; init; }
    /// <summary>Not-found reason for the liver, if any.</summary>
    public string? NotFoundReason { get; init; }

    /// <summary>Relative LIC error.</summary>
    public double LicRelativeError => (LicUmolPerGram - TrueLicUmolPerGram) / TrueLicUmolPerGram;
    /// <summary>True R2* inside the interval.</summary>
    public bool Covered => TrueR2StarPerSecond >= RateLowPerSecond && TrueR2StarPerSecond <= RateHighPerSecond;
}

/// <summary>
/// Seeded evaluation of RoiProposer + LicUncertainty on `synth --anatomy random` exams (multi-echo GRE), written as DICOM
/// to a temporary folder, read back through the catalog, proposed, fitted and compared with truth.json and tissue-map.pgm.
/// The full runs (200 and 1,000 exams) are `dotnet run -c Release --project tests/IronNotebooks.Benchmarks -- proposal-eval N`;
/// a small run is an xunit test.
/// </summary>
public static class ProposalEvaluation
{
    /// <summary>Fields cycled through.</summary>
    public static readonly double[] Fields = [0.5, 1.0, 1.5, 3.0];

    /// <summary>Runs exam <paramref name="index"/> of a seeded evaluation.</summary>
    public static ProposalEvaluationRow RunOne(ulong seed, int index, int? matrix, string workFolder, double snr = 50, double liverAbsentProbability = 0.05, bool keep = false)
    {
        string id = string.Create(CultureInfo.InvariantCulture, $"EVAL-{index:D4}");
        var rng = SeededRandom.Derive(seed, id + "/evaluation");
        double field = Fields[index % Fields.Length];
        double lic = Math.Exp(rng.NextDouble(Math.Log(10), Math.Log(500)));
        var variation = AnatomyVariation.Random(seed, id, liverAbsentProbability);
        var options = variation.Apply(new SimulationOptions(seed, field, Snr: snr));
        if (matrix is int m) options = options with { Anatomy = options.Anatomy! with { MatrixSize = m } };
        string folder = Path.Combine(workFolder, id);
        try
        {
            var exam = SyntheticExamWriter.WritePatient(new VirtualPatient(id, LiverIronConcentration.FromUmolPerGram(lic)), [SynthProtocol.MultiEchoGre], folder, options);
            var series = ProposalInput.Load(folder);
            var proposal = RoiProposer.Propose(series);
            var (rows, cols, labels) = SyntheticExamWriter.ReadTissueMap(Path.Combine(folder, SyntheticExamWriter.TissueMapFileName));
            var g = series.Slices[proposal.SliceIndex].Geometry;
            int outside = 0, touching = 0;
            var discs = proposal.Proposed.Where(p => p.Roi.Role == RoiRole.Liver && p.Roi is CircleRoi).Select(p => (CircleRoi)p.Roi).ToList();
            foreach (var disc in discs)
            {
                var pixels = RoiRasterizer.Rasterize(disc, g).PixelIndices;
                int nonLiver = pixels.Count(i => labels[i] != Tissue.Liver);
                int centre = (int)Math.Round(disc.Center.Y) * cols + (int)Math.Round(disc.Center.X);
                if (labels[centre] != Tissue.Liver || nonLiver > 0.05 * pixels.Count) outside++;
                if (nonLiver > 0) touching++;
            }
            var muscles = proposal.Proposed.Where(p => p.Roi.Role is RoiRole.MuscleLeftParaspinal or RoiRole.MuscleRightParaspinal && p.Roi is CircleRoi).Select(p => (CircleRoi)p.Roi).ToList();
            int musclesOnMuscle = muscles.Count(m => labels[(int)Math.Round(m.Center.Y) * cols + (int)Math.Round(m.Center.X)] == Tissue.Muscle);
            double r2 = double.NaN, licMeasured = double.NaN, low = double.NaN, high = double.NaN, fitSd = double.NaN, spatialSd = double.NaN;
            string outcome = "notFound";
            if (discs.Count > 0)
            {
                var scaling = Math.Abs(field - 3) < 0.05 ? FieldStrengthScalings.Storey2007Liver : null;
                var estimate = LicUncertainty.Estimate(series, proposal.SliceIndex, proposal.RoiSet, field, RelaxometryCalibrations.Get("wood2005"), scaling);
                outcome = estimate.Outcome.ToString();
                r2 = estimate.InputRatePerSecond;
                if (estimate.Interval is { } interval)
                {
                    low = interval.RateLowPerSecond;
                    high = interval.RateHighPerSecond;
                    fitSd = interval.Components.First(c => c.Name == "fit").SdPerSecond ?? double.NaN;
                    spatialSd = interval.Components.First(c => c.Name == "spatial").SdPerSecond ?? 0;
                }
                if (double.IsFinite(r2)) licMeasured = LicFromR2Star(r2, field);
            }
            return new ProposalEvaluationRow
            {
                Id = id, FieldT = field, Matrix = options.Anatomy!.MatrixSize, TrueLicUmolPerGram = exam.LicUmolPerGram!.Value,
                TrueR2StarPerSecond = exam.LiverR2StarPerSecond!.Value, LiverPresent = variation.LiverPresent, LiverFound = proposal.LiverFound,
                Discs = discs.Count, DiscsOutsideLiver = outside, DiscsTouchingNonLiver = touching, MuscleDiscs = muscles.Count, MuscleDiscsOnMuscle = musclesOnMuscle,
                MuscleDiscsMisplacedOn = string.Join(" ", muscles.Select(m => labels[(int)Math.Round(m.Center.Y) * cols + (int)Math.Round(m.Center.X)]).Where(t => t != Tissue.Muscle)), R2StarPerSecond = r2, LicUmolPerGram = licMeasured,
                Outcome = outcome, RateLowPerSecond = low, RateHighPerSecond = high, FitSdPerSecond = fitSd, SpatialSdPerSecond = spatialSd,
                LiverReason = proposal.Proposed.FirstOrDefault(p => p.Roi.Role == RoiRole.Liver)?.Reasons[0],
                NotFoundReason = proposal.NotFound.FirstOrDefault(n => n.Role == RoiRole.Liver)?.Reason,
            };
        }
        finally
        {
            if (!keep && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>LIC (µmol/g) whose simulated liver R2* at <paramref name="fieldT"/> is <paramref name="r2Star"/>: the simulator's forward model inverted by bisection.</summary>
    public static double LicFromR2Star(double r2Star, double fieldT)
    {
        double lo = Math.Log(0.21), hi = Math.Log(50);
        double R(double logMg) => LiverIronModel.FromLic(LiverIronConcentration.FromMgPerGram(Math.Exp(logMg)), fieldT).R2StarPerSecond;
        if (r2Star <= R(lo)) return 0.21 * LiverIronConcentration.UmolPerMg;
        if (r2Star >= R(hi)) return 50 * LiverIronConcentration.UmolPerMg;
        for (int i = 0; i < 60; i++)
        {
            double mid = 0.5 * (lo + hi);
            if (R(mid) < r2Star) lo = mid; else hi = mid;
        }
        return Math.Exp(0.5 * (lo + hi)) * LiverIronConcentration.UmolPerMg;
    }

    /// <summary>Percentile (linear interpolation) of a list.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var a = values.Order().ToArray();
        if (a.Length == 0) return double.NaN;
        double pos = p * (a.Length - 1);
        int i = (int)Math.Floor(pos);
        return i + 1 < a.Length ? a[i] + (pos - i) * (a[i + 1] - a[i]) : a[i];
    }
}
