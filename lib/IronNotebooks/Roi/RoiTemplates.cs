using IronNotebooks.Imaging;

namespace IronNotebooks.Roi;

/// <summary>Starting layouts of ROIs that a reader then moves into place.</summary>
public static class RoiTemplates
{
    /// <summary>
    /// The Rennes layout (Gandon et al., Lancet 2004;363:357, doi:10.1016/S0140-6736(04)15436-6; protocol as
    /// summarised in docs/methods.md §2): three liver ROIs in the right lobe and one ROI in each paraspinal muscle, on one
    /// axial slice. Liver discs are 16 mm across (the protocol asks 1–2 cm, avoiding vessels), muscle discs 12 mm.
    /// Positions are a generic guess on an axial image in radiological display (patient right on image left):
    /// liver at 25–35 % of the width, 35–55 % of the height; muscles at 50 % ∓ 8 % of the width, 80 % of the height.
    /// They must be moved onto the patient's anatomy (records: use <c>with</c>) before any measurement.
    /// </summary>
    public static RoiSet Rennes(ImageGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        double w = geometry.Columns, h = geometry.Rows;
        double liverRadius = 8 / geometry.ColumnSpacingMm, muscleRadius = 6 / geometry.ColumnSpacingMm;
        RoiShape Disc(string name, RoiRole role, double fx, double fy, double r) =>
            new CircleRoi(name, role, RoiSpace.Pixel, new RoiPoint(Math.Round(fx * w, 1), Math.Round(fy * h, 1)), Math.Round(r, 2));
        return new RoiSet("Rennes layout template: 3 liver + 2 paraspinal muscle ROIs; move onto the anatomy before measuring", null,
        [
            Disc("liver-1", RoiRole.Liver, 0.25, 0.40, liverRadius),
            Disc("liver-2", RoiRole.Liver, 0.35, 0.45, liverRadius),
            Disc("liver-3", RoiRole.Liver, 0.28, 0.55, liverRadius),
            Disc("muscle-right", RoiRole.MuscleRightParaspinal, 0.42, 0.80, muscleRadius),
            Disc("muscle-left", RoiRole.MuscleLeftParaspinal, 0.58, 0.80, muscleRadius),
        ]);
    }
}
