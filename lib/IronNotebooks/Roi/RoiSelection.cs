namespace IronNotebooks.Roi;

/// <summary>Which ROIs of a set a measurement averages.</summary>
public static class RoiSelection
{
    /// <summary>
    /// The liver ROIs a liver value is the mean of. A liver region that holds the other liver ROIs is the parenchyma they
    /// were placed in (as `ironnb roi propose` writes "liver-parenchyma", used by the interval's spatial component,
    /// docs/methods.md §6.3), not a further ROI: counting it would weight one large region like a disc and depart from
    /// the published three-disc layout. So: when the set has liver ROIs drawn as shapes, liver masks beside them are
    /// left out; when all liver ROIs are masks (an imported SEG), a mask holding every pixel of all the other liver masks
    /// of its plane is left out. Anything else is measured as given.
    /// </summary>
    public static IReadOnlyList<RoiShape> MeasuredLivers(IEnumerable<RoiShape> rois)
    {
        var livers = Guard.NotNull(rois).Where(r => r.Role == RoiRole.Liver).ToList();
        if (livers.Any(r => r is not MaskRoi)) return [.. livers.Where(r => r is not MaskRoi)];
        var masks = livers.Cast<MaskRoi>().ToList();
        return [.. masks.Where(m => !HoldsAllOthers(m, masks))];
    }

    private static bool HoldsAllOthers(MaskRoi region, IReadOnlyList<MaskRoi> masks)
    {
        var others = masks.Where(m => !ReferenceEquals(m, region) && m.Rows == region.Rows && m.Columns == region.Columns
            && m.PlaneOriginMm == region.PlaneOriginMm).ToList();
        if (others.Count == 0) return false;
        var pixels = region.PixelIndices.ToHashSet();
        return others.All(o => o.PixelIndices.Count < pixels.Count && o.PixelIndices.All(pixels.Contains));
    }
}
