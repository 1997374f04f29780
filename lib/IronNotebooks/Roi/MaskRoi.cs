namespace IronNotebooks.Roi;

/// <summary>A binary mask in pixel space: the listed pixel indices (y × Columns + x) of a Rows × Columns image.</summary>
/// <param name="Name">Unique name in its set.</param>
/// <param name="Role">What it measures.</param>
/// <param name="Rows">Rows of the image the mask was drawn on.</param>
/// <param name="Columns">Columns of that image.</param>
/// <param name="PixelIndices">Indices of the pixels inside.</param>
public sealed record MaskRoi(string Name, RoiRole Role, int Rows, int Columns, IReadOnlyList<int> PixelIndices) : RoiShape(Name, Role, RoiSpace.Pixel);
