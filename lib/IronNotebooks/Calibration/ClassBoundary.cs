namespace IronNotebooks.Calibration;

/// <summary>A cut point between two adjacent classes.</summary>
/// <param name="Value">The cut point, in the scheme's unit.</param>
/// <param name="ValueBelongsToUpperClass">True when a value equal to the cut point falls in the class above it
/// ("&lt; 36 | 36–80": 36 is in the upper class); false when it stays below ("≤ 10 ms severe": 10 is in the lower class).</param>
public sealed record ClassBoundary(double Value, bool ValueBelongsToUpperClass);
