using IronNotebooks.Dicom.IO;
using IronNotebooks.Imaging;

namespace IronNotebooks.Interchange;

/// <summary>One plane (slice position) of a source series: its geometry and the DICOM images acquired there.</summary>
public sealed record SourcePlane
{
    /// <summary>Zero-based index, planes ordered along the plane normal (the order of `--slice` elsewhere).</summary>
    public required int Index { get; init; }

    /// <summary>Where the plane lies.</summary>
    public required ImageGeometry Geometry { get; init; }

    /// <summary>Every image (echo, component) at this plane, with the frame number for multi-frame files.</summary>
    public required IReadOnlyList<DicomSourceImage> SourceImages { get; init; }

    /// <summary>The files holding those images.</summary>
    public required IReadOnlyList<string> Files { get; init; }
}
