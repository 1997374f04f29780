namespace IronNotebooks.Plotting;

/// <summary>
/// A PNG picture with a caption, for notebooks and static viewers (GitHub, nbviewer run no scripts, so figures that
/// matter also need an image). Displays as an &lt;img&gt; with a data URI and as image/png.
/// </summary>
/// <param name="Png">The PNG file's bytes.</param>
/// <param name="Width">Width, px.</param>
/// <param name="Height">Height, px.</param>
/// <param name="Caption">What the picture shows.</param>
[IronNotebooks.Display.TypeFormatterSource(typeof(IronNotebooks.Display.ResultFormatterSource))]
public sealed record PngImage(byte[] Png, int Width, int Height, string Caption)
{
    /// <summary>The bytes as base64 (what a notebook's "image/png" output holds).</summary>
    public string ToBase64() => Convert.ToBase64String(Png);

    /// <summary>Writes the PNG file.</summary>
    public void Save(string path) => File.WriteAllBytes(path, Png);

    /// <inheritdoc />
    public override string ToString() => $"PNG {Width}×{Height}: {Caption}";
}
