using System.Text.Json.Serialization;

namespace IronNotebooks.Imaging;

/// <summary>
/// Frames of one series that share echo time, image component and matrix size: one echo of a multi-echo acquisition,
/// or one single-echo sequence.
/// </summary>
/// <param name="EchoTimeMs">Echo time, ms (null when the frames have none).</param>
/// <param name="Component">Magnitude, phase, real or imaginary.</param>
/// <param name="ImageType">Image Type / Frame Type of the first frame, values joined with backslash.</param>
/// <param name="Files">Files contributing frames.</param>
/// <param name="Frames">Frames.</param>
/// <param name="SliceCount">Distinct slice positions (to 0.01 mm along the plane normal).</param>
/// <param name="Rows">Rows.</param>
/// <param name="Columns">Columns.</param>
/// <param name="FrameReferences">The frames, ordered by slice location then file.</param>
public sealed record CatalogAcquisition(double? EchoTimeMs, ImageComponent Component, string ImageType, int Files, int Frames,
    int SliceCount, int Rows, int Columns, [property: JsonIgnore] IReadOnlyList<FrameReference> FrameReferences);
