namespace IronNotebooks.Imaging;

/// <summary>One slice position of a multi-echo series: its geometry and one plane per echo, in echo order.</summary>
/// <param name="Index">Zero-based slice index, ordered by <see cref="SliceLocationMm"/>.</param>
/// <param name="SliceLocationMm">Position along the plane normal, mm.</param>
/// <param name="Geometry">Geometry shared by every echo of the slice.</param>
/// <param name="Echoes">One plane per echo, same order as the series' echo times.</param>
public sealed record MultiEchoSlice(int Index, double SliceLocationMm, ImageGeometry Geometry, IReadOnlyList<ImagePlane> Echoes);
