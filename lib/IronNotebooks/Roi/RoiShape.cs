using System.Text.Json.Serialization;

namespace IronNotebooks.Roi;

/// <summary>
/// A named region of interest with a role and a coordinate space. Which pixels it covers on a plane is decided by
/// pixel centres (see <see cref="RoiRasterizer"/>); there are no partial-pixel weights.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "shape")]
[JsonDerivedType(typeof(CircleRoi), "circle")]
[JsonDerivedType(typeof(EllipseRoi), "ellipse")]
[JsonDerivedType(typeof(RectangleRoi), "rectangle")]
[JsonDerivedType(typeof(PolygonRoi), "polygon")]
[JsonDerivedType(typeof(MaskRoi), "mask")]
public abstract record RoiShape(string Name, RoiRole Role, RoiSpace Space);
