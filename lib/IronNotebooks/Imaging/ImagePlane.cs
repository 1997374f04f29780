namespace IronNotebooks.Imaging;

/// <summary>
/// One 2-D image as floats (row by row, <c>Pixels[y * Columns + x]</c>) with its geometry, echo time and origin.
/// Immutable: the pixel array is not exposed for writing.
/// </summary>
public sealed class ImagePlane
{
    private readonly float[] _pixels;

    /// <summary>Creates a plane; <paramref name="pixels"/> is taken over (not copied) and must not be changed afterwards.</summary>
    /// <exception cref="ArgumentException">Pixel count does not match the geometry.</exception>
    public ImagePlane(float[] pixels, ImageGeometry geometry, double? echoTimeMs, string source)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(geometry);
        if (pixels.Length != geometry.Rows * geometry.Columns)
            throw new ArgumentException($"{pixels.Length} pixels do not fill {geometry.Rows}×{geometry.Columns}.", nameof(pixels));
        _pixels = pixels;
        Geometry = geometry;
        EchoTimeMs = echoTimeMs;
        Source = source;
    }

    /// <summary>Pixel values, row by row.</summary>
    public ReadOnlySpan<float> Pixels => _pixels;

    /// <summary>Geometry.</summary>
    public ImageGeometry Geometry { get; }

    /// <summary>Echo time, ms, if known.</summary>
    public double? EchoTimeMs { get; }

    /// <summary>Where the pixels came from (file and frame, or NIfTI file and slice).</summary>
    public string Source { get; }

    /// <summary>Columns.</summary>
    public int Columns => Geometry.Columns;

    /// <summary>Rows.</summary>
    public int Rows => Geometry.Rows;

    /// <summary>The value at column <paramref name="x"/>, row <paramref name="y"/>.</summary>
    public float this[int x, int y] => _pixels[y * Columns + x];
}
