using System.Numerics;
using IronNotebooks.FatWater;
using IronNotebooks.Roi;

namespace IronNotebooks.Simulation;

/// <summary>The images of one simulated chemical-shift series: magnitude (noiseless and noisy), stored phase, and what the truth needs.</summary>
internal sealed class ChemicalShiftImages
{
    private ChemicalShiftImages() { }

    public required double[][] NoiselessMagnitude { get; init; }
    public required double[][] NoisyMagnitude { get; init; }
    public required ushort[][] StoredPhase { get; init; }
    public required double[] FieldMapHz { get; init; }
    public required (double Offset, double Gx, double Gy, double Bowl, double Phase) Field { get; init; }
    public required TissueRelaxation Liver { get; init; }
    public required double SignalFatFractionPercent { get; init; }

    /// <summary>
    /// Complex images: per tissue <see cref="ChemicalShiftImaging.TissueSignal"/> × coil profile × e^(i(φ0 + 2πψt)), blurred for
    /// breathing (real and imaginary parts alike), plus complex Gaussian noise of σ per channel.
    /// </summary>
    public static ChemicalShiftImages Simulate(string id, SimulatedAcquisition a, VirtualAnatomy anatomy, IReadOnlyDictionary<Tissue, TissueRelaxation> tissues,
        double[] shading, SimulationOptions options, double fatT1, double sigma, SeededRandom noise)
    {
        var spectrum = FatSpectra.Hamilton2011;
        var g = anatomy.Geometry;
        int n = g.Rows * g.Columns, m = a.EchoTimesMs.Count;
        var field = ChemicalShiftImaging.DrawField(SeededRandom.Derive(options.Seed, $"{id}/b0"), options.FieldStrengthT);
        var psi = ChemicalShiftImaging.FieldMapHz(g, field.Offset, field.Gx, field.Gy, field.Bowl);
        var noiseless = new double[m][];
        var noisy = new double[m][];
        var phase = new ushort[m][];
        for (int e = 0; e < m; e++)
        {
            double te = a.EchoTimesMs[e];
            var perTissue = tissues.ToDictionary(t => t.Key, t => ChemicalShiftImaging.TissueSignal(t.Value, a.RepetitionTimeMs, te, a.FlipAngleDeg, fatT1, spectrum));
            var re = new double[n];
            var im = new double[n];
            for (int i = 0; i < n; i++)
            {
                var s = perTissue[anatomy.Labels[i]] * shading[i] * Complex.FromPolarCoordinates(1, field.Phase + 2 * Math.PI * psi[i] * te / 1000);
                re[i] = s.Real;
                im[i] = s.Imaginary;
            }
            re = anatomy.BlurForBreathing(re);
            im = anatomy.BlurForBreathing(im);
            noiseless[e] = new double[n];
            noisy[e] = new double[n];
            phase[e] = new ushort[n];
            for (int i = 0; i < n; i++)
            {
                noiseless[e][i] = Math.Sqrt(re[i] * re[i] + im[i] * im[i]);
                // Real then imaginary noise per pixel, as SignalEquations.RicianMagnitude draws them.
                double nr = re[i] + (sigma > 0 ? sigma * noise.NextGaussian() : 0);
                double ni = im[i] + (sigma > 0 ? sigma * noise.NextGaussian() : 0);
                noisy[e][i] = Math.Sqrt(nr * nr + ni * ni);
                phase[e][i] = ChemicalShiftImaging.StoredPhase(Math.Atan2(ni, nr));
            }
        }
        var liver = tissues[Tissue.Liver];
        return new ChemicalShiftImages
        {
            NoiselessMagnitude = noiseless, NoisyMagnitude = noisy, StoredPhase = phase, FieldMapHz = psi, Field = field, Liver = liver,
            SignalFatFractionPercent = ChemicalShiftImaging.SignalFatFractionPercent(liver, a.RepetitionTimeMs, a.FlipAngleDeg, fatT1),
        };
    }

    /// <summary>The truth entry, with the field map's mean in each liver ROI.</summary>
    public ChemicalShiftTruth Truth(VirtualAnatomy anatomy, int phaseNumber, string phaseUid, string phaseFolder, IReadOnlyList<string> phaseFiles)
    {
        var g = anatomy.Geometry;
        var plane = new Imaging.ImagePlane([.. FieldMapHz.Select(v => (float)v)], g, 0, "field map");
        var perRoi = anatomy.Rois.Rois.Where(r => r.Role == RoiRole.Liver).ToDictionary(r => r.Name, r => RoiMeasurement.Measure(plane, r).Mean);
        return new ChemicalShiftTruth
        {
            Spectrum = FatSpectra.Hamilton2011.Name, LiverFatFractionPercent = 100 * Liver.FatFraction, LiverSignalFatFractionPercent = SignalFatFractionPercent,
            LiverR2StarPerSecond = Liver.R2StarPerSecond, FieldMapOffsetHz = Field.Offset, FieldMapGradientXHzPer100Mm = Field.Gx, FieldMapGradientYHzPer100Mm = Field.Gy,
            FieldMapBowlHz = Field.Bowl, InitialPhaseRadians = Field.Phase, LiverRoiFieldMapHz = perRoi, PhaseConvention = ChemicalShiftImaging.PhaseConvention,
            PhaseSeriesNumber = phaseNumber, PhaseSeriesInstanceUid = phaseUid, PhaseFolder = phaseFolder, PhaseFiles = phaseFiles,
        };
    }
}
