namespace IronNotebooks.FatWater;

/// <summary>Which of the two solutions of a magnitude fit was kept (magnitude data cannot tell PDFF p from 100 − p).</summary>
public enum FatWaterBranch
{
    /// <summary>Water-dominant: PDFF ≤ 50 % (almost every liver).</summary>
    WaterDominant,
    /// <summary>Fat-dominant: PDFF ≥ 50 %.</summary>
    FatDominant,
}
