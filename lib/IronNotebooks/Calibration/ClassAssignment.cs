namespace IronNotebooks.Calibration;

/// <summary>The class a value falls in.</summary>
/// <param name="Scheme">The scheme's name.</param>
/// <param name="Index">0-based class index from the lowest value upwards.</param>
/// <param name="Label">The class label.</param>
/// <param name="Value">The classified value.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Interval">The class interval in words, e.g. "≥ 1.8 and &lt; 3.2 mg/g".</param>
public sealed record ClassAssignment(string Scheme, int Index, string Label, double Value, string Unit, string Interval);
