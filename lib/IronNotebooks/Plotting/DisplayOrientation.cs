using IronNotebooks.Imaging;

namespace IronNotebooks.Plotting;

/// <summary>
/// How to turn a plane for display so that it reads as radiologists expect (radiological convention): patient right on
/// the image left, head or anterior at the top. A plane whose row direction points to the patient's right (LPS −x
/// dominant) is mirrored left–right; one whose column direction points head-wards or anteriorly (LPS +z or −y
/// dominant) is mirrored top–bottom. DICOM from scanners usually needs neither; NIfTI planes (+j = superior or
/// anterior) usually need the top–bottom flip. Pixel coordinates of ROIs are unchanged: only the picture is turned.
/// </summary>
/// <param name="FlipHorizontal">Mirror left–right.</param>
/// <param name="FlipVertical">Mirror top–bottom.</param>
public sealed record DisplayOrientation(bool FlipHorizontal, bool FlipVertical)
{
    /// <summary>Show pixel (0, 0) at the top left, as stored.</summary>
    public static DisplayOrientation AsStored { get; } = new(false, false);

    /// <summary>The radiological orientation for a plane's geometry.</summary>
    public static DisplayOrientation Radiological(ImageGeometry g)
    {
        ArgumentNullException.ThrowIfNull(g);
        var r = g.RowDirection;
        var c = g.ColumnDirection;
        bool rowToPatientRight = Math.Abs(r.X) >= Math.Max(Math.Abs(r.Y), Math.Abs(r.Z)) && r.X < 0;
        bool columnUpwards = (Math.Abs(c.Z) >= Math.Max(Math.Abs(c.X), Math.Abs(c.Y)) && c.Z > 0)
                             || (Math.Abs(c.Y) >= Math.Max(Math.Abs(c.X), Math.Abs(c.Z)) && c.Y < 0);
        return new DisplayOrientation(rowToPatientRight, columnUpwards);
    }
}
