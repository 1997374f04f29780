namespace IronNotebooks.Simulation;

/// <summary>One series to simulate: its sequence parameters and where they come from.</summary>
/// <param name="Label">Sequence label ("T1", "PD", "T2+", "Lille", "MGRE", "MSE", …); also the series description's start.</param>
/// <param name="Kind">Gradient or spin echo.</param>
/// <param name="RepetitionTimeMs">TR, ms.</param>
/// <param name="EchoTimesMs">One or more echo times, ms, ascending.</param>
/// <param name="FlipAngleDeg">Flip angle, degrees (90 for spin echo).</param>
/// <param name="Source">Protocol registry name and citation, or the assumption.</param>
public sealed record SimulatedAcquisition(string Label, AcquisitionKind Kind, double RepetitionTimeMs, IReadOnlyList<double> EchoTimesMs,
    double FlipAngleDeg, string Source);
