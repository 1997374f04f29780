namespace IronNotebooks.Calibration;

/// <summary>An iron index with its threshold.</summary>
/// <param name="Index">Which index.</param>
/// <param name="Value">Its value.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Threshold">The published threshold.</param>
/// <param name="AboveThreshold">Value &gt; threshold.</param>
/// <param name="Note">Formula, unit choice and evidence status.</param>
public sealed record IndexResult(string Index, double Value, string Unit, double Threshold, bool AboveThreshold, string Note);
