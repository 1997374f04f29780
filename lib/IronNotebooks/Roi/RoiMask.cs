namespace IronNotebooks.Roi;

/// <summary>The pixels an ROI covers on one plane: indices y × Columns + x, ascending.</summary>
/// <param name="Roi">The ROI.</param>
/// <param name="Rows">Rows of the plane.</param>
/// <param name="Columns">Columns of the plane.</param>
/// <param name="PixelIndices">Covered pixels, ascending.</param>
public sealed record RoiMask(RoiShape Roi, int Rows, int Columns, IReadOnlyList<int> PixelIndices);
