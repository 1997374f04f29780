namespace IronNotebooks.Roi;

/// <summary>An ellipse with semi-axes along the image's x and y directions, rotated by <see cref="AngleDeg"/> (from +x toward +y).</summary>
/// <param name="Name">Unique name in its set.</param>
/// <param name="Role">What it measures.</param>
/// <param name="Space">Coordinate space.</param>
/// <param name="Center">Centre.</param>
/// <param name="RadiusX">Semi-axis along x before rotation (pixels or mm).</param>
/// <param name="RadiusY">Semi-axis along y before rotation (pixels or mm).</param>
/// <param name="AngleDeg">Rotation, degrees.</param>
public sealed record EllipseRoi(string Name, RoiRole Role, RoiSpace Space, RoiPoint Center, double RadiusX, double RadiusY, double AngleDeg = 0)
    : RoiShape(Name, Role, Space);
