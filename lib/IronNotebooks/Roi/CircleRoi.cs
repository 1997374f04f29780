namespace IronNotebooks.Roi;

/// <summary>A disc: pixels whose centre lies within <see cref="Radius"/> of <see cref="Center"/> (boundary included).</summary>
/// <param name="Name">Unique name in its set.</param>
/// <param name="Role">What it measures.</param>
/// <param name="Space">Coordinate space of <see cref="Center"/> and <see cref="Radius"/>.</param>
/// <param name="Center">Centre.</param>
/// <param name="Radius">Radius in pixels (pixel space) or mm (patient space).</param>
public sealed record CircleRoi(string Name, RoiRole Role, RoiSpace Space, RoiPoint Center, double Radius) : RoiShape(Name, Role, Space);
