namespace IronNotebooks.RoiProposals;

/// <summary>Settings of <see cref="RoiProposer"/>; change with <c>with</c>. Defaults follow the Rennes protocol (docs/methods.md §2.1):
/// three 16 mm liver discs and 12 mm paraspinal discs on one axial slice.</summary>
public sealed record RoiProposalOptions
{
    /// <summary>The defaults.</summary>
    public static RoiProposalOptions Default { get; } = new();

    /// <summary>Diameter of each liver disc, mm (Rennes: 16).</summary>
    public double LiverDiscDiameterMm { get; init; } = 16;

    /// <summary>Number of liver discs (Rennes: 3).</summary>
    public int LiverDiscCount { get; init; } = 3;

    /// <summary>Diameter of each paraspinal muscle disc, mm.</summary>
    public double MuscleDiscDiameterMm { get; init; } = 12;

    /// <summary>On coronal slices the vertebral column counts as in plane (and muscles are proposed beside it) when the
    /// midline profile along z has at least this normalized autocorrelation at the vertebral period (22–45 mm).</summary>
    public double VertebralPeriodicityMin { get; init; } = 0.3;

    /// <summary>Largest air disc radius, mm.</summary>
    public double AirDiscMaxRadiusMm { get; init; } = 20;

    /// <summary>Clearance kept between a disc's edge and any vessel, organ edge or inhomogeneous pixel, mm.</summary>
    public double EdgeClearanceMm { get; init; } = 4;

    /// <summary>Side of the square window of the local mean / SD used for homogeneity, mm.</summary>
    public double HomogeneityWindowMm { get; init; } = 7;

    /// <summary>SD of the Gaussian that estimates the coil-shading bias field (normalized convolution over homogeneous body
    /// pixels), mm; the parenchyma is grown on the first echo divided by it.</summary>
    public double ShadingScaleMm { get; init; } = 30;

    /// <summary>A pixel is homogeneous when the local SD of the first echo is at most this many noise σ plus
    /// <see cref="HomogeneityRelativeSd"/> of the local mean.</summary>
    public double HomogeneityNoiseFactor { get; init; } = 2.0;

    /// <summary>Relative texture allowed in homogeneous parenchyma (fraction of the local mean).</summary>
    public double HomogeneityRelativeSd { get; init; } = 0.06;

    /// <summary>The liver must contain a homogeneous disc at least this large (radius, mm) on the patient's right; else "not found".</summary>
    public double MinLiverInscribedRadiusMm { get; init; } = 20;

    /// <summary>A disc position is an R2* outlier when its local mean R2* differs from the parenchyma median by more than this fraction (plus 3 s⁻¹).</summary>
    public double R2StarOutlierFraction { get; init; } = 0.15;

    /// <summary>Also return the parenchyma (edge-eroded, outliers removed) as a mask ROI named "liver-parenchyma".</summary>
    public bool IncludeParenchymaMask { get; init; } = true;
}
