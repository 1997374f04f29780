namespace IronNotebooks.Roi;

/// <summary>A point of an ROI: (X, Y) in pixel space; (X, Y, Z) in patient millimetres (LPS).</summary>
public readonly record struct RoiPoint(double X, double Y, double Z = 0);
