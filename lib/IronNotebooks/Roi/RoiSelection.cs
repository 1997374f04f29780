namespace IronNotebooks.Roi;

/// <summary>Which ROIs of a set a measurement averages.</summary>
public static class RoiSelection
{
    /// <summary>
    /// The liver ROIs a liver value is the mean of. When the set has liver ROIs drawn as shapes (the Rennes three discs),
    /// a liver <see cref="MaskRoi"/> beside them is the parenchyma they were placed in (as `ironnb roi propose` writes
    /// "liver-parenchyma", used by the interval's spatial component, docs/methods.md §6.3) and is not a further ROI:
    /// counting it would weight one large region like a disc and depart from the published layout. A set whose only
    /// liver ROIs are masks (an imported segmentation) is measured on those masks.
    /// </summary>
    public static IReadOnlyList<RoiShape> MeasuredLivers(IEnumerable<RoiShape> rois)
    {
        var livers = Guard.NotNull(rois).Where(r => r.Role == RoiRole.Liver).ToList();
        return livers.Any(r => r is not MaskRoi) ? [.. livers.Where(r => r is not MaskRoi)] : livers;
    }
}
