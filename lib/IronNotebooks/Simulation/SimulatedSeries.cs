using IronNotebooks.Roi;

namespace IronNotebooks.Simulation;

/// <summary>One written series of a synthetic exam, its files and its ROI signals.</summary>
/// <param name="Label">Sequence label ("PD", "T2+", "MGRE", …).</param>
/// <param name="Kind">Gradient or spin echo.</param>
/// <param name="SeriesNumber">DICOM Series Number.</param>
/// <param name="SeriesInstanceUid">DICOM Series Instance UID.</param>
/// <param name="Folder">Folder of the series, relative to the exam folder.</param>
/// <param name="Files">Files, relative to the exam folder, forward slashes.</param>
/// <param name="RepetitionTimeMs">TR, ms.</param>
/// <param name="EchoTimesMs">Echo times, ms.</param>
/// <param name="FlipAngleDeg">Flip angle, degrees.</param>
/// <param name="RescaleSlope">Rescale Slope written (rescaled = stored × slope).</param>
/// <param name="StoredPerSignalUnit">Stored units per simulation signal unit (1 / slope when the slope maps back to signal units).</param>
/// <param name="NoiseSigma">Noise σ per channel in rescaled units of this series.</param>
/// <param name="Rois">Every ground-truth ROI measured per echo.</param>
/// <param name="Source">Protocol and citation of the sequence parameters.</param>
public sealed record SimulatedSeries(string Label, AcquisitionKind Kind, int SeriesNumber, string SeriesInstanceUid, string Folder, IReadOnlyList<string> Files,
    double RepetitionTimeMs, IReadOnlyList<double> EchoTimesMs, double FlipAngleDeg, double RescaleSlope, double StoredPerSignalUnit, double NoiseSigma,
    IReadOnlyList<RoiSignal> Rois, string Source)
{
    /// <summary>Truth and phase series of a chemical-shift series (<see cref="AcquisitionKind.ChemicalShiftGradientEcho"/>); null otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ChemicalShiftTruth? ChemicalShift { get; init; }

    /// <summary>Mean over the liver ROIs of each ROI's mean (each ROI weighted equally, as the Rennes worksheet averages three readings), per echo.</summary>
    public IReadOnlyList<double> LiverMean => RoleMean(RoiRole.Liver, noiseless: false);

    /// <summary>Mean over the two paraspinal ROIs, per echo.</summary>
    public IReadOnlyList<double> MuscleMean => RoleMean(RoiRole.MuscleLeftParaspinal, noiseless: false, RoiRole.MuscleRightParaspinal);

    /// <summary>Liver-to-muscle ratio L/M of the written images, per echo (the SIR methods' input).</summary>
    public IReadOnlyList<double> LiverToMuscleRatio => [.. LiverMean.Zip(MuscleMean, (l, m) => l / m)];

    /// <summary>L/M of the noiseless signal, per echo (what infinite SNR would give).</summary>
    public IReadOnlyList<double> NoiselessLiverToMuscleRatio =>
        [.. RoleMean(RoiRole.Liver, noiseless: true).Zip(RoleMean(RoiRole.MuscleLeftParaspinal, noiseless: true, RoiRole.MuscleRightParaspinal), (l, m) => l / m)];

    private IReadOnlyList<double> RoleMean(RoiRole role, bool noiseless, RoiRole? other = null)
    {
        var rois = Rois.Where(r => r.Role == role || r.Role == other).ToList();
        if (rois.Count == 0) return [];
        return [.. Enumerable.Range(0, EchoTimesMs.Count).Select(e => rois.Average(r => noiseless ? r.NoiselessMean[e] : r.Mean[e]))];
    }
}
