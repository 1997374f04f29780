namespace IronNotebooks.Imaging;

/// <summary>A point or direction in patient coordinates (LPS), millimetres for points, unitless for directions.</summary>
public readonly record struct Vector3Mm(double X, double Y, double Z)
{
#pragma warning disable CS1591 // vector arithmetic needs no prose
    public static Vector3Mm operator +(Vector3Mm a, Vector3Mm b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Vector3Mm operator -(Vector3Mm a, Vector3Mm b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static Vector3Mm operator *(Vector3Mm a, double s) => new(a.X * s, a.Y * s, a.Z * s);
    public double Dot(Vector3Mm b) => X * b.X + Y * b.Y + Z * b.Z;
    public Vector3Mm Cross(Vector3Mm b) => new(Y * b.Z - Z * b.Y, Z * b.X - X * b.Z, X * b.Y - Y * b.X);
    public double Length => Math.Sqrt(Dot(this));
    public Vector3Mm Normalized() => Length > 0 ? this * (1 / Length) : this;
#pragma warning restore CS1591

    /// <summary>From a list of three values (Image Position, a direction triple).</summary>
    public static Vector3Mm From(IReadOnlyList<double> v, int offset = 0) => new(v[offset], v[offset + 1], v[offset + 2]);
}
