namespace IronNotebooks.Roi;

/// <summary>A closed polygon (last vertex joins the first); pixel centres inside by the even–odd rule.</summary>
/// <param name="Name">Unique name in its set.</param>
/// <param name="Role">What it measures.</param>
/// <param name="Space">Coordinate space.</param>
/// <param name="Vertices">At least three vertices.</param>
public sealed record PolygonRoi(string Name, RoiRole Role, RoiSpace Space, IReadOnlyList<RoiPoint> Vertices) : RoiShape(Name, Role, Space);
