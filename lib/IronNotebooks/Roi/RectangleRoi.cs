namespace IronNotebooks.Roi;

/// <summary>
/// An image-aligned rectangle between two corners, both included: pixel (x, y) is inside when
/// min(x0, x1) ≤ x ≤ max(x0, x1) and likewise for y. So rect 10,10,19,19 covers 10 × 10 pixels.
/// </summary>
/// <param name="Name">Unique name in its set.</param>
/// <param name="Role">What it measures.</param>
/// <param name="Space">Coordinate space.</param>
/// <param name="Corner0">One corner.</param>
/// <param name="Corner1">The opposite corner (included).</param>
public sealed record RectangleRoi(string Name, RoiRole Role, RoiSpace Space, RoiPoint Corner0, RoiPoint Corner1) : RoiShape(Name, Role, Space);
