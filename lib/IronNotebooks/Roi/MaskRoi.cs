using System.Text.Json.Serialization;

namespace IronNotebooks.Roi;

/// <summary>A binary mask in pixel space: the listed pixel indices (y × Columns + x) of a Rows × Columns image.</summary>
/// <param name="Name">Unique name in its set.</param>
/// <param name="Role">What it measures.</param>
/// <param name="Rows">Rows of the image the mask was drawn on.</param>
/// <param name="Columns">Columns of that image.</param>
/// <param name="PixelIndices">Indices of the pixels inside.</param>
public sealed record MaskRoi(string Name, RoiRole Role, int Rows, int Columns, IReadOnlyList<int> PixelIndices) : RoiShape(Name, Role, RoiSpace.Pixel)
{
    /// <summary>
    /// Image Position (Patient) of the first pixel centre of the plane the mask belongs to, mm (DICOM LPS), when known
    /// (masks read from a DICOM Segmentation carry it; one mask per segment per plane). The rasteriser then refuses a
    /// plane that is not that one (farther than half a slice thickness, or shifted in-plane by half a pixel or more),
    /// so a mask of slice 7 is never measured on slice 3. Optional in schema version 1: omitted from the file when null.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RoiPoint? PlaneOriginMm { get; init; }
}
